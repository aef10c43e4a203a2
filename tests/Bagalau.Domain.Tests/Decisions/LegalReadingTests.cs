using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Decisions;

/// <summary>The readings of the acts that a second, clause-by-clause reading settled, one test per reading.</summary>
public class LegalReadingTests
{
    private static PackVersion Nhrc => Version("nhrc", "2026-10-05");

    private static PackVersion Oskemen => Version("oskemen-maslikhat", "2024-10-05");

    private static PackVersion Almaty => Version("almaty-akimat", "2021-12-31");

    [Theory]
    [InlineData("2021-10-01", 3, "2021-12-31", false)]
    [InlineData("2021-09-30", 3, "2021-12-31", true)]
    [InlineData("2024-01-31", 1, "2024-02-29", true)]
    [InlineData("2024-02-01", 1, "2024-02-29", false)]
    public void MonthsInPosition_CivilCodeCounting_ElapsesOnTheSameNumberedDay(string start, int months, string through, bool served) =>
        Assert.Equal(served, MonthsInPosition.Served(D(start), months, D(through)));

    [Fact]
    public void Eligibility_OskemenDismissedBeforeTheQuarter_IsNotEvaluated()
    {
        var input = new EligibilityInput(Period.OfQuarter(2024, 3), D("2019-02-11"), null, [], D("2024-06-14"), null);

        var decided = EligibilityDecision.Decide(Oskemen, input, Kz);

        Assert.Equal("no", decided.Answer!.Evaluate);
        Assert.Equal("tenure-under-1-month", decided.Answer.Reason);
        Assert.Equal("5", decided.Provenance!.Clause);
    }

    [Fact]
    public void Eligibility_OskemenDismissedDuringTheQuarter_IsEvaluatedWithoutParticipation()
    {
        var input = new EligibilityInput(Period.OfQuarter(2024, 3), D("2019-02-11"), null, [], D("2024-07-01"), null);

        Assert.Equal("without-participation", EligibilityDecision.Decide(Oskemen, input, Kz).Answer!.Evaluate);
    }

    [Fact]
    public void CalibrationDecision_OskemenMajorityOfParticipants_ChangesTheScore()
    {
        var decided = CalibrationVoteDecision.Decide(Oskemen, 2.8m, 3.2m, forChange: 2, against: 1, members: 5, participants: 3);

        Assert.Equal("changed", decided.Answer!.Decision);
    }

    [Fact]
    public void CalibrationDecision_NhrcSameVotes_UpholdsForLackOfAMajorityOfMembers()
    {
        var decided = CalibrationVoteDecision.Decide(Version("nhrc", "2026-11-02"), 2.8m, 3.2m, forChange: 2, against: 1, members: 5, participants: 3);

        Assert.Equal("upheld", decided.Answer!.Decision);
    }

