using Bagalau.Domain.Packs;

namespace Bagalau.Application.Packs;

/// <summary>A pack version as listed: id and the dates it is in force (To null: open-ended), with its notes.</summary>
public sealed record PackVersionView(string Id, DateOnly EffectiveFrom, DateOnly? EffectiveTo, IReadOnlyList<string> Notes);

/// <summary>A pack as listed: id, family id, title and the act's title in one language, versions, the act's assumptions.</summary>
public sealed record PackSummaryView(
    string Id,
    string Family,
    string Title,
    string ActTitle,
    string ActNumber,
    DateOnly ActAdopted,
    string ActSource,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<PackVersionView> Versions)
{
    /// <summary>How the pack reads the act where it is silent or open (a date the seed lacks, an ambiguous word), each with its clause.</summary>
    public IReadOnlyList<PackReadingView> Readings { get; init; } = [];
}

/// <summary>One reading of the act the pack adopts, in the reader's language, with the clause it reads.</summary>
public sealed record PackReadingView(string Clause, string Text);

/// <summary>One cell of the indicator table: a competency for a group of positions, with the act's indicator texts (Kazakh verbatim).</summary>
public sealed record IndicatorCellView(string Competency, string CompetencyTitle, int Group, IReadOnlyList<string> Effective, IReadOnlyList<string> Ineffective, IReadOnlyList<string> Repairs);

/// <summary>A group of rules of the same kind (roles, forms, deadlines...) in the order the describer lists them.</summary>
public sealed record RuleGroupView(string Title, IReadOnlyList<RuleLine> Rules);

/// <summary>
/// The rules of a pack in force on a date: the version, every rule grouped with its clause and the
/// clause text, the indicator table. Null version: no version in force on that date.
/// </summary>
public sealed record PackPageView(
    PackSummaryView Pack,
    DateOnly AsOf,
    PackVersionView? Version,
    IReadOnlyList<RuleGroupView> Groups,
    string? IndicatorAppendix,
    IReadOnlyList<IndicatorCellView> Indicators)
{
    /// <summary>When no version is in force: when the pack's force began or ended and why, in the reader's language.</summary>
    public string? NotInForce { get; init; }
}

/// <summary>
/// The read-only views of packs shared by the web pages and the API: built from the same
/// <see cref="PackDescriber"/> lines as `bagalau packs show`, so the rules are formatted once.
/// </summary>
public static class PackViews
{
    public static IReadOnlyList<PackSummaryView> List(PackCatalogue catalogue, string language) =>
        [.. catalogue.Packs.Select(p => Summary(p, language))];

    public static PackSummaryView Summary(Pack pack, string language) => new(
        pack.Id,
        Pack.FamilyId(pack.Family),
        pack.Title.In(language),
        pack.Act.Title.In(language),
        pack.Act.Number,
        pack.Act.Adopted,
        pack.Act.Source,
        pack.Act.Assumptions,
        [.. pack.Versions.Select(Version)])
    {
        Readings = [.. pack.Act.Readings.Select(r => new PackReadingView(r.Clause, r.Text.In(language)))],
    };

    /// <summary>The page of a pack on a date; the rules of the version in force then, none when no version is.</summary>
    public static PackPageView Page(Pack pack, DateOnly asOf, string language)
    {
        var version = pack.VersionOn(asOf);
        if (version is null)
        {
            return new PackPageView(Summary(pack, language), asOf, null, [], null, [])
            {
                NotInForce = Domain.Decisions.Refusals.NoVersionInForce(pack, asOf).Message.In(language),
            };
        }

        var groups = new List<RuleGroupView>();
        foreach (var line in PackDescriber.Describe(version, language))
        {
            // Parameters are indented under their form: they belong to the forms group.
            var title = line.Rule.StartsWith(' ') ? groups[^1].Title : line.Rule;
            if (groups.Count > 0 && groups[^1].Title == title)
            {
                groups[^1] = groups[^1] with { Rules = [.. groups[^1].Rules, line with { Rule = line.Rule.Trim() }] };
            }
            else
            {
                groups.Add(new RuleGroupView(title, [line]));
            }
        }

        var table = version.Rules.CompetencyLevel is null ? null : pack.Indicators;
        var cells = table is null
            ? []
            : table.Cells.Select(c => new IndicatorCellView(c.Competency, version.Rules.Competencies?.Find(c.Competency)?.Title.In(language) ?? c.Competency, c.Group, c.Effective, c.Ineffective, c.Repairs)).ToList();
        return new PackPageView(Summary(pack, language), asOf, Version(version), groups, table?.Appendix, cells);
    }

    private static PackVersionView Version(PackVersion v) => new(v.Id, v.EffectiveFrom, v.EffectiveTo, v.Notes);
}
