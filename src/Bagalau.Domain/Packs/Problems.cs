using System.Globalization;

namespace Bagalau.Domain.Packs;

/// <summary>One thing wrong with a pack or calendar file: where it is and why it is wrong.</summary>
public sealed record PackProblem(string File, string Path, int Line, string Reason)
{
    public override string ToString()
    {
        var where = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}") : File;
        return Path.Length == 0 ? $"{where}: {Reason}" : $"{where}: {Path}: {Reason}";
    }
}

/// <summary>Collects every problem found while loading, so that all of them are reported at once.</summary>
public sealed class Problems
{
    private readonly List<PackProblem> _items = [];

    public IReadOnlyList<PackProblem> Items => _items;

    public bool Any => _items.Count > 0;

    /// <summary>Adds a problem at a node; the reason is formatted with the invariant culture.</summary>
    public void Add(Node node, FormattableString reason) =>
        _items.Add(new PackProblem(node.Span.File, node.Span.Path, node.Span.Line, FormattableString.Invariant(reason)));

    public void Add(string file, string path, FormattableString reason) =>
        _items.Add(new PackProblem(file, path, 0, FormattableString.Invariant(reason)));

    public void AddRange(IEnumerable<PackProblem> problems) => _items.AddRange(problems);
}

/// <summary>Thrown only by the catalogue loader when a pack or calendar has problems: nothing is loaded.</summary>
public sealed class PackLoadException(IReadOnlyList<PackProblem> problems)
    : Exception(Describe(problems))
{
    public IReadOnlyList<PackProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<PackProblem> problems) =>
        string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problem(s):{Environment.NewLine}")
        + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
}
