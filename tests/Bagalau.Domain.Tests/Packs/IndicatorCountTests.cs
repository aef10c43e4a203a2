using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Tests.Packs;

/// <summary>
/// Pins every (competency, group) cell of the Appendix 4 tables of the three kpi-competency-2018 packs, as the
/// engine loads them from the embedded packs/&lt;id&gt;/indicators.yaml (via TestData). The seed tables are damaged;
/// these are the counts of the repaired, intended tables (the same numbers as packs/&lt;id&gt;/cases/indicators.yaml).
/// </summary>
public sealed class IndicatorCountTests
{
    /// <summary>One competency row of a table: indicator counts per group (group 1 first), effective and ineffective.</summary>
    private sealed record Row(string Pack, string Competency, int[] Effective, int[] Ineffective);

    // Appendix 3 order. mdai lists effective indicators only; sjc-apparatus has two groups.
    private static readonly Row[] Table =
    [
        // almaty-akimat
        new("almaty-akimat", "activity-management", [3, 4, 4], [3, 4, 4]),
        new("almaty-akimat", "cooperation", [3, 4, 3], [3, 4, 3]),
        new("almaty-akimat", "decision-making", [5, 5, 3], [5, 5, 3]),
        new("almaty-akimat", "promptness", [4, 3, 4], [4, 3, 4]),
        new("almaty-akimat", "self-development", [4, 3, 3], [4, 3, 3]),
        new("almaty-akimat", "customer-orientation", [4, 3, 3], [4, 3, 3]),
        new("almaty-akimat", "customer-informing", [2, 3, 3], [2, 3, 3]),
        new("almaty-akimat", "integrity", [6, 6, 3], [6, 5, 3]),
        new("almaty-akimat", "responsibility", [1, 1, 1], [1, 1, 1]),
        new("almaty-akimat", "initiative", [1, 1, 1], [1, 1, 1]),
        new("almaty-akimat", "stress-resistance", [1, 1, 1], [1, 1, 1]),
        // mdai
        new("mdai", "activity-management", [3, 4, 4], [0, 0, 0]),
        new("mdai", "cooperation", [3, 4, 3], [0, 0, 0]),
        new("mdai", "decision-making", [5, 5, 3], [0, 0, 0]),
        new("mdai", "promptness", [4, 3, 4], [0, 0, 0]),
        new("mdai", "self-development", [4, 3, 3], [0, 0, 0]),
        new("mdai", "customer-orientation", [4, 3, 3], [0, 0, 0]),
        new("mdai", "customer-informing", [2, 3, 3], [0, 0, 0]),
        new("mdai", "integrity", [6, 5, 3], [0, 0, 0]),
        new("mdai", "responsibility", [1, 1, 1], [0, 0, 0]),
        new("mdai", "initiative", [1, 1, 1], [0, 0, 0]),
        new("mdai", "stress-resistance", [1, 1, 1], [0, 0, 0]),
        // sjc-apparatus
        new("sjc-apparatus", "activity-management", [3, 4], [3, 4]),
        new("sjc-apparatus", "cooperation", [3, 3], [3, 3]),
        new("sjc-apparatus", "decision-making", [5, 3], [5, 3]),
        new("sjc-apparatus", "promptness", [4, 4], [4, 4]),
        new("sjc-apparatus", "self-development", [4, 3], [4, 3]),
        new("sjc-apparatus", "customer-orientation", [4, 3], [4, 3]),
        new("sjc-apparatus", "customer-informing", [2, 3], [2, 3]),
        new("sjc-apparatus", "integrity", [6, 3], [6, 3]),
        new("sjc-apparatus", "responsibility", [1, 1], [1, 1]),
        new("sjc-apparatus", "initiative", [1, 1], [1, 1]),
        new("sjc-apparatus", "stress-resistance", [1, 1], [1, 1]),
    ];

    public static TheoryData<string, string, int, int, int> Cells()
    {
        var data = new TheoryData<string, string, int, int, int>();
        foreach (var row in Table)
        {
            for (var i = 0; i < row.Effective.Length; i++)
            {
                data.Add(row.Pack, row.Competency, i + 1, row.Effective[i], row.Ineffective[i]);
            }
        }

        return data;
    }

