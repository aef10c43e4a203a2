using System.Globalization;
using Bagalau.Application.Organisation;

namespace Bagalau.Application.Import;

/// <summary>A file to import: its name decides the format (.csv or .xlsx); a CSV's kind comes from its header unless given.</summary>
public sealed record ImportFile(string Name, Stream Content, ImportKind? Kind = null);

/// <summary>Rows of one kind that created, changed or left a record as it was.</summary>
public sealed record KindCounts(int Created, int Updated, int Unchanged);

/// <summary>An import issue in the reader's language.</summary>
public sealed record LocalisedIssue(string Source, string? Sheet, int? Row, string? Column, string Code, string Message);

/// <summary>
/// Outcome of an import: either every row was applied (counts per kind) or nothing was written
/// and <see cref="Issues"/> names each bad row, column and reason.
/// </summary>
public sealed class ImportReport
{
    private ImportReport(IReadOnlyList<ImportIssue> issues, IReadOnlyDictionary<ImportKind, KindCounts> counts)
    {
        Issues = issues;
        Counts = counts;
    }

    public bool Succeeded => Issues.Count == 0;

    public IReadOnlyList<ImportIssue> Issues { get; }

    public IReadOnlyDictionary<ImportKind, KindCounts> Counts { get; }

    /// <summary>True when the import succeeded without creating or changing anything.</summary>
    public bool ChangedNothing => Succeeded && Counts.Values.All(c => c.Created == 0 && c.Updated == 0);

    public static ImportReport Failed(IReadOnlyList<ImportIssue> issues) => new(issues, new Dictionary<ImportKind, KindCounts>());

    public static ImportReport Done(IReadOnlyDictionary<ImportKind, KindCounts> counts) => new([], counts);

    /// <summary>The issues with their messages in the culture's language (kk, ru or en).</summary>
    public IReadOnlyList<LocalisedIssue> Localise(CultureInfo culture) =>
        Issues.Select(i => new LocalisedIssue(i.Source, i.Sheet, i.Row, i.Column, i.Error.Code, ErrorMessages.Format(i.Error, culture))).ToList();
}
