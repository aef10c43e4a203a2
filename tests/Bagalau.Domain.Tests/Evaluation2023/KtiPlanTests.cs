using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Evaluation2023;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Evaluation2023;

public class KtiPlanTests
{
    private const string Oskemen = "oskemen-maslikhat";
    private static readonly Guid Body = Guid.NewGuid();
    private static readonly Guid Head = Guid.NewGuid();
    private static readonly Guid Evaluator = Guid.NewGuid();
    private static readonly Actor Hr = Actor.WithRoles("hr", Guid.NewGuid(), Actor.Hr);
    private static readonly Actor TheEvaluator = new("evaluator", Evaluator);
    private static readonly Actor TheHead = new("head", Head);

    private static readonly PermittedScoreRow[] Table =
    [
        new(0, 49.99m, 0, 1),
        new(50, 89.99m, 2, 3),
        new(90, 1000, 4, 5),
    ];

    private static QuarterRound Round(int year = 2024, int quarter = 2, string evaluationDate = "2024-07-05")
    {
        var outcome = QuarterRound.Schedule(Body, Catalogue.Find(Oskemen)!, Period.OfQuarter(year, quarter), D(evaluationDate), Kz, Hr, confirmedLate: true);
        Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());
        return outcome.Value!;
    }

    private static Outcome<KtiPlan> Open(QuarterRound round, string appointed = "2020-01-01", Actor? actor = null, IReadOnlyList<Absence>? absences = null)
    {
        var version = round.VersionIn(Catalogue.Find(Oskemen)!);
        var eligibility = EligibilityDecision.Decide(version, new EligibilityInput(round.Period, D(appointed), null, absences ?? [], null, round.EvaluationDate), Kz);
        var timing = KtiPlanTimingRule.Decide(version, round.Period, D(appointed), Kz);
        return KtiPlan.Open(round, version, Head, Evaluator, actor ?? Hr, eligibility, timing, Kz);
    }

    private static List<KpiEntry> Ktis(int count, string due = "2024-06-20") =>
        Enumerable.Range(1, count).Select(i => new KpiEntry($"ТНИ {i}", "%", "100", D(due), $"Күтілетін нәтиже {i}")).ToList();

    private static (KtiPlan Plan, QuarterRound Round) ScoredReady(int count = 3)
    {
        var round = Round();
        var plan = Open(round).Value!;
        var version = round.VersionIn(Catalogue.Find(Oskemen)!);
        Assert.Null(plan.SetKtis(version, TheEvaluator, Ktis(count)));
        Assert.Null(plan.Agree(Hr, D("2024-04-10")));
        Assert.Null(plan.EnterActuals(Hr, Enumerable.Range(1, count).Select(i => new KtiActualInput(i, "95", 95)).ToList(), D("2024-06-28")));
        return (plan, round);
    }

    [Fact]
    public void Timing_AtThePeriodStart_IsTenWorkingDaysAfterIt_Clause22()
    {
        var decided = KtiPlanTimingRule.Decide(Version(Oskemen, "2024-07-05"), Period.OfQuarter(2024, 2), D("2020-01-01"), Kz);

        Assert.True(decided.Answer!.Required);
        Assert.Equal(D("2024-04-15"), decided.Answer.Due);
        Assert.Equal("period-start", decided.Answer.Reason);
        Assert.Equal("22", decided.Provenance!.Clause);
    }

    [Fact]
    public void Timing_AppointedInTheYearWithMoreThanThreeMonthsLeft_CountsFromTheAppointment()
    {
        var decided = KtiPlanTimingRule.Decide(Version(Oskemen, "2024-07-05"), Period.OfYear(2024), D("2024-03-01"), Kz);

        Assert.True(decided.Answer!.Required);
        Assert.Equal("appointment", decided.Answer.Reason);
        Assert.Equal(D("2024-03-18"), decided.Answer.Due); // 8 March is a day off
    }

    [Fact]
    public void Timing_AppointedWithUnderThreeMonthsLeft_NeedsNoKtis_Clause22()
    {
        var decided = KtiPlanTimingRule.Decide(Version(Oskemen, "2024-07-05"), Period.OfQuarter(2024, 2), D("2024-04-02"), Kz);

        Assert.False(decided.Answer!.Required);
        Assert.Equal("under-3-months-left", decided.Answer.Reason);
        Assert.Equal("22", decided.Provenance!.Clause);
    }

    [Fact]
    public void Timing_AppointedOnTheFirstDayOfTheLastQuarter_HasNotThreeMonthsLeft()
    {
        // Read as eligibility reads "three months in the position" (MonthsInPosition): appointed
        // 1 October, three months elapse on 1 January, after the year's last day.
        var decided = KtiPlanTimingRule.Decide(Version(Oskemen, "2024-07-05"), Period.OfYear(2024), D("2024-10-01"), Kz);

        Assert.False(decided.Answer!.Required);
        Assert.Equal("under-3-months-left", decided.Answer.Reason);
    }

    [Fact]
    public void Timing_AppointedOnTheLastDayOfTheThirdQuarter_HasThreeMonthsLeft()
    {
        var decided = KtiPlanTimingRule.Decide(Version(Oskemen, "2024-07-05"), Period.OfYear(2024), D("2024-09-30"), Kz);

        Assert.True(decided.Answer!.Required);
    }

    [Fact]
    public void Open_ForAHeadAppointedWithUnderThreeMonthsLeft_IsRefusedWithTheClause()
    {
        var outcome = Open(Round(), appointed: "2024-04-02");

        Assert.Equal("kti-not-required", outcome.Refusal!.Code);
        Assert.Contains("22", outcome.Refusal.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ComputesThePlanAndActualsDeadlines()
    {
        var plan = Open(Round()).Value!;

        Assert.Equal(D("2024-04-15"), plan.PlanDue);
        Assert.Equal(D("2024-07-02"), plan.ActualsDue); // 5 working days before 10 July; 8 July (Capital Day moved) is off
        Assert.Equal("22", plan.ActualsDueClause);
        Assert.Equal(KtiPlanState.Draft, plan.State);
    }

    [Fact]
    public void Open_ByTheEvaluatorWithoutHr_IsRefused()
    {
        Assert.Equal("not-allowed", Open(Round(), actor: TheEvaluator).Refusal!.Code);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void SetKtis_WithTwoOrSixKtis_IsRefused(int count)
    {
        var round = Round();
        var plan = Open(round).Value!;

        var refusal = plan.SetKtis(round.VersionIn(Catalogue.Find(Oskemen)!), TheEvaluator, Ktis(count));

        Assert.Equal("kti-plan-invalid", refusal!.Code);
        Assert.Contains("the number of indicators is wrong", refusal.Message.En, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", refusal.Message.Kk);
        Assert.DoesNotMatch("[A-Za-z]{3,}", refusal.Message.Ru);
        Assert.Empty(plan.Items);
    }

    [Fact]
    public void SetKtis_ByTheHeadThemself_IsRefused()
    {
        var round = Round();
        var plan = Open(round).Value!;

        Assert.Equal("not-allowed", plan.SetKtis(round.VersionIn(Catalogue.Find(Oskemen)!), TheHead, Ktis(3))!.Code);
    }

    [Fact]
    public void Agree_AfterTheTenWorkingDays_IsAcceptedAndFlaggedLate()
    {
        var round = Round();
        var plan = Open(round).Value!;
        plan.SetKtis(round.VersionIn(Catalogue.Find(Oskemen)!), TheEvaluator, Ktis(3));

        Assert.Null(plan.Agree(Hr, D("2024-04-16")));

        Assert.True(plan.SetLate);
        Assert.Equal(KtiPlanState.Agreed, plan.State);
    }

    [Fact]
    public void SetKtis_AfterAgreement_IsRefusedAsFrozen()
    {
        var round = Round();
        var plan = Open(round).Value!;
        var version = round.VersionIn(Catalogue.Find(Oskemen)!);
        plan.SetKtis(version, TheEvaluator, Ktis(3));
        plan.Agree(Hr, D("2024-04-10"));

        Assert.Equal("kti-plan-frozen", plan.SetKtis(version, Hr, Ktis(4))!.Code);
        Assert.False(plan.SetLate);
    }

    [Fact]
    public void EnterActuals_WithAKtiMissing_IsRefusedAndChangesNothing()
    {
        var round = Round();
        var plan = Open(round).Value!;
        plan.SetKtis(round.VersionIn(Catalogue.Find(Oskemen)!), TheEvaluator, Ktis(3));
        plan.Agree(Hr, D("2024-04-10"));

        var refusal = plan.EnterActuals(Hr, [new KtiActualInput(1, "90", 90), new KtiActualInput(2, "90", 90)], D("2024-06-28"));

        Assert.Equal("required", refusal!.Code);
        Assert.Equal(KtiPlanState.Agreed, plan.State);
        Assert.All(plan.Items, i => Assert.Null(i.Actual));
    }

    [Fact]
    public void Score_WithoutATable_AveragesTheKtis_Clause27()
    {
        var (plan, round) = ScoredReady();

        var refusal = plan.ScoreKtis(round.VersionIn(Catalogue.Find(Oskemen)!), TheEvaluator, [new(1, 5, null), new(2, 4, "жақсы"), new(3, 4, null)], null, null, D("2024-07-05"));

        Assert.Null(refusal);
        Assert.Equal(4.33m, plan.Score);
        Assert.Equal("effective", plan.Grade);
        Assert.Equal("27", plan.ResultClause);
        Assert.Null(plan.TableRevision);
    }

    [Fact]
    public void Score_OutsideThePermittedTable_IsRefused()
    {
        var (plan, round) = ScoredReady();

        var refusal = plan.ScoreKtis(round.VersionIn(Catalogue.Find(Oskemen)!), TheEvaluator, [new(1, 3, null), new(2, 4, null), new(3, 4, null)], Table, 1, D("2024-07-05"));

        Assert.Equal("score-not-permitted", refusal!.Code);
        Assert.Equal(KtiPlanState.ActualsEntered, plan.State);
    }

    [Fact]
    public void Score_InsideThePermittedTable_RecordsTheRevision()
    {
        var (plan, round) = ScoredReady();

        Assert.Null(plan.ScoreKtis(round.VersionIn(Catalogue.Find(Oskemen)!), TheEvaluator, [new(1, 4, null), new(2, 5, null), new(3, 4, null)], Table, 2, D("2024-07-05")));

        Assert.Equal(2, plan.TableRevision);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-1)]
    public void Score_OutsideZeroToFive_IsRefused(int score)
    {
        var (plan, round) = ScoredReady();

        var refusal = plan.ScoreKtis(round.VersionIn(Catalogue.Find(Oskemen)!), TheEvaluator, [new(1, score, null), new(2, 4, null), new(3, 4, null)], null, null, D("2024-07-05"));

        Assert.Equal("score-out-of-range", refusal!.Code);
    }

    [Fact]
    public void Score_ByHr_IsRefused()
    {
        var (plan, round) = ScoredReady();

        Assert.Equal("not-allowed", plan.ScoreKtis(round.VersionIn(Catalogue.Find(Oskemen)!), Hr, [new(1, 4, null), new(2, 4, null), new(3, 4, null)], null, null, D("2024-07-05"))!.Code);
    }

    [Fact]
    public void Open_UnderThe2023_07Wording_AHeadOnLeaveIsEvaluatedWithoutParticipation()
    {
        var round = Round(2023, 2, "2023-08-25");

        var plan = Open(round, absences: [new Absence("leave", D("2023-08-20"), D("2023-08-30"))]).Value!;

        Assert.Equal("2023-07", plan.VersionId);
        Assert.Equal("without-participation", plan.Participation);
    }

    [Fact]
    public void Open_AfterTheSunset_AHeadOnLeaveIsEvaluatedNormally()
    {
        var round = Round(2023, 3, "2023-10-05");

        var plan = Open(round, absences: [new Absence("leave", D("2023-10-01"), D("2023-10-20"))]).Value!;

        Assert.Equal("2023-09", plan.VersionId);
        Assert.Equal("yes", plan.Participation);
    }

    [Fact]
    public void Table_WithOverlappingRows_IsRefused()
    {
        var refusal = PermittedScoreTableRule.Check(Version(Oskemen, "2024-07-05"), [new(0, 60, 0, 2), new(50, 100, 3, 5)]);

        Assert.Equal("table-overlap", refusal!.Code);
    }

    [Fact]
    public void Table_WithAScoreAboveFive_IsRefused()
    {
        var refusal = PermittedScoreTableRule.Check(Version(Oskemen, "2024-07-05"), [new(0, 100, 0, 6)]);

        Assert.Equal("table-row-invalid", refusal!.Code);
    }

    [Fact]
    public void Table_NewEntry_IncrementsTheRevision()
    {
        var version = Version(Oskemen, "2024-07-05");
        var first = KtiScoreTable.Enter(Body, version, null, Hr, "Үлгілік әдістеменің 3-қосымшасы", Table, D("2024-04-01")).Value!;

        var second = KtiScoreTable.Enter(Body, version, first, Hr, "Үлгілік әдістеменің 3-қосымшасы", Table, D("2024-05-01")).Value!;

        Assert.Equal(1, first.Revision);
        Assert.Equal(2, second.Revision);
        Assert.Equal(3, second.Rows.Count);
    }

    [Fact]
    public void Table_EnteredByTheEvaluator_IsRefused()
    {
        var outcome = KtiScoreTable.Enter(Body, Version(Oskemen, "2024-07-05"), null, TheEvaluator, "source", Table, D("2024-04-01"));

        Assert.Equal("not-allowed", outcome.Refusal!.Code);
    }
}
