using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bagalau.IntegrationTests.Evaluation2023.QuarterlyEvaluationTests;

namespace Bagalau.IntegrationTests.Evaluation2023;

public class QuarterCloseTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly Actor Hr = Actor.WithRoles("hr (test)", null, Actor.Hr);

    private static Task<Outcome<IReadOnlyList<QuarterCloseReport>>> CloseAsync(TestApp app, string bodyCode, string quarter, DateOnly today) =>
        app.WithAsync<QuarterCloseService, Outcome<IReadOnlyList<QuarterCloseReport>>>(s => s.CloseBodyAsync(Hr, bodyCode, Quarter(quarter), null, today));

    private static decimal Number(System.Text.Json.JsonElement row, string property) =>
        decimal.Parse(row.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Period Quarter(string text) => Period.TryParse(text, out var period) ? period : throw new ArgumentException(text);

    private static Task<List<AnnualResult>> AnnualsAsync(TestApp app, Guid bodyId) =>
        app.WithAsync<BagalauDbContext, List<AnnualResult>>(db => db.AnnualResults.AsNoTracking().Where(a => a.StateBodyId == bodyId).ToListAsync());

    /// <summary>Q2 2026 of the nhrc body with spec1 (fours) and spec2 (fours, reprimand in May: capped at signing) submitted.</summary>
    private static async Task<(Body2023 Body, RoundView Round)> SubmittedNhrcQuarterAsync(TestApp app)
    {
        var (body, round) = await NhrcQuarterAsync(app);
        SetToday(app, 2026, 7, 10);
        foreach (var servant in new[] { "spec1", "spec2" })
        {
            var submitted = await SubmitAsync(app, body, "head", await SheetOfAsync(app, body[servant], round.Round.Id), NonLeaderFours);
            Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
        }

        return (body, round);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Close_AfterTheQuarter_WritesTheAnnualScoreOfEachEvaluatedServant_FromTheEnginesCappedResults(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await SubmittedNhrcQuarterAsync(app);

        var closed = await CloseAsync(app, "nhrc-t", "2026-Q2", new DateOnly(2026, 7, 25));

        Assert.True(closed.IsSuccess, closed.Refusal?.ToString());
        var report = Assert.Single(closed.Value!);
        Assert.Equal((10, 2, 2, 6, 0, 2, 0, true), (report.Sheets, report.Evaluated, report.NotEvaluated, report.Open, report.Recapped, report.AnnualCreated, report.AnnualUpdated, report.RoundClosed));
        var annuals = (await AnnualsAsync(app, body.BodyId)).ToDictionary(a => a.ServantId);
        Assert.Equal(2, annuals.Count);
        var spec1 = annuals[body["spec1"]];
        Assert.Equal((4.00m, "effective", 1, "4", (decimal?)4.00m, (decimal?)null), (spec1.Score, spec1.Grade, spec1.QuartersCounted, spec1.Clause, spec1.Q2, spec1.Q1));
        var spec2 = annuals[body["spec2"]];
        Assert.Equal((2.99m, "satisfactory", (decimal?)2.99m), (spec2.Score, spec2.Grade, spec2.Q2));
        var state = await app.WithAsync<BagalauDbContext, QuarterRound>(db => db.QuarterRounds.AsNoTracking().SingleAsync(r => r.Id == round.Round.Id));
        Assert.Equal((RoundState.Closed, (DateOnly?)new DateOnly(2026, 7, 25)), (state.State, state.ClosedOn));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Close_WhenASanctionOfTheQuarterWasRegisteredAfterSigning_CapsTheSheetAndTheAnnualScore(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await SubmittedNhrcQuarterAsync(app);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var spec1 = await db.Servants.Include(s => s.Sanctions).SingleAsync(s => s.Id == body["spec1"]);
            spec1.AddSanction(SanctionKind.Reprimand, new DateOnly(2026, 6, 15), null, "кешігу");
            await db.SaveChangesAsync();
        });

        var closed = await CloseAsync(app, "nhrc-t", "2026-Q2", new DateOnly(2026, 7, 25));

        Assert.True(closed.IsSuccess, closed.Refusal?.ToString());
        Assert.Equal(1, Assert.Single(closed.Value!).Recapped);
        var sheet = await SheetOfAsync(app, body["spec1"], round.Round.Id);
        Assert.Equal((4.00m, 2.99m, "satisfactory", "reprimand"), (sheet.Average, sheet.Score, sheet.Grade, sheet.CappedBy));
        var annual = (await AnnualsAsync(app, body.BodyId)).Single(a => a.ServantId == body["spec1"]);
        Assert.Equal((2.99m, "satisfactory"), (annual.Score, annual.Grade));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Close_Twice_ChangesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await SubmittedNhrcQuarterAsync(app);
        await CloseAsync(app, "nhrc-t", "2026-Q2", new DateOnly(2026, 7, 25));
        var audit = await app.WithAsync<BagalauDbContext, int>(db => db.AuditRecords.CountAsync());
        var before = (await AnnualsAsync(app, body.BodyId)).ToDictionary(a => a.Id, a => (a.Version, a.Score, a.UpdatedOn));

        var again = await CloseAsync(app, "nhrc-t", "2026-Q2", new DateOnly(2026, 7, 28));

        Assert.True(again.IsSuccess, again.Refusal?.ToString());
        Assert.True(Assert.Single(again.Value!).Unchanged);
        Assert.Equal(audit, await app.WithAsync<BagalauDbContext, int>(db => db.AuditRecords.CountAsync()));
        Assert.Equal(before, (await AnnualsAsync(app, body.BodyId)).ToDictionary(a => a.Id, a => (a.Version, a.Score, a.UpdatedOn)));
        var state = await app.WithAsync<BagalauDbContext, QuarterRound>(db => db.QuarterRounds.AsNoTracking().SingleAsync(r => r.Id == round.Round.Id));
        Assert.Equal(new DateOnly(2026, 7, 25), state.ClosedOn);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Close_BeforeTheQuarterEnds_IsRefusedAndNothingIsWritten(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await SubmittedNhrcQuarterAsync(app);

        var closed = await CloseAsync(app, "nhrc-t", "2026-Q2", new DateOnly(2026, 6, 30));

        Assert.Equal("quarter-not-ended", closed.Refusal?.Code);
        Assert.Empty(await AnnualsAsync(app, body.BodyId));
        var state = await app.WithAsync<BagalauDbContext, QuarterRound>(db => db.QuarterRounds.AsNoTracking().SingleAsync(r => r.Id == round.Round.Id));
        Assert.Equal(RoundState.Approved, state.State);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Close_OfTheNextQuarter_AveragesTheYearsQuartersIntoTheKeptAnnualScore(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, _) = await SubmittedNhrcQuarterAsync(app);
        await CloseAsync(app, "nhrc-t", "2026-Q2", new DateOnly(2026, 7, 25));
        SetToday(app, 2026, 10, 1);
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "nhrc", "2026-Q3", new DateOnly(2026, 10, 5)));
        var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        var sheet = await SheetOfAsync(app, body["spec1"], approved.Value!.Round.Id);
        var fives = NonLeaderFours.Select(s => new SheetScoreInput(s.ParameterId, 5, null)).ToList();
        Assert.True((await SubmitAsync(app, body, "head", sheet, fives)).IsSuccess);

        var closed = await CloseAsync(app, "nhrc-t", "2026-Q3", new DateOnly(2026, 10, 21));

        Assert.Equal((0, 1), (Assert.Single(closed.Value!).AnnualCreated, closed.Value![0].AnnualUpdated));
        var annual = (await AnnualsAsync(app, body.BodyId)).Single(a => a.ServantId == body["spec1"]);
        Assert.Equal((4.50m, 2, (decimal?)4.00m, (decimal?)5.00m, new DateOnly(2026, 10, 21)), (annual.Score, annual.QuartersCounted, annual.Q2, annual.Q3, annual.UpdatedOn));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Close_UnderAPackWithAnAcquaintanceDeadline_OpensEachSignedResultsAcquaintanceAndTask(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "osk-t", new DateOnly(2020, 1, 1));
        SetToday(app, 2024, 7, 1);
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", "2024-Q2", new DateOnly(2024, 7, 3)));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        var sheet = await SheetOfAsync(app, body["spec1"], approved.Value!.Round.Id);
        var version = app.Services.GetRequiredService<PackCatalog>().Catalogue.Find("oskemen-maslikhat")!.VersionOn(new DateOnly(2024, 7, 3))!;
        var scores = version.Rules.Form(sheet.FormId)!.Parameters.Select(p => new SheetScoreInput(p.Id, 4, null)).ToList();
        var evaluator = body.Servants.Single(s => s.Value == sheet.EvaluatorId).Key;
        Assert.True((await SubmitAsync(app, body, evaluator, sheet, scores)).IsSuccess);

        var closed = await CloseAsync(app, "osk-t", "2024-Q2", new DateOnly(2024, 7, 8));
        var again = await CloseAsync(app, "osk-t", "2024-Q2", new DateOnly(2024, 7, 9));

        Assert.Equal(1, Assert.Single(closed.Value!).AcquaintancesOpened);
        Assert.Equal(0, Assert.Single(again.Value!).AcquaintancesOpened);
        var acquaintance = await app.WithAsync<BagalauDbContext, Domain.Acquaintance.ResultAcquaintance>(db => db.Acquaintances.AsNoTracking().SingleAsync(a => a.SubjectId == sheet.Id));
        Assert.Equal((body["spec1"], QuarterCloseService.AcquaintanceSubject, "11"), (acquaintance.ServantId, acquaintance.SubjectType, acquaintance.DueClause));
        Assert.Contains("2024-Q2", acquaintance.ResultKk, StringComparison.Ordinal);
        var task = await app.WithAsync<BagalauDbContext, Domain.Tasks.EvaluationTask>(db => db.EvaluationTasks.AsNoTracking().SingleAsync(t => t.SubjectId == acquaintance.Id));
        Assert.Equal((body["spec1"], acquaintance.Due), (task.AssigneeServantId!.Value, task.Due));

        // ADR 0013: the close's one audit record lists the acquaintance and the task with their values.
        var record = await app.WithAsync<BagalauDbContext, Application.Audit.AuditRecord>(db =>
            db.AuditRecords.AsNoTracking().SingleAsync(r => r.Entity == QuarterCloseService.AuditEntity && r.EntityKey == approved.Value!.Round.Id.ToString()));
        using var json = System.Text.Json.JsonDocument.Parse(record.After!);
        var listed = Assert.Single(json.RootElement.GetProperty(nameof(Domain.Acquaintance.ResultAcquaintance)).EnumerateArray().ToList());
        Assert.Equal(
            (acquaintance.Id.ToString(), sheet.Id.ToString(), Iso(acquaintance.Due), acquaintance.ResultKk),
            (listed.GetProperty("Id").GetString(), listed.GetProperty("SubjectId").GetString(), listed.GetProperty("Due").GetString(), listed.GetProperty("ResultKk").GetString()));
        var listedTask = Assert.Single(json.RootElement.GetProperty(nameof(Domain.Tasks.EvaluationTask)).EnumerateArray().ToList());
        Assert.Equal((task.Id.ToString(), Iso(task.Due!.Value)), (listedTask.GetProperty("Id").GetString(), listedTask.GetProperty("Due").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Close_OfAPastQuarter_DoneWhenNoVersionIsInForce_DecidesTheAcquaintanceUnderTheRoundsVersion(string provider)
    {
        // oskemen 2023-07 is in force 10.08.2023 to 31.08.2023 and the pack is repealed after
        // 06.11.2025: a 2023 quarter evaluated in August 2023 and closed in 2026 runs under 2023-07.
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "osk-t", new DateOnly(2020, 1, 1));
        SetToday(app, 2023, 8, 15);
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", "2023-Q2", new DateOnly(2023, 8, 15), confirmedLate: true));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        Assert.Equal("2023-07", scheduled.Value!.VersionId);
        var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        var sheet = await SheetOfAsync(app, body["spec1"], approved.Value!.Round.Id);
        var pack = app.Services.GetRequiredService<PackCatalog>().Catalogue.Find("oskemen-maslikhat")!;
        Assert.Null(pack.VersionOn(new DateOnly(2026, 1, 20)));
        var scores = pack.Versions.Single(v => v.Id == "2023-07").Rules.Form(sheet.FormId)!.Parameters.Select(p => new SheetScoreInput(p.Id, 4, null)).ToList();
        var evaluator = body.Servants.Single(s => s.Value == sheet.EvaluatorId).Key;
        Assert.True((await SubmitAsync(app, body, evaluator, sheet, scores)).IsSuccess);

        var closed = await CloseAsync(app, "osk-t", "2023-Q2", new DateOnly(2026, 1, 20));

        Assert.True(closed.IsSuccess, closed.Refusal?.ToString());
        Assert.Equal((1, true), (Assert.Single(closed.Value!).AcquaintancesOpened, closed.Value![0].RoundClosed));
        var acquaintance = await app.WithAsync<BagalauDbContext, Domain.Acquaintance.ResultAcquaintance>(db => db.Acquaintances.AsNoTracking().SingleAsync(a => a.SubjectId == sheet.Id));

        // oskemen 11: two working days after the result (Tuesday 20.01.2026: Thursday 22.01.2026).
        Assert.Equal((new DateOnly(2026, 1, 22), "11"), (acquaintance.Due, acquaintance.DueClause));
        var task = await app.WithAsync<BagalauDbContext, Domain.Tasks.EvaluationTask>(db => db.EvaluationTasks.AsNoTracking().SingleAsync(t => t.SubjectId == acquaintance.Id));
        Assert.Equal(new DateOnly(2026, 1, 22), task.Due);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Close_AuditsEveryNewRowWithItsStoredValues_InOneRecordOfTheBodysClose_AndTheChainStaysIntact(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, round) = await SubmittedNhrcQuarterAsync(app);
        var before = await app.WithAsync<BagalauDbContext, long>(db => db.AuditRecords.MaxAsync(r => r.Sequence));

        var closed = await CloseAsync(app, "nhrc-t", "2026-Q2", new DateOnly(2026, 7, 25));

        Assert.True(closed.IsSuccess, closed.Refusal?.ToString());
        var annuals = await AnnualsAsync(app, body.BodyId);
        var written = await app.WithAsync<BagalauDbContext, List<Application.Audit.AuditRecord>>(db =>
            db.AuditRecords.AsNoTracking().Where(r => r.Sequence > before).OrderBy(r => r.Sequence).ToListAsync());
        Assert.DoesNotContain(written, r => r.Entity == nameof(AnnualResult));
        var record = Assert.Single(written, r => r.Entity == QuarterCloseService.AuditEntity);
        Assert.Equal(("insert", round.Round.Id.ToString(), (Guid?)body.BodyId), (record.Action, record.EntityKey, record.StateBodyId));
        using var json = System.Text.Json.JsonDocument.Parse(record.After!);
        var rows = json.RootElement.GetProperty(nameof(AnnualResult)).EnumerateArray().ToDictionary(r => Guid.Parse(r.GetProperty("Id").GetString()!));
        Assert.Equal(annuals.Select(a => a.Id).Order(), rows.Keys.Order());
        foreach (var annual in annuals)
        {
            var row = rows[annual.Id];
            Assert.Equal(
                (annual.ServantId.ToString(), annual.Grade, annual.Score, "2026-07-25", annual.Q2),
                (row.GetProperty("ServantId").GetString(), row.GetProperty("Grade").GetString(), Number(row, "Score"), row.GetProperty("UpdatedOn").GetString(), (decimal?)Number(row, "Q2")));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, row.GetProperty("Q1").ValueKind);
        }

        var verified = await app.WithAsync<Application.Audit.AuditLog, Application.Audit.AuditVerification>(a => a.VerifyAsync());
        Assert.True(verified.IsIntact, verified.Message);
    }
}
