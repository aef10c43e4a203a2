namespace Bagalau.Domain.Packs;

/// <summary>A position as the indicator groups see it: a category code and an optional qualifier.</summary>
public sealed record Position(string Category, string? Qualifier);

/// <summary>One (competency, group) cell of Appendix 4: the act's indicators, verbatim and in order.</summary>
public sealed record IndicatorCell(string Competency, int Group, IReadOnlyList<string> Effective, IReadOnlyList<string> Ineffective, IReadOnlyList<string> Repairs);

/// <summary>An indicator group and the positions that fall into it.</summary>
public sealed record IndicatorGroup(int Group, IReadOnlyList<Position> Positions);

/// <summary>Appendix 4 of a 2018-family act (indicators.yaml).</summary>
public sealed class IndicatorTable(string source, string appendix, IReadOnlyList<IndicatorGroup> groups, IReadOnlyList<IndicatorCell> cells)
{
    private readonly Dictionary<(string, int), IndicatorCell> _cells = cells
        .GroupBy(c => (c.Competency, c.Group))
        .ToDictionary(g => g.Key, g => g.First());

    public string Source { get; } = source;

    public string Appendix { get; } = appendix;

    public IReadOnlyList<IndicatorGroup> Groups { get; } = groups;

    public IReadOnlyList<IndicatorCell> Cells { get; } = cells;

    /// <summary>
    /// The group of a position: an entry with the same category and qualifier wins, else one with the
    /// same category and no qualifier; null when the pack does not cover the category (clause 26).
    /// </summary>
    public int? GroupOf(Position position)
    {
        var entries = Groups.SelectMany(g => g.Positions.Select(p => (g.Group, p))).ToList();
        if (position.Qualifier is not null)
        {
            var exact = entries.FirstOrDefault(e => e.p.Category == position.Category && e.p.Qualifier == position.Qualifier);
            if (exact.p is not null)
            {
                return exact.Group;
            }
        }

        var plain = entries.FirstOrDefault(e => e.p.Category == position.Category && e.p.Qualifier is null);
        return plain.p is null ? null : plain.Group;
    }

    public IndicatorCell? Cell(string competency, int group) => _cells.GetValueOrDefault((competency, group));
}