    [Fact]
    public void CommissionDecision_PackCountingAllMembers_NeedsAMajorityOfAllMembers()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoRoot(), "packs", "almaty-akimat", "pack.yaml"))
            .Replace("majority-of: present", "majority-of: members", StringComparison.Ordinal);
        var pack = PackCatalogue.Load([new PackSource("almaty-akimat", Yaml(yaml, "packs/almaty-akimat/pack.yaml"), null, null)], []).Find("almaty-akimat")!;
        var version = pack.VersionOn(D("2021-12-20"))!;

        // Seven members, five present, three approve: a majority of those present, not of all seven.
        var byMembers = CommissionDecision.Decide(version, 7, 5, 3, 2, null);
        var byPresent = CommissionDecision.Decide(Almaty, 7, 5, 3, 2, null);

        Assert.Equal("none", byMembers.Answer!.Decision);
        Assert.Equal("approve", byPresent.Answer!.Decision);
    }

    [Fact]
    public void KpiAchieved_AllIndicatorsMet_IsAchievedWithClause18()
    {
        var decided = KpiAchievedDecision.Decide(Almaty, [new KpiIndicator(100, 100), new KpiIndicator(4, 3, LowerIsBetter: true)]);

        Assert.True(decided.Answer!.Achieved);
        Assert.Equal("18", decided.Provenance!.Clause);
    }

    [Fact]
    public void KpiAchieved_OneIndicatorShort_IsNotAchievedAndNamesIt()
    {
        var decided = KpiAchievedDecision.Decide(Almaty, [new KpiIndicator(100, 100), new KpiIndicator(100, 99.9m)]);

        Assert.False(decided.Answer!.Achieved);
        Assert.Equal([2], decided.Answer.Unmet);
    }

    [Fact]
    public void KpiAchieved_NoIndicators_IsRefused() =>
        Assert.Equal("no-indicators", KpiAchievedDecision.Decide(Almaty, []).Refusal!.Code);

    [Theory]
    [InlineData("B-1", true, false, "leader", "direct-supervisor")]
    [InlineData("B-3", true, false, "leader", "unit-head")]
    [InlineData("B-3", true, true, "leader", "direct-supervisor")]
    [InlineData("B-4", false, false, "non-leader", "unit-head")]
    public void EvaluationMethod_Nhrc_FollowsClause16(string category, bool leadership, bool headsUnit, string form, string evaluator)
    {
        var decided = EvaluationMethodDecision.Decide(Nhrc, new MethodPosition(category, leadership, headsUnit));

        Assert.Equal(("rating-sheet", form, evaluator, "16"), (decided.Answer!.Method, decided.Answer.Form, decided.Answer.Evaluator, decided.Provenance!.Clause));
    }

    [Fact]
    public void EvaluationMethod_OskemenHeadOfApparatus_IsByKti()
    {
        var decided = EvaluationMethodDecision.Decide(Oskemen, new MethodPosition("E-2", true));

        Assert.Equal("kti", decided.Answer!.Method);
        Assert.Equal("3", decided.Provenance!.Clause);
    }

    [Fact]
    public void EvaluationMethod_UnknownCategory_IsNotCovered() =>
        Assert.Equal("category-not-covered", EvaluationMethodDecision.Decide(Nhrc, new MethodPosition("Z-9", false)).Refusal!.Code);

    [Fact]
    public void AnnualConsequence_TwoUnsatisfactoryYearsInARow_DemotionOrDismissal()
    {
        var decided = AnnualConsequenceDecision.Decide(Nhrc, new Dictionary<int, string?> { [2024] = "unsatisfactory", [2025] = "unsatisfactory" });

        Assert.Equal("demotion-or-dismissal", decided.Answer!.Consequence);
        Assert.Equal([2024, 2025], decided.Answer.Years);
        Assert.Equal("law-416-V-33-6", decided.Provenance!.Clause);
    }

    [Fact]
    public void AnnualConsequence_ThreeUnsatisfactoryYears_GivesTheLatestPair()
    {
        var decided = AnnualConsequenceDecision.Decide(Nhrc, new Dictionary<int, string?> { [2023] = "unsatisfactory", [2024] = "unsatisfactory", [2025] = "unsatisfactory" });

        Assert.Equal([2024, 2025], decided.Answer!.Years);
    }

    [Fact]
    public void AnnualConsequence_AYearNotEvaluatedBetween_BreaksTheRun()
    {
        var decided = AnnualConsequenceDecision.Decide(Almaty, new Dictionary<int, string?> { [2019] = "unsatisfactory", [2020] = null, [2021] = "unsatisfactory" });

        Assert.Equal("none", decided.Answer!.Consequence);
        Assert.Null(decided.Answer.Years);
    }

    [Fact]
    public void NoVersionInForce_AfterTheRepeal_SaysUntilWhenAndWhy()
    {
        var refusal = Refusals.NoVersionInForce(Catalogue.Find("oskemen-maslikhat")!, D("2026-03-31"));

        Assert.Equal("no-version-in-force", refusal.Code);
        Assert.Contains("06.11.2025", refusal.Message.Kk, StringComparison.Ordinal);
        Assert.Contains("38/9-VIII", refusal.Message.Kk, StringComparison.Ordinal);
        Assert.Contains("38/9-VIII", refusal.Message.Ru, StringComparison.Ordinal);
        Assert.DoesNotContain("oskemen", refusal.Message.Kk, StringComparison.Ordinal);
    }

    [Fact]
    public void NoVersionInForce_BeforeTheFirstVersion_SaysFromWhen()
    {
        var refusal = Refusals.NoVersionInForce(Catalogue.Find("nhrc")!, D("2025-12-31"));

        Assert.Contains("13.03.2026", refusal.Message.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public void NotInPack_NamesTheRuleInWords_NotItsId()
    {
        var refusal = Refusals.NotInPack("survey-360", "nhrc");

        Assert.DoesNotContain("survey-360", refusal.Message.Kk, StringComparison.Ordinal);
        Assert.Contains("360", refusal.Message.Kk, StringComparison.Ordinal);
    }
}
