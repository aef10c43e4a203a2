using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Evaluation2023;

/// <summary>KTI plans of heads (oskemen chapter 2) through the use cases, on both providers.</summary>
public class KtiPlanServiceTests
{
    private const string Oskemen = "oskemen-maslikhat";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly PermittedScoreRow[] Table = [new(0, 49.99m, 0, 1), new(50, 89.99m, 2, 3), new(90, 1000, 4, 5)];

    private static List<KpiEntry> Ktis(int count, string due = "2024-06-20") =>
        Enumerable.Range(1, count).Select(i => new KpiEntry($"ТНИ {i}", "%", "100", DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), $"Күтілетін нәтиже {i}")).ToList();

    internal static async Task<QuarterRound> RoundAsync(TestApp app, Body2023 body, string quarter, DateOnly evaluationDate)
    {
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, Oskemen, quarter, evaluationDate, confirmedLate: true));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        return scheduled.Value!;
    }

    private static async Task<KtiPlan> OpenAsync(TestApp app, Body2023 body, QuarterRound round)
    {
        var opened = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.OpenAsync(body.User("hr"), body.BodyId, round.Id, body["head"], body["chair"]));
        Assert.True(opened.IsSuccess, opened.Refusal?.ToString());
        return opened.Value!;
    }

    private static Task<KtiPlan> PlanAsync(TestApp app, Guid id) =>
        app.WithAsync<BagalauDbContext, KtiPlan>(db => db.KtiPlans.AsNoTracking().SingleAsync(p => p.Id == id));

    /// <summary>Q2 2024 of an oskemen body, the head's plan written by the chair (evaluator), agreed and with HR's actual values.</summary>
    private static async Task<(Body2023 Body, KtiPlan Plan)> ReadyToScoreAsync(TestApp app)
    {
        var body = await Body2023.CreateAsync(app, "kti-s", new DateOnly(2020, 1, 1));
        QuarterlyEvaluationTests.SetToday(app, 2024, 4, 3);
        var round = await RoundAsync(app, body, "2024-Q2", new DateOnly(2024, 7, 5));
        var plan = await OpenAsync(app, body, round);
        var set = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.SetKtisAsync(body.User("authorized"), body.BodyId, plan.Id, plan.Version, Ktis(3)));
        Assert.True(set.IsSuccess, set.Refusal?.ToString());
        var agreed = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.AgreeAsync(body.User("hr"), body.BodyId, plan.Id, set.Value!.Version));
        Assert.True(agreed.IsSuccess, agreed.Refusal?.ToString());
        QuarterlyEvaluationTests.SetToday(app, 2024, 6, 28);
        var actuals = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.EnterActualsAsync(
            body.User("hr"), body.BodyId, plan.Id, agreed.Value!.Version, [new(1, "96", 96), new(2, "70", 70), new(3, "100", 100)]));
        Assert.True(actuals.IsSuccess, actuals.Refusal?.ToString());
        return (body, await PlanAsync(app, plan.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SetKtis_WithTwoOrSixKtis_IsRefusedAndNothingIsStored(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "kti-c", new DateOnly(2020, 1, 1));
        QuarterlyEvaluationTests.SetToday(app, 2024, 4, 3);
        var plan = await OpenAsync(app, body, await RoundAsync(app, body, "2024-Q2", new DateOnly(2024, 7, 5)));

        var two = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.SetKtisAsync(body.User("authorized"), body.BodyId, plan.Id, plan.Version, Ktis(2)));
        var six = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.SetKtisAsync(body.User("hr"), body.BodyId, plan.Id, plan.Version, Ktis(6)));
        var five = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.SetKtisAsync(body.User("hr"), body.BodyId, plan.Id, plan.Version, Ktis(5)));

        Assert.Equal("kti-plan-invalid", two.Refusal!.Code);
        Assert.Equal("kti-plan-invalid", six.Refusal!.Code);
        Assert.True(five.IsSuccess, five.Refusal?.ToString());
        Assert.Equal(5, (await PlanAsync(app, plan.Id)).Items.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Agree_AfterTheTenWorkingDays_IsFlaggedLate_AndHrGetsTheActualsTaskOfClause22(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "kti-l", new DateOnly(2020, 1, 1));
        QuarterlyEvaluationTests.SetToday(app, 2024, 4, 22);
        var plan = await OpenAsync(app, body, await RoundAsync(app, body, "2024-Q2", new DateOnly(2024, 7, 5)));
        var set = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.SetKtisAsync(body.User("authorized"), body.BodyId, plan.Id, plan.Version, Ktis(4)));

        var agreed = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.AgreeAsync(body.User("hr"), body.BodyId, plan.Id, set.Value!.Version));
        var task = await app.WithAsync<BagalauDbContext, Domain.Tasks.EvaluationTask>(db => db.EvaluationTasks.AsNoTracking().SingleAsync(t => t.SubjectId == plan.Id));

        Assert.True(agreed.IsSuccess, agreed.Refusal?.ToString());
        Assert.True(agreed.Value!.SetLate);
        Assert.Equal(new DateOnly(2024, 4, 15), agreed.Value.PlanDue);
        Assert.Equal((KtiPlanService.ActualsTaskKind, new DateOnly(2024, 7, 2), "22"), (task.Kind, task.Due, task.Clause));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HeadAppointedWithUnderThreeMonthsLeft_NeedsNoPlan_AndOpeningOneIsRefusedWithClause22(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "kti-n", new DateOnly(2024, 4, 8));
        QuarterlyEvaluationTests.SetToday(app, 2024, 4, 9);
        var round = await RoundAsync(app, body, "2024-Q2", new DateOnly(2024, 7, 5));

        var heads = await app.WithAsync<KtiPlanService, Outcome<IReadOnlyList<KtiHeadRow>>>(s => s.HeadsAsync(body.User("hr"), body.BodyId, round.Id));
        var opened = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.OpenAsync(body.User("hr"), body.BodyId, round.Id, body["head"], body["chair"]));

        var head = heads.Value!.Single(h => h.ServantId == body["head"]);
        Assert.Equal((false, "under-3-months-left", "22"), (head.Required, head.Reason, head.Clause));
        Assert.Equal("kti-not-required", head.NotRequired!.Code);
        Assert.Equal("kti-not-required", opened.Refusal!.Code);
        Assert.Contains("22", opened.Refusal.Message.Kk, StringComparison.Ordinal);
        Assert.Equal(2, heads.Value!.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Score_OutsideThePermittedTable_IsRefused_InsideItGivesTheResultWithTheRevision(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, plan) = await ReadyToScoreAsync(app);
        var entered = await app.WithAsync<KtiPlanService, Outcome<KtiTableView>>(s => s.EnterTableAsync(body.User("hr"), body.BodyId, Oskemen, 0, "Үлгілік әдістеменің 3-қосымшасы", Table));
        Assert.True(entered.IsSuccess, entered.Refusal?.ToString());

        var outside = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.ScoreAsync(body.User("authorized"), body.BodyId, plan.Id, plan.Version, [new(1, 5, null), new(2, 4, null), new(3, 5, null)]));
        var inside = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.ScoreAsync(body.User("authorized"), body.BodyId, plan.Id, plan.Version, [new(1, 5, null), new(2, 3, "ішінара"), new(3, 5, null)]));

        Assert.Equal("score-not-permitted", outside.Refusal!.Code);
        Assert.True(inside.IsSuccess, inside.Refusal?.ToString());
        Assert.Equal((4.33m, "effective", "27", 1), (inside.Value!.Score!.Value, inside.Value.Grade, inside.Value.ResultClause, inside.Value.TableRevision!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Table_EnteredTwice_KeepsBothRevisions_AndAStaleRevisionIsAConflict(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "kti-t", new DateOnly(2020, 1, 1));
        QuarterlyEvaluationTests.SetToday(app, 2024, 4, 3);

        var first = await app.WithAsync<KtiPlanService, Outcome<KtiTableView>>(s => s.EnterTableAsync(body.User("hr"), body.BodyId, Oskemen, 0, "3-қосымша", Table));
        var stale = await app.WithAsync<KtiPlanService, Outcome<KtiTableView>>(s => s.EnterTableAsync(body.User("hr"), body.BodyId, Oskemen, 0, "3-қосымша", Table));
        var second = await app.WithAsync<KtiPlanService, Outcome<KtiTableView>>(s => s.EnterTableAsync(body.User("hr"), body.BodyId, Oskemen, 1, "3-қосымша, 2", [new(0, 100, 0, 5)]));
        var byEvaluator = await app.WithAsync<KtiPlanService, Outcome<KtiTableView>>(s => s.EnterTableAsync(body.User("head"), body.BodyId, Oskemen, 2, "x", Table));
        var stored = await app.WithAsync<BagalauDbContext, int>(db => db.KtiScoreTables.CountAsync(t => t.StateBodyId == body.BodyId));
        var audited = await app.WithAsync<BagalauDbContext, int>(db => db.AuditRecords.CountAsync(a => a.Entity == nameof(KtiScoreTable)));

        Assert.Equal(1, first.Value!.Revision);
        Assert.Equal("concurrency-conflict", stale.Refusal!.Code);
        Assert.Equal(2, second.Value!.Revision);
        Assert.Equal("not-allowed", byEvaluator.Refusal!.Code);
        Assert.Equal(2, stored);
        Assert.True(audited >= 2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WrongActors_AreRefused_AndTheResultIsHiddenFromHrAndOthers(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, plan) = await ReadyToScoreAsync(app);

        var byServantOpen = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.OpenAsync(body.User("spec1"), body.BodyId, plan.RoundId, body["head"], body["chair"]));
        var byHrScore = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.ScoreAsync(body.User("hr"), body.BodyId, plan.Id, plan.Version, [new(1, 4, null), new(2, 3, null), new(3, 4, null)]));
        var byHeadAgree = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.AgreeAsync(body.User("head"), body.BodyId, plan.Id, plan.Version));
        var scored = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.ScoreAsync(body.User("authorized"), body.BodyId, plan.Id, plan.Version, [new(1, 4, null), new(2, 3, null), new(3, 4, null)]));
        var bySpec = await app.WithAsync<KtiPlanService, Outcome<KtiPlanView>>(s => s.GetAsync(body.User("spec1"), body.BodyId, plan.Id));
        var byHr = await app.WithAsync<KtiPlanService, Outcome<KtiPlanView>>(s => s.GetAsync(body.User("hr"), body.BodyId, plan.Id));
        var byHrHead = await app.WithAsync<KtiPlanService, Outcome<KtiPlanView>>(s => s.GetAsync(body.User("hrhead"), body.BodyId, plan.Id));
        var byHead = await app.WithAsync<KtiPlanService, Outcome<KtiPlanView>>(s => s.GetAsync(body.User("head"), body.BodyId, plan.Id));

        Assert.Equal("not-allowed", byServantOpen.Refusal!.Code);
        Assert.Equal("not-allowed", byHrScore.Refusal!.Code);
        Assert.Equal("not-allowed", byHeadAgree.Refusal!.Code);
        Assert.True(scored.IsSuccess, scored.Refusal?.ToString());
        Assert.Equal("not-found", bySpec.Refusal!.Code);
        Assert.False(byHr.Value!.ResultVisible);
        Assert.All(byHr.Value.Items, i => Assert.Null(i.Score));
        Assert.True(byHrHead.Value!.ResultVisible);
        Assert.Equal(3.67m, byHead.Value!.Plan.Score);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Annual_IsTheAverageOfTheScoredQuarters_QuartersWithoutAResultLeftOut_Clause4(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "kti-a", new DateOnly(2020, 1, 1));
        foreach (var (quarter, evaluation, due, score) in new[] { ("2024-Q1", "2024-04-05", "2024-03-20", 5m), ("2024-Q2", "2024-07-05", "2024-06-20", 3m) })
        {
            QuarterlyEvaluationTests.SetToday(app, 2024, int.Parse(quarter[^1..], System.Globalization.CultureInfo.InvariantCulture) * 3, 1);
            var plan = await OpenAsync(app, body, await RoundAsync(app, body, quarter, DateOnly.Parse(evaluation, System.Globalization.CultureInfo.InvariantCulture)));
            var set = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.SetKtisAsync(body.User("hr"), body.BodyId, plan.Id, plan.Version, Ktis(3, due)));
            var agreed = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.AgreeAsync(body.User("hr"), body.BodyId, plan.Id, set.Value!.Version));
            var actuals = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.EnterActualsAsync(body.User("hr"), body.BodyId, plan.Id, agreed.Value!.Version, [new(1, "1", null), new(2, "1", null), new(3, "1", null)]));
            var scored = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.ScoreAsync(body.User("authorized"), body.BodyId, plan.Id, actuals.Value!.Version, [new(1, score, null), new(2, score, null), new(3, score, null)]));
            Assert.True(scored.IsSuccess, scored.Refusal?.ToString());
        }

        var annual = await app.WithAsync<KtiPlanService, Outcome<AnnualView>>(s => s.AnnualAsync(body.User("head"), body.BodyId, body["head"], 2024));
        var bySpec = await app.WithAsync<KtiPlanService, Outcome<AnnualView>>(s => s.AnnualAsync(body.User("spec1"), body.BodyId, body["head"], 2024));

        Assert.True(annual.IsSuccess, annual.Refusal?.ToString());
        Assert.Equal((4m, "effective", "4", 2), (annual.Value!.Score, annual.Value.Grade, annual.Value.Clause, annual.Value.QuartersCounted));
        Assert.Equal(["scored", "scored", "no-plan", "no-plan"], annual.Value.Quarters.Select(q => q.Status));
        Assert.Equal("not-found", bySpec.Refusal!.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sunset_A2023Q2EvaluationHeldInAugustUsesThe2023_07Wording_AndQ3After31August2023UsesThe2023_09One(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "kti-x", new DateOnly(2020, 1, 1));
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var head = await db.Servants.Include(s => s.Absences).SingleAsync(s => s.Id == body["head"]);
            head.AddAbsence(AbsenceKind.Leave, new DateOnly(2023, 8, 21), new DateOnly(2023, 8, 30));
            head.AddAbsence(AbsenceKind.Leave, new DateOnly(2023, 10, 2), new DateOnly(2023, 10, 13));
            await db.SaveChangesAsync();
        });
        QuarterlyEvaluationTests.SetToday(app, 2023, 8, 15);
        var before = await OpenAsync(app, body, await RoundAsync(app, body, "2023-Q2", new DateOnly(2023, 8, 25)));
        var after = await OpenAsync(app, body, await RoundAsync(app, body, "2023-Q3", new DateOnly(2023, 10, 5)));

        Assert.Equal(("2023-07", "without-participation", "5"), (before.VersionId, before.Participation, before.EligibilityClause));
        Assert.Equal(("2023-09", "yes"), (after.VersionId, after.Participation));
    }
}
