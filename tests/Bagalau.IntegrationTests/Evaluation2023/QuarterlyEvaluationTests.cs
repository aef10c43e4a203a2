using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Evaluation2023;

public class QuarterlyEvaluationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    internal static readonly SheetScoreInput[] NonLeaderFours =
    [
        new("quality", 4, "сапалы"), new("timeliness", 4, null), new("initiative", 4, null), new("discipline", 4, null), new("no-sanctions", 4, null),
    ];

    internal static readonly SheetScoreInput[] LeaderFives =
    [
        new("unit-quality", 5, null), new("unit-timeliness", 5, null), new("leadership", 5, null), new("discipline", 5, null), new("no-sanctions", 5, null),
    ];

    internal static void SetToday(TestApp app, int year, int month, int day) =>
        app.Clock.Now = new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Q2 2026 of the nhrc body scheduled by HR and approved by the authorized person.</summary>
    internal static async Task<(Body2023 Body, RoundView Round)> NhrcQuarterAsync(TestApp app)
    {
        var body = await Body2023.CreateAsync(app, "nhrc-t", new DateOnly(2020, 1, 1));
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var sick = await db.Servants.Include(s => s.Absences).SingleAsync(s => s.Id == body["sick"]);
            sick.AddAbsence(AbsenceKind.Sick, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 20));
            var spec2 = await db.Servants.Include(s => s.Sanctions).SingleAsync(s => s.Id == body["spec2"]);
            spec2.AddSanction(SanctionKind.Reprimand, new DateOnly(2026, 5, 12), null, "кешігу");
            await db.SaveChangesAsync();
        });
        SetToday(app, 2026, 7, 1);
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "nhrc", "2026-Q2", new DateOnly(2026, 7, 10)));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        return (body, approved.Value!);
    }

    internal static async Task<RatingSheet> SheetOfAsync(TestApp app, Guid servantId, Guid roundId) =>
        await app.WithAsync<BagalauDbContext, RatingSheet>(db => db.RatingSheets.AsNoTracking().SingleAsync(s => s.ServantId == servantId && s.RoundId == roundId));

    internal static Task<Outcome<RatingSheet>> SubmitAsync(TestApp app, Body2023 body, string user, RatingSheet sheet, IReadOnlyList<SheetScoreInput> scores) =>
        app.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.SubmitAsync(body.User(user), body.BodyId, sheet.Id, sheet.Version, scores));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Approve_Nhrc_GivesEachServantTheFormAndEvaluatorOfClause16_AndTheEligibilityOfClause5(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await NhrcQuarterAsync(app);

        var sheets = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<SheetSummary>>>(s => s.SheetsOfRoundAsync(body.User("hr"), body.BodyId, round.Round.Id));
        var byServant = sheets.Value!.ToDictionary(s => s.ServantId);

        Assert.Equal(new DateOnly(2026, 7, 20), round.Round.Due);
        Assert.Equal(10, round.Sheets);
        Assert.Equal(("leader", body["chair"]), (byServant[body["head"]].FormId, byServant[body["head"]].EvaluatorId!.Value));
        Assert.Equal(("leader", body["head"]), (byServant[body["deputy"]].FormId, byServant[body["deputy"]].EvaluatorId!.Value));
        Assert.Equal(("non-leader", body["head"]), (byServant[body["spec1"]].FormId, byServant[body["spec1"]].EvaluatorId!.Value));
        Assert.Equal(("non-leader", body["chair"]), (byServant[body["hr"]].FormId, byServant[body["hr"]].EvaluatorId!.Value));
        Assert.Null(byServant[body["chair"]].EvaluatorId);
        Assert.Equal((SheetState.NotEvaluated, "tenure-under-1-month"), (byServant[body["newcomer"]].State, byServant[body["newcomer"]].EligibilityReason));
        Assert.Equal((SheetState.NotEvaluated, "under-15-working-days", "5"), (byServant[body["sick"]].State, byServant[body["sick"]].EligibilityReason, byServant[body["sick"]].EligibilityClause));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SheetsOfRound_ForAServant_IsRefused(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await NhrcQuarterAsync(app);

        var sheets = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<SheetSummary>>>(s => s.SheetsOfRoundAsync(body.User("spec1"), body.BodyId, round.Round.Id));

        Assert.Equal("not-allowed", sheets.Refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Submit_WithAReprimandInTheQuarter_CapsTheScoreAndTheSheetSaysWhy(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await NhrcQuarterAsync(app);
        var sheet = await SheetOfAsync(app, body["spec2"], round.Round.Id);
        SetToday(app, 2026, 7, 10);

        var preview = await app.WithAsync<RatingSheetService, Outcome<PreviewView>>(s => s.PreviewAsync(body.User("head"), body.BodyId, sheet.Id, NonLeaderFours));
        var submitted = await SubmitAsync(app, body, "head", sheet, NonLeaderFours);
        var view = await app.WithAsync<RatingSheetService, Outcome<SheetView>>(s => s.GetSheetAsync(body.User("spec2"), body.BodyId, sheet.Id));

        var task = await app.WithAsync<BagalauDbContext, Domain.Tasks.EvaluationTask>(db => db.EvaluationTasks.AsNoTracking().SingleAsync(t => t.SubjectId == sheet.Id));
        Assert.Equal((body["head"], new DateOnly(2026, 7, 20), "4", Domain.Tasks.EvaluationTaskStatus.Done), (task.AssigneeServantId!.Value, task.Due, task.Clause, task.Status));
        Assert.Equal((4.00m, 2.99m, "satisfactory", "reprimand"), (preview.Value!.Average, preview.Value.Score, preview.Value.Grade, preview.Value.CappedBy));
        Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
        Assert.Equal((2.99m, "satisfactory", "reprimand", "appendix-2"), (view.Value!.Sheet.Score, view.Value.Sheet.Grade, view.Value.Sheet.CappedBy, view.Value.Sheet.ResultClause));
        Assert.Equal("reprimand", Assert.Single(view.Value.SanctionsInQuarter).Kind);
        Assert.Equal("сапалы", view.Value.Parameters.Single(p => p.Id == "quality").Comment);
        Assert.StartsWith("Осы параметр", view.Value.Parameters.Single(p => p.Id == "quality").GuidanceKk, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Submit_BadScores_AreRefusedAndNothingIsSaved(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await NhrcQuarterAsync(app);
        var sheet = await SheetOfAsync(app, body["spec1"], round.Round.Id);
        SetToday(app, 2026, 7, 10);

        var six = await SubmitAsync(app, body, "head", sheet, [.. NonLeaderFours[..4], new("no-sanctions", 6, null)]);
        var minusOne = await SubmitAsync(app, body, "head", sheet, [.. NonLeaderFours[..4], new("no-sanctions", -1, null)]);
        var missing = await SubmitAsync(app, body, "head", sheet, NonLeaderFours[..4]);
        var byServant = await SubmitAsync(app, body, "spec1", sheet, NonLeaderFours);
        var ok = await SubmitAsync(app, body, "head", sheet, NonLeaderFours);
        var twice = await SubmitAsync(app, body, "head", await SheetOfAsync(app, body["spec1"], round.Round.Id), NonLeaderFours);
        var stale = await SubmitAsync(app, body, "head", sheet, NonLeaderFours);

        Assert.Equal("score-out-of-range", six.Refusal?.Code);
        Assert.Equal("score-out-of-range", minusOne.Refusal?.Code);
        Assert.Equal("score-missing", missing.Refusal?.Code);
        Assert.Equal("not-found", byServant.Refusal?.Code);
        Assert.True(ok.IsSuccess);
        Assert.Equal("sheet-already-submitted", twice.Refusal?.Code);
        Assert.Equal("concurrency-conflict", stale.Refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Results_AreOpenOnlyToTheServantEvaluatorAndHeadOfHr_AndReadsAreAudited(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await NhrcQuarterAsync(app);
        var sheet = await SheetOfAsync(app, body["spec1"], round.Round.Id);
        SetToday(app, 2026, 7, 10);
        await SubmitAsync(app, body, "head", sheet, NonLeaderFours);

        async Task<string?> Open(string user) =>
            (await app.WithAsync<RatingSheetService, Outcome<SheetView>>(s => s.GetSheetAsync(body.User(user), body.BodyId, sheet.Id))).Refusal?.Code;

        Assert.Null(await Open("spec1"));
        Assert.Null(await Open("head"));
        Assert.Null(await Open("hrhead"));
        Assert.Equal("not-found", await Open("hr"));
        Assert.Equal("not-found", await Open("colleague"));
        Assert.Equal("not-found", await Open("deputy"));
        Assert.Equal("not-found", await Open("authorized"));
        var reads = await app.WithAsync<BagalauDbContext, int>(db => db.AuditRecords.CountAsync(r => r.Action == "read" && r.Entity == nameof(RatingSheet)));
        Assert.Equal(3, reads);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Delegation_WithFewerThanTwentyOneEvaluatees_IsRefusedWithClause17(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await NhrcQuarterAsync(app);
        var sheet = await SheetOfAsync(app, body["spec1"], round.Round.Id);

        var delegated = await app.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.DelegateAsync(body.User("head"), body.BodyId, sheet.Id, sheet.Version, body["deputy"]));

        Assert.Equal("delegation-not-allowed", delegated.Refusal?.Code);
        Assert.Contains("17", delegated.Refusal!.Message.Ru, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Substitute_ForAnAbsentEvaluator_FillsTheSheet(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await NhrcQuarterAsync(app);
        var sheet = await SheetOfAsync(app, body["spec1"], round.Round.Id);
        SetToday(app, 2026, 7, 8);
        var notAbsent = await app.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.SubstituteAsync(body.User("hr"), body.BodyId, sheet.Id, sheet.Version, body["deputy"]));
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var head = await db.Servants.Include(s => s.Absences).SingleAsync(s => s.Id == body["head"]);
            head.AddAbsence(AbsenceKind.Leave, new DateOnly(2026, 7, 6), new DateOnly(2026, 7, 24));
            await db.SaveChangesAsync();
        });

        var named = await app.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.SubstituteAsync(body.User("hr"), body.BodyId, sheet.Id, sheet.Version, body["deputy"]));
        var filled = await SubmitAsync(app, body, "deputy", named.Value!, NonLeaderFours);

        Assert.Equal("evaluator-not-absent", notAbsent.Refusal?.Code);
        Assert.True(named.IsSuccess, named.Refusal?.ToString());
        Assert.True(filled.IsSuccess, filled.Refusal?.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnnualScore_FromFourQuarters_ShowsEachContribution_AndLeavesOutAQuarterNotEvaluated(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, q2) = await NhrcQuarterAsync(app);
        await SubmitAsync(app, body, "head", await SheetOfAsync(app, body["spec1"], q2.Round.Id), NonLeaderFours);
        var scores = new Dictionary<int, decimal> { [1] = 3, [3] = 5 };
        foreach (var q in new[] { 1, 3, 4 })
        {
            SetToday(app, 2026, (q * 3) % 12 + 1, 2);
            var evaluation = q == 4 ? new DateOnly(2027, 1, 10) : new DateOnly(2026, q * 3 + 1, 10);
            var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "nhrc", $"2026-Q{q}", evaluation));
            Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
            var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
            Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
            if (scores.TryGetValue(q, out var score))
            {
                var sheet = await SheetOfAsync(app, body["spec1"], scheduled.Value!.Id);
                var submitted = await SubmitAsync(app, body, "head", sheet, NonLeaderFours.Select(p => p with { Score = score }).ToList());
                Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
            }
        }

        var annual = await app.WithAsync<AnnualScoreService, Outcome<AnnualView>>(s => s.AnnualAsync(body.User("spec1"), body.BodyId, body["spec1"], "nhrc", 2026));
        var colleague = await app.WithAsync<AnnualScoreService, Outcome<AnnualView>>(s => s.AnnualAsync(body.User("colleague"), body.BodyId, body["spec1"], "nhrc", 2026));

        Assert.True(annual.IsSuccess, annual.Refusal?.ToString());
        Assert.Equal((4.00m, "effective", 3), (annual.Value!.Score, annual.Value.Grade, annual.Value.QuartersCounted));
        Assert.Equal(new DateOnly(2027, 1, 30), annual.Value.Due);
        Assert.Equal([1.00m, 1.33m, 1.67m], annual.Value.Quarters.Where(q => q.Share is not null).Select(q => q.Share!.Value));
        Assert.Equal("open", annual.Value.Quarters.Single(q => q.Quarter == 4).Status);
        Assert.Equal("not-found", colleague.Refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Oskemen_Before31August2023_AnAbsentServantIsEvaluatedWithoutParticipation_AfterItNormally(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "osk-t", new DateOnly(2020, 1, 1));
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var spec1 = await db.Servants.Include(s => s.Absences).SingleAsync(s => s.Id == body["spec1"]);
            spec1.AddAbsence(AbsenceKind.Leave, new DateOnly(2023, 8, 14), new DateOnly(2023, 8, 25));
            spec1.AddAbsence(AbsenceKind.Leave, new DateOnly(2023, 10, 2), new DateOnly(2023, 10, 13));
            await db.SaveChangesAsync();
        });

        async Task<SheetSummary> SheetOf(string quarter, DateOnly held)
        {
            var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", quarter, held, confirmedLate: true));
            Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
            await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
            var sheets = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<SheetSummary>>>(s => s.SheetsOfRoundAsync(body.User("hr"), body.BodyId, scheduled.Value!.Id));
            return sheets.Value!.Single(s => s.ServantId == body["spec1"]);
        }

        var august = await SheetOf("2023-Q2", new DateOnly(2023, 8, 15));
        var october = await SheetOf("2023-Q3", new DateOnly(2023, 10, 5));

        Assert.Equal(("without-participation", "5"), (august.Participation, august.EligibilityClause));
        Assert.Equal("yes", october.Participation);
        Assert.Equal("non-leader", october.FormId);
        Assert.Equal(new DateOnly(2023, 10, 10), october.Due);
    }
}
