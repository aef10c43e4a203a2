using Bagalau.Domain.Organisation;

namespace Bagalau.Application.Import;

/// <summary>The kinds of organisation data a file can hold, in the order they are applied (docs/import-format.md).</summary>
public enum ImportKind
{
    Units,
    Positions,
    Servants,
    Appointments,
    Probations,
    Absences,
    Dismissals,
    Sanctions,
    ReportingLines,
}

/// <summary>A column of a kind: its header name and whether a row must fill it.</summary>
public sealed record ImportColumn(string Name, bool Required);

/// <summary>The file format: for each kind, its sheet / file name and its columns.</summary>
public static class ImportFormat
{
    private static readonly Dictionary<ImportKind, ImportColumn[]> ColumnsOf = new()
    {
        [ImportKind.Units] = [Req("unit_code"), Opt("parent_code"), Req("name_kk"), Opt("name_ru"), Opt("name_en")],
        [ImportKind.Positions] = [Req("position_code"), Req("unit_code"), Req("title_kk"), Opt("title_ru"), Opt("title_en"), Req("category"), Opt("qualifier")],
        [ImportKind.Servants] = [Req("iin"), Req("full_name"), Opt("email"), Opt("phone"), Opt("provides_public_services")],
        [ImportKind.Appointments] = [Req("iin"), Req("position_code"), Req("from"), Opt("to")],
        [ImportKind.Probations] = [Req("iin"), Req("from"), Req("to")],
        [ImportKind.Absences] = [Req("iin"), Req("kind"), Req("from"), Req("to")],
        [ImportKind.Dismissals] = [Req("iin"), Req("date"), Opt("note")],
        [ImportKind.Sanctions] = [Req("iin"), Req("kind"), Req("applied"), Opt("lifted"), Opt("note")],
        [ImportKind.ReportingLines] = [Req("iin"), Req("kind"), Req("supervisor_iin")],
    };

    public static IReadOnlyList<ImportKind> Kinds { get; } = Enum.GetValues<ImportKind>();

    /// <summary>The columns of a kind, in the order export writes them.</summary>
    public static IReadOnlyList<ImportColumn> Columns(ImportKind kind) => ColumnsOf[kind];

    /// <summary>Sheet name in a workbook and kind id on the command line: units, positions, ..., reporting-lines.</summary>
    public static string Id(ImportKind kind) => KindIds.Id(kind);

    public static bool TryParseKind(string? id, out ImportKind kind) => KindIds.TryParse(id?.Trim().ToLowerInvariant().Replace('_', '-'), out kind);

    public static string KindList => string.Join(", ", Kinds.Select(Id));

    /// <summary>
    /// The kind whose columns a header row has: every required column present and no unknown
    /// one. When none fits, the closest kind and what is missing or unknown for it.
    /// </summary>
    public static HeaderMatch Match(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var set = names.ToHashSet(StringComparer.Ordinal);
        var exact = Kinds.Where(k => Fits(k, set)).ToList();
        if (exact.Count == 1)
        {
            return new HeaderMatch(exact[0], [], []);
        }

        // Closest kind: most shared columns, then fewest differences.
        var best = Kinds
            .Select(k => (Kind: k, Shared: ColumnsOf[k].Count(c => set.Contains(c.Name)), Diff: Missing(k, set).Count + Unknown(k, names).Count))
            .OrderByDescending(x => x.Shared).ThenBy(x => x.Diff).ToList();
        if (best[0].Shared == 0 || (best.Count > 1 && best[1].Shared == best[0].Shared && best[1].Diff == best[0].Diff))
        {
            return new HeaderMatch(null, [], []);
        }

        return new HeaderMatch(best[0].Kind, Missing(best[0].Kind, set), Unknown(best[0].Kind, names));
    }

    /// <summary>Checks a header against a given kind (sheet name or --kind option).</summary>
    public static HeaderMatch Match(IReadOnlyList<string> header, ImportKind kind)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        return new HeaderMatch(kind, Missing(kind, names.ToHashSet(StringComparer.Ordinal)), Unknown(kind, names));
    }

    private static bool Fits(ImportKind kind, HashSet<string> header) =>
        Missing(kind, header).Count == 0 && header.All(h => ColumnsOf[kind].Any(c => c.Name == h));

    private static List<string> Missing(ImportKind kind, HashSet<string> header) =>
        ColumnsOf[kind].Where(c => c.Required && !header.Contains(c.Name)).Select(c => c.Name).ToList();

    private static List<string> Unknown(ImportKind kind, List<string> header) =>
        header.Where(h => h.Length > 0 && !ColumnsOf[kind].Any(c => c.Name == h)).Distinct().ToList();

    private static ImportColumn Req(string name) => new(name, true);

    private static ImportColumn Opt(string name) => new(name, false);
}

/// <summary>Outcome of matching a header row: the kind (null if none) and the column problems.</summary>
public sealed record HeaderMatch(ImportKind? Kind, IReadOnlyList<string> MissingColumns, IReadOnlyList<string> UnknownColumns)
{
    public bool IsExact => Kind is not null && MissingColumns.Count == 0 && UnknownColumns.Count == 0;
}
