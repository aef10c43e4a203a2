namespace Bagalau.Domain.Packs;

/// <summary>Where a node of a data file came from: the file name, the path inside it and the 1-based line and column.</summary>
public sealed record SourceSpan(string File, string Path, int Line, int Column)
{
    public static SourceSpan None(string file) => new(file, "", 0, 0);

    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column} {Path}" : $"{File} {Path}";
}

/// <summary>
/// A plain data tree (maps, lists, string scalars) read from a pack, calendar or case file.
/// The Domain never sees YAML: the edge turns YAML into this tree, keeping scalars as strings
/// (YAML 1.2 core-ish), so "yes" and "2026-01-01" mean what the reader of each key decides.
/// </summary>
public abstract class Node(SourceSpan span)
{
    public SourceSpan Span { get; } = span;

    public string Path => Span.Path;

    /// <summary>A short description of the node's shape for error messages.</summary>
    public abstract string Kind { get; }
}

/// <summary>A scalar. <see cref="IsNull"/> for a plain <c>null</c>, <c>~</c> or empty value.</summary>
public sealed class ScalarNode(SourceSpan span, string value, bool quoted) : Node(span)
{
    public string Value { get; } = value;

    /// <summary>True when the file quoted the value: a quoted "null" is the string null.</summary>
    public bool Quoted { get; } = quoted;

    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Kind => IsNull ? "null" : "scalar";

    public override string ToString() => Value;
}

/// <summary>A mapping with string keys in file order. Duplicate keys are rejected by the reader.</summary>
public sealed class MapNode(SourceSpan span, IReadOnlyList<KeyValuePair<string, Node>> entries) : Node(span)
{
    private readonly Dictionary<string, Node> _byKey = entries
        .GroupBy(e => e.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, Node>> Entries { get; } = entries;

    public override string Kind => "map";

    public Node? this[string key] => _byKey.GetValueOrDefault(key);

    public bool Has(string key) => _byKey.ContainsKey(key);

    public IEnumerable<string> Keys => Entries.Select(e => e.Key);
}

/// <summary>A sequence.</summary>
public sealed class ListNode(SourceSpan span, IReadOnlyList<Node> items) : Node(span)
{
    public IReadOnlyList<Node> Items { get; } = items;

    public override string Kind => "list";
}

/// <summary>Builds child spans so that every problem can name its file and path.</summary>
public static class TreePaths
{
    public static string Child(string parent, string key) =>
        parent.Length == 0 ? key : $"{parent}.{key}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
