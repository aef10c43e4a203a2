using Bagalau.Domain.Packs;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Packs;

/// <summary>A bad pack is reported problem by problem, each with its file and path, and never loads.</summary>
public class PackValidationTests
{
    private const string Valid = """
        id: test
        family: quarterly-2023
        title: {kk: a, ru: b, en: c}
        act:
          title: {kk: a, ru: b, en: c}
          number: "1"
          adopted: 2024-01-01
          source: seed.txt
        versions:
          - id: v1
            effective-from: 2024-01-01
            effective-to: 2024-12-31
          - id: v2
            effective-from: 2025-01-01
        rules:
          forms:
            - id: non-leader
              clause: "2"
              title: {kk: a, ru: b, en: c}
              parameters:
                - {id: quality, clause: "2", title: {kk: a, ru: b, en: c}}
          quarter-score: {clause: "2", scale: {min: 0, max: 5}}
          grade-bands:
            clause: "7"
            bands:
              - {grade: effective, from: 4.00, to: 5.00, title: {kk: a, ru: b, en: c}}
              - {grade: proper, from: 3.00, to: 3.99, title: {kk: a, ru: b, en: c}}
              - {grade: low, from: 0.00, to: 2.99, title: {kk: a, ru: b, en: c}}
          deadlines:
            acquaint: {kind: working-days-after, days: 2, clause: "11"}
        """;

    private const string Clauses = """
        source: seed.txt
        clauses:
          "2": "2. text"
          "7": "7. text"
          "11": "11. text"
        """;

    private static IReadOnlyList<PackProblem> Problems(string pack, string? clauses = null, string? indicators = null) =>
        PackCatalogue.Validate(new PackSource(
            "test",
            Yaml(pack, "packs/test/pack.yaml"),
            clauses is null ? null : Yaml(clauses, "packs/test/clauses.yaml"),
            indicators is null ? null : Yaml(indicators, "packs/test/indicators.yaml")));

    [Fact]
    public void ValidPack_HasNoProblems() => Assert.Empty(Problems(Valid, Clauses));

    [Fact]
    public void OverlappingVersions_AreReported()
    {
        var problems = Problems(Valid.Replace("effective-from: 2025-01-01", "effective-from: 2024-12-01"));
        var p = Assert.Single(problems);
        Assert.Equal("packs/test/pack.yaml", p.File);
        Assert.Equal("versions", p.Path);
        Assert.Contains("overlap", p.Reason);
    }

    [Fact]
    public void GappedVersions_AreReported()
    {
        var p = Assert.Single(Problems(Valid.Replace("effective-from: 2025-01-01", "effective-from: 2025-02-01")));
        Assert.Contains("gap between versions 'v1'", p.Reason);
    }

    [Fact]
    public void BandGap_IsReported()
    {
        var p = Assert.Single(Problems(Valid.Replace("from: 3.00, to: 3.99", "from: 3.10, to: 3.99")));
        Assert.Equal("rules.grade-bands.bands", p.Path);
        Assert.Contains("gap between bands", p.Reason);
    }

    [Fact]
    public void BandOverlap_IsReported()
    {
        var p = Assert.Single(Problems(Valid.Replace("from: 0.00, to: 2.99", "from: 0.00, to: 3.00")));
        Assert.Contains("overlap", p.Reason);
    }

    [Fact]
    public void DeadlineWithoutClause_IsReported()
    {
        var p = Assert.Single(Problems(Valid.Replace("days: 2, clause: \"11\"", "days: 2")));
        Assert.Equal("rules.deadlines.acquaint", p.Path);
        Assert.Contains("missing required key 'clause'", p.Reason);
        Assert.True(p.Line > 0);
    }

    [Fact]
    public void UnknownDeadlineId_IsReported()
    {
        var p = Assert.Single(Problems(Valid.Replace("acquaint: {kind", "acquaintance: {kind")));
        Assert.Equal("rules.deadlines.acquaintance", p.Path);
        Assert.Contains("unknown deadline id", p.Reason);
    }

    [Fact]
    public void ClauseMissingFromClausesFile_IsReported()
    {
        var p = Assert.Single(Problems(Valid, Clauses.Replace("\n  \"11\": \"11. text\"", "")));
        Assert.Equal("rules.deadlines.acquaint.clause", p.Path);
        Assert.Contains("clause '11' is not in clauses.yaml", p.Reason);
    }