    private static IndicatorTable IndicatorsOf(string pack)
    {
        var found = TestData.Catalogue.Find(pack);
        Assert.NotNull(found);
        Assert.NotNull(found.Indicators);
        return found.Indicators;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Cell_HoldsTheIndicatorCountOfTheAct(string pack, string competency, int group, int effective, int ineffective)
    {
        var cell = IndicatorsOf(pack).Cell(competency, group);

        Assert.NotNull(cell);
        Assert.Equal(effective, cell.Effective.Count);
        Assert.Equal(ineffective, cell.Ineffective.Count);
    }

    [Theory]
    [InlineData("almaty-akimat", 33, 97, 96)]
    [InlineData("mdai", 33, 96, 0)]
    [InlineData("sjc-apparatus", 22, 63, 63)]
    public void Table_HoldsEveryCellAndTheActsTotals(string pack, int cells, int effective, int ineffective)
    {
        var table = IndicatorsOf(pack);
        var expected = Table.Where(r => r.Pack == pack)
            .SelectMany(r => r.Effective.Select((_, i) => (r.Competency, Group: i + 1)))
            .OrderBy(c => c.Competency, StringComparer.Ordinal).ThenBy(c => c.Group)
            .ToList();
        var actual = table.Cells
            .Select(c => (c.Competency, c.Group))
            .OrderBy(c => c.Competency, StringComparer.Ordinal).ThenBy(c => c.Group)
            .ToList();

        Assert.Equal(cells, expected.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(effective, table.Cells.Sum(c => c.Effective.Count));
        Assert.Equal(ineffective, table.Cells.Sum(c => c.Ineffective.Count));
    }

    [Theory]
    [InlineData("almaty-akimat", "D-O-1", null, 1)]
    [InlineData("almaty-akimat", "D-2", null, 2)]
    [InlineData("almaty-akimat", "D-3", "unit-head", 2)]
    [InlineData("almaty-akimat", "D-O-2", null, 2)]
    [InlineData("almaty-akimat", "D-O-3", null, 2)]
    [InlineData("almaty-akimat", "D-3", null, 3)]
    [InlineData("almaty-akimat", "D-4", null, 3)]
    [InlineData("almaty-akimat", "D-4", "unit-head", 3)]
    [InlineData("almaty-akimat", "D-O-4", null, 3)]
    [InlineData("almaty-akimat", "D-O-5", null, 3)]
    [InlineData("almaty-akimat", "D-O-6", null, 3)]
    [InlineData("mdai", "C-1", null, 1)]
    [InlineData("mdai", "C-2", "deputy-director", 2)]
    [InlineData("mdai", "C-3", "division-head", 2)]
    [InlineData("mdai", "C-2", null, 3)]
    [InlineData("mdai", "C-3", null, 3)]
    [InlineData("mdai", "C-3", "deputy-director", 3)]
    [InlineData("mdai", "C-4", null, 3)]
    [InlineData("mdai", "C-5", null, 3)]
    [InlineData("sjc-apparatus", "B-1", null, 1)]
    [InlineData("sjc-apparatus", "B-2", "unit-head", 1)]
    [InlineData("sjc-apparatus", "B-4", null, 2)]
    [InlineData("sjc-apparatus", "B-5", null, 2)]
    public void Position_FallsInTheGroupTheActsColumnGives(string pack, string category, string? qualifier, int group)
    {
        Assert.Equal(group, IndicatorsOf(pack).GroupOf(new Position(category, qualifier)));
    }

    [Theory]
    [InlineData("almaty-akimat", "D-1", null)]
    [InlineData("almaty-akimat", "D-O-7", null)]
    [InlineData("mdai", "D-4", null)]
    [InlineData("mdai", "B-1", null)]
    [InlineData("sjc-apparatus", "B-2", null)]
    [InlineData("sjc-apparatus", "B-3", null)]
    [InlineData("sjc-apparatus", "B-3", "unit-head")]
    public void Position_TheActDoesNotList_IsNotCovered(string pack, string category, string? qualifier)
    {
        Assert.Null(IndicatorsOf(pack).GroupOf(new Position(category, qualifier)));
    }

    [Fact]
    public void PublicExamples_AgreeWithTheTables()
    {
        // ../shared/spec/examples/examples.yaml: almaty D-4 activity-management has 4, mdai C-4 cooperation 3.
        Assert.Equal(3, IndicatorsOf("almaty-akimat").GroupOf(new Position("D-4", null)));
        Assert.Equal(4, IndicatorsOf("almaty-akimat").Cell("activity-management", 3)?.Effective.Count);
        Assert.Equal(3, IndicatorsOf("mdai").GroupOf(new Position("C-4", null)));
        Assert.Equal(3, IndicatorsOf("mdai").Cell("cooperation", 3)?.Effective.Count);
    }
}
