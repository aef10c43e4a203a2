using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Decisions;

public class KpiAndCompetencyTests
{
    private static readonly PackVersion Almaty = Version("almaty-akimat", "2021-12-31");
    private static readonly PackVersion Mdai = Version("mdai", "2021-12-31");

    [Theory]
    [InlineData(5, "excellent")]
    [InlineData(4, "effective")]
    [InlineData(3, "satisfactory")]
    [InlineData(2, "unsatisfactory")]
    [InlineData(0, "unsatisfactory")]
    public void KpiAnnualGrade_ByAchievedOfFive_FollowsClause18(int achieved, string grade)
    {
        var result = KpiAnnualGradeDecision.Decide(Almaty, Enumerable.Range(0, 5).Select(i => i < achieved).ToList());
        Assert.Equal(grade, result.Answer!.Grade);
        Assert.Equal(achieved, result.Answer.Achieved);
        Assert.Equal("18", result.Provenance!.Clause);
    }

    [Fact]
    public void KpiAnnualGrade_InMdai_CitesItsOwnClause17() =>
        Assert.Equal("17", KpiAnnualGradeDecision.Decide(Mdai, [true, true, true, true, true]).Provenance!.Clause);

    [Fact]
    public void KpiAnnualGrade_WithFourKpis_IsRefusedWithKpiCount() =>
        Assert.Equal("kpi-count", KpiAnnualGradeDecision.Decide(Almaty, [true, true, true, true]).Refusal!.Code);

    private static KpiEntry Kpi(string due = "2021-12-01") => new("name", "%", "100", D(due), "result");

    [Fact]
    public void Submit_WhenPlanHasFourKpis_IsRejected()
    {
        var result = KpiPlanDecision.Decide(Almaty, Period.OfYear(2021), [Kpi(), Kpi(), Kpi(), Kpi()]);
        Assert.False(result.Answer!.Valid);
        Assert.Equal(["kpi-count"], result.Answer.Errors);
        Assert.Equal("14", result.Provenance!.Clause);
    }

    [Fact]
    public void Submit_WhenAKpiIsDueAfterTheYear_AndOneHasNoUnit_ListsBothErrors()
    {
        var kpis = new[] { Kpi(), Kpi(), Kpi(), Kpi("2022-01-15"), Kpi() with { Unit = " " } };
        var result = KpiPlanDecision.Decide(Almaty, Period.OfYear(2021), kpis);
        Assert.Equal(["kpi-field-missing", "kpi-due-outside-period"], result.Answer!.Errors);
    }

    [Fact]
    public void OskemenKtiPlan_AcceptsThreeToFiveForAQuarter()
    {
        var oskemen = Version("oskemen-maslikhat", "2024-03-01");
        Assert.True(KpiPlanDecision.Decide(oskemen, Period.OfQuarter(2024, 1), [Kpi("2024-03-01"), Kpi("2024-03-01"), Kpi("2024-03-01")]).Answer!.Valid);
        Assert.Equal(["kpi-count"], KpiPlanDecision.Decide(oskemen, Period.OfQuarter(2024, 1), [Kpi("2024-03-01"), Kpi("2024-03-01")]).Answer!.Errors);
        Assert.Equal("23", KpiPlanDecision.Decide(oskemen, Period.OfYear(2024), [Kpi("2024-03-01"), Kpi("2024-03-01"), Kpi("2024-03-01")]).Provenance!.Clause);
    }

    [Fact]
    public void KpiPlan_InNhrc_IsNotInPack() =>
        Assert.Equal("not-in-pack", KpiPlanDecision.Decide(Version("nhrc", "2026-06-30"), Period.OfYear(2026), []).Refusal!.Code);

    [Fact]
    public void CompetencyLevel_ThreeOfFourObserved_MeetsExactlyAtThreeQuarters()
    {
        var result = CompetencyLevelDecision.Decide(Almaty, new Position("D-4", null), "activity-management", [1, 2, 4]);
        Assert.Equal(3, result.Answer!.Group);
        Assert.Equal(4, result.Answer.Indicators);
        Assert.Equal("meets", result.Answer.Level);
        Assert.Equal([3], result.Answer.Unobserved);
        Assert.Equal("27", result.Provenance!.Clause);
    }

    [Fact]
    public void CompetencyLevel_TwoOfFourObserved_DoesNotMeetAndListsTheUnobserved()
    {
        var result = CompetencyLevelDecision.Decide(Almaty, new Position("D-4", null), "activity-management", [2, 3]);
        Assert.Equal("does-not-meet", result.Answer!.Level);
        Assert.Equal([1, 4], result.Answer.Unobserved);
    }

    [Fact]
    public void CompetencyLevel_QualifierMatchWins_OverThePlainCategory()
    {
        var head = CompetencyLevelDecision.Decide(Almaty, new Position("D-3", "unit-head"), "cooperation", []);
        var other = CompetencyLevelDecision.Decide(Almaty, new Position("D-3", null), "cooperation", []);
        Assert.Equal(2, head.Answer!.Group);
        Assert.Equal(3, other.Answer!.Group);
    }

    [Fact]
    public void CompetencyLevel_UncoveredCategory_IsRefusedCitingClause26()
    {
        var result = CompetencyLevelDecision.Decide(Almaty, new Position("C-4", null), "cooperation", []);
        Assert.Equal("category-not-covered", result.Refusal!.Code);
        Assert.Contains("26", result.Refusal.Message.En);
    }

    [Fact]
    public void CompetencyLevel_PublicServiceCompetency_IsNotAssessedWithoutPublicServices() =>
        Assert.Equal("not-assessed", CompetencyLevelDecision.Decide(Almaty, new Position("D-4", null), "customer-orientation", [1], providesPublicServices: false).Answer!.Level);

    [Fact]
    public void CompetencyLevel_IndicatorBeyondTheCell_IsOutOfRange() =>
        Assert.Equal("indicator-out-of-range", CompetencyLevelDecision.Decide(Almaty, new Position("D-4", null), "activity-management", [5]).Refusal!.Code);

    [Fact]
    public void CompetencyLevel_UnknownCompetency_IsRefused() =>
        Assert.Equal("unknown-competency", CompetencyLevelDecision.Decide(Almaty, new Position("D-4", null), "leadership", [1]).Refusal!.Code);

    [Fact]
    public void ThreeQuartersRule_MeetsIffObservedTimesFourReachesIndicatorsTimesThree()
    {
        var rule = Almaty.Rules.CompetencyLevel!;
        for (var indicators = 1; indicators <= 10; indicators++)
        {
            for (var observed = 0; observed <= indicators; observed++)
            {
                Assert.Equal((decimal)observed / indicators >= 0.75m, rule.Meets(observed, indicators));
            }
        }
    }
}