    [Fact]
    public void UnknownKeyAndBadDate_AreBothReported()
    {
        var problems = Problems(Valid.Replace("number: \"1\"", "number: \"1\"\n  colour: red").Replace("adopted: 2024-01-01", "adopted: 2024-13-01"));
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Path == "act.colour" && p.Reason == "unknown key 'colour'");
        Assert.Contains(problems, p => p.Path == "act.adopted" && p.Reason.Contains("YYYY-MM-DD"));
    }

    [Fact]
    public void DuplicateParameterIds_AreReported()
    {
        var twice = Valid.Replace(
            "- {id: quality, clause: \"2\", title: {kk: a, ru: b, en: c}}",
            "- {id: quality, clause: \"2\", title: {kk: a, ru: b, en: c}}\n        - {id: quality, clause: \"2\", title: {kk: a, ru: b, en: c}}");
        Assert.Contains(Problems(twice), p => p.Reason.Contains("duplicate parameter id 'quality'"));
    }

    [Fact]
    public void UnknownEligibilityRule_IsReportedAlone()
    {
        var withRule = Valid.Replace("  deadlines:", "  eligibility:\n    clause: \"4\"\n    rules:\n      - {rule: seniority, clause: \"4\", min-months: 3}\n  deadlines:");
        var p = Assert.Single(Problems(withRule), p => !p.Reason.StartsWith("unknown key", StringComparison.Ordinal));
        Assert.Equal("rules.eligibility.rules[0].rule", p.Path);
        Assert.StartsWith("unknown eligibility rule 'seniority'", p.Reason);
    }

    [Fact]
    public void DuplicateYamlKey_IsASyntaxErrorWithLine()
    {
        var (root, error) = Bagalau.Application.Packs.YamlTree.Parse("a: 1\na: 2\n", "dup.yaml");
        Assert.Null(root);
        Assert.StartsWith("dup.yaml:2:", error);
        Assert.Contains("uplicate key", error);
    }

    private const string Pack2018 = """
        id: test
        family: kpi-competency-2018
        title: {kk: a, ru: b, en: c}
        act: {title: {kk: a, ru: b, en: c}, number: "1", adopted: 2018-01-01, source: seed.txt}
        versions:
          - {id: v1, effective-from: 2018-01-01}
        rules:
          competencies:
            clause: appendix-3
            items:
              - {id: activity-management, title: {kk: a, ru: b, en: c}}
          competency-level: {clause: "27", not-covered-clause: "26", threshold: {numerator: 3, denominator: 4}, max-indicators: 10, max-indicators-clause: "26"}
        """;

    private static string Indicators(string competency, int count) => $$"""
        source: seed.txt
        appendix: appendix-4
        groups:
          - group: 1
            positions:
              - {category: D-4}
        competencies:
          - id: {{competency}}
            cells:
              - group: 1
                effective: [{{string.Join(", ", Enumerable.Range(1, count).Select(i => $"\"i{i}\""))}}]
        """;

    [Fact]
    public void IndicatorTable_Valid_HasNoProblems() => Assert.Empty(Problems(Pack2018, indicators: Indicators("activity-management", 4)));

    [Fact]
    public void IndicatorTable_UnknownCompetency_IsReported()
    {
        var problems = Problems(Pack2018, indicators: Indicators("leadership", 4));
        Assert.Contains(problems, p => p.File == "packs/test/indicators.yaml" && p.Path == "competencies[0].id" && p.Reason.Contains("unknown competency 'leadership'"));
    }

    [Fact]
    public void IndicatorCell_OverTenIndicators_IsReported()
    {
        var p = Assert.Single(Problems(Pack2018, indicators: Indicators("activity-management", 11)));
        Assert.Equal("competencies[0].cells[0]", p.Path);
        Assert.Contains("more than 10 (clause 26)", p.Reason);
    }

    private const string KtiPlan = """
          kpi-plan:
            clause: "2"
            count: {min: 3, max: 5}
            periods: [quarter]
            fields: [name]
          evaluation-method:
            clause: "2"
            rules:
              - {categories: [CATEGORY], method: kti, form: kti, evaluator: direct-supervisor}
              - {form: FORM, evaluator: unit-head}
        """;

    private static string WithMethod(string category, string form = "non-leader", bool plan = true)
    {
        var rules = KtiPlan.Replace("CATEGORY", category).Replace("FORM", form);
        return Valid + "\n" + (plan ? rules : rules[rules.IndexOf("  evaluation-method:", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void EvaluationMethod_AKnownCategory_HasNoProblems() =>
        Assert.Empty(Problems(WithMethod("E-2"), Clauses));

    [Fact]
    public void EvaluationMethod_AnUnknownCategory_IsReported()
    {
        var p = Assert.Single(Problems(WithMethod("Z-9"), Clauses));
        Assert.Contains("'Z-9' is not a category", p.Reason);
    }

    [Fact]
    public void EvaluationMethod_AFormThePackLacks_IsReported()
    {
        var p = Assert.Single(Problems(WithMethod("E-2", form: "leader"), Clauses));
        Assert.Contains("form 'leader' is not a rating form", p.Reason);
    }

    [Fact]
    public void EvaluationMethod_KtiWithoutAPlan_IsReported()
    {
        var p = Assert.Single(Problems(WithMethod("E-2", plan: false), Clauses));
        Assert.Contains("'kti' needs kpi-plan", p.Reason);
    }

    [Fact]
    public void EvaluationMethod_KtiRule_PutsItsCategoriesUnderThePlan()
    {
        var pack = PackCatalogue.Load([new PackSource("test", Yaml(WithMethod("E-2"), "packs/test/pack.yaml"), null, null)], []).Find("test")!;

        Assert.Equal(["E-2"], pack.Versions[0].Rules.KpiPlan!.EvaluatedCategories);
    }

    [Fact]
    public void CatalogueLoad_WithOneBadPack_LoadsNothingAndListsEveryProblem()
    {
        var good = new PackSource("test", Yaml(Valid, "packs/test/pack.yaml"), null, null);
        var bad = new PackSource("other", Yaml(Valid.Replace("id: test", "id: other").Replace("from: 3.00", "from: 3.50").Replace("adopted: 2024-01-01", "adopted: yesterday"), "packs/other/pack.yaml"), null, null);
        var e = Assert.Throws<PackLoadException>(() => PackCatalogue.Load([good, bad], []));
        Assert.Equal(2, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Equal("packs/other/pack.yaml", p.File));
    }
}
