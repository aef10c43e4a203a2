using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Tasks;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bagalau.IntegrationTests.Evaluation2023.QuarterlyEvaluationTests;

namespace Bagalau.IntegrationTests.Evaluation2023;

/// <summary>
/// oskemen 11 (wording of 27.07.2023): spec1 is on leave on the evaluation day (15.08.2023) and
/// is evaluated without participation; the quarter close opens the acquaintance with the servant's
/// task (two working days); HR's notification completes both and writes the service record.
/// </summary>
public class SheetNotificationAcquaintanceTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly Actor Hr = Actor.WithRoles("hr (test)", null, Actor.Hr);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Notification_AfterTheClose_CompletesTheAcquaintanceAndTheServantsTask_AndWritesTheServiceRecord(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, roundId) = await SubmittedWithoutParticipationThenClosedAsync(app, new DateOnly(2023, 8, 16));
        SetToday(app, 2023, 8, 17);
        var sheet = await SheetOfAsync(app, body["spec1"], roundId);
        var notified = await app.WithAsync<RatingSheetService, Outcome<SheetSummary>>(
            s => s.RecordNotificationAsync(body.User("hr"), body.BodyId, sheet.Id, sheet.Version, "phone-message", new DateOnly(2023, 8, 17)));

        Assert.True(notified.IsSuccess, notified.Refusal?.ToString());
        Assert.Equal((new DateOnly(2023, 8, 18), "11", false), (notified.Value!.NotifyBy!.Due, notified.Value.NotifyBy.Clause, notified.Value.NotifyBy.Late));
        var acquaintance = await app.WithAsync<BagalauDbContext, ResultAcquaintance>(db => db.Acquaintances.AsNoTracking().SingleAsync(a => a.SubjectId == sheet.Id));
        Assert.Equal(
            (AcquaintanceState.Notified, (NotificationChannel?)NotificationChannel.PhoneMessage, (DateOnly?)new DateOnly(2023, 8, 17), false),
            (acquaintance.State, acquaintance.Channel, acquaintance.NotifiedOn, acquaintance.Late));
        var task = await app.WithAsync<BagalauDbContext, EvaluationTask>(db => db.EvaluationTasks.AsNoTracking().SingleAsync(t => t.SubjectId == acquaintance.Id));
        Assert.Equal((EvaluationTaskStatus.Done, (DateOnly?)new DateOnly(2023, 8, 17)), (task.Status, task.CompletedOn));
        var entry = await app.WithAsync<BagalauDbContext, ServiceRecordEntry>(db => db.ServiceRecordEntries.AsNoTracking().SingleAsync(e => e.ServantId == body["spec1"]));
        Assert.Equal((acquaintance.Id, new DateOnly(2023, 8, 17)), (entry.AcquaintanceId!.Value, entry.On));
        Assert.Contains("phone-message", entry.TextEn, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Notification_DatedBetweenTheSubmissionAndTheClose_IsAccepted(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, roundId) = await SubmittedWithoutParticipationThenClosedAsync(app, new DateOnly(2023, 8, 17));
        SetToday(app, 2023, 8, 18);
        var sheet = await SheetOfAsync(app, body["spec1"], roundId);

        // The sheet was submitted on 15.08 and the letter sent on 16.08, before the close of 17.08 opened the acquaintance.
        var notified = await app.WithAsync<RatingSheetService, Outcome<SheetSummary>>(
            s => s.RecordNotificationAsync(body.User("hr"), body.BodyId, sheet.Id, sheet.Version, "registered-letter", new DateOnly(2023, 8, 16)));

        Assert.True(notified.IsSuccess, notified.Refusal?.ToString());
        var acquaintance = await app.WithAsync<BagalauDbContext, ResultAcquaintance>(db => db.Acquaintances.AsNoTracking().SingleAsync(a => a.SubjectId == sheet.Id));
        Assert.Equal((AcquaintanceState.Notified, (DateOnly?)new DateOnly(2023, 8, 16)), (acquaintance.State, acquaintance.NotifiedOn));
    }

    private static async Task<(Body2023 Body, Guid RoundId)> SubmittedWithoutParticipationThenClosedAsync(TestApp app, DateOnly closedOn)
    {
        var body = await Body2023.CreateAsync(app, "osk-t", new DateOnly(2020, 1, 1));
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var spec1 = await db.Servants.Include(s => s.Absences).SingleAsync(s => s.Id == body["spec1"]);
            spec1.AddAbsence(AbsenceKind.Leave, new DateOnly(2023, 8, 14), new DateOnly(2023, 8, 25));
            await db.SaveChangesAsync();
        });
        SetToday(app, 2023, 8, 14);
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", "2023-Q2", new DateOnly(2023, 8, 15), confirmedLate: true));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        var sheet = await SheetOfAsync(app, body["spec1"], approved.Value!.Round.Id);
        Assert.Equal(NotificationRule.WithoutParticipation, sheet.Participation);
        var version = app.Services.GetRequiredService<PackCatalog>().Catalogue.Find("oskemen-maslikhat")!.VersionOn(new DateOnly(2023, 8, 15))!;
        var scores = version.Rules.Form(sheet.FormId)!.Parameters.Select(p => new SheetScoreInput(p.Id, 4, null)).ToList();
        SetToday(app, 2023, 8, 15);
        var evaluator = body.Servants.Single(s => s.Value == sheet.EvaluatorId).Key;
        Assert.True((await SubmitAsync(app, body, evaluator, sheet, scores)).IsSuccess);
        var closed = await app.WithAsync<QuarterCloseService, Outcome<IReadOnlyList<QuarterCloseReport>>>(
            s => s.CloseBodyAsync(Hr, "osk-t", Period.OfQuarter(2023, 2), null, closedOn));
        Assert.Equal(1, Assert.Single(closed.Value!).AcquaintancesOpened);
        return (body, approved.Value.Round.Id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Acknowledgement_OnTheSheet_AfterTheClose_AcknowledgesTheAcquaintance_ClosesTheTask_AndWritesTheServiceRecord(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var body = await Body2023.CreateAsync(app, "osk-t", new DateOnly(2020, 1, 1));
        SetToday(app, 2024, 7, 1);
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", "2024-Q2", new DateOnly(2024, 7, 3)));
        var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        var sheet = await SheetOfAsync(app, body["spec1"], approved.Value!.Round.Id);
        var version = app.Services.GetRequiredService<PackCatalog>().Catalogue.Find("oskemen-maslikhat")!.VersionOn(new DateOnly(2024, 7, 3))!;
        var scores = version.Rules.Form(sheet.FormId)!.Parameters.Select(p => new SheetScoreInput(p.Id, 4, null)).ToList();
        var evaluator = body.Servants.Single(s => s.Value == sheet.EvaluatorId).Key;
        Assert.True((await SubmitAsync(app, body, evaluator, sheet, scores)).IsSuccess);
        await app.WithAsync<QuarterCloseService, Outcome<IReadOnlyList<QuarterCloseReport>>>(s => s.CloseBodyAsync(Hr, "osk-t", Period.OfQuarter(2024, 2), null, new DateOnly(2024, 7, 8)));
        SetToday(app, 2024, 7, 9);

        var acknowledged = await app.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.AcknowledgeAsync(body.User("spec1"), body.BodyId, sheet.Id));

        Assert.True(acknowledged.IsSuccess, acknowledged.Refusal?.ToString());
        var acquaintance = await app.WithAsync<BagalauDbContext, ResultAcquaintance>(db => db.Acquaintances.AsNoTracking().SingleAsync(a => a.SubjectId == sheet.Id));
        Assert.Equal((AcquaintanceState.Acknowledged, (DateOnly?)new DateOnly(2024, 7, 9), false), (acquaintance.State, acquaintance.CompletedOn, acquaintance.Late));
        var task = await app.WithAsync<BagalauDbContext, EvaluationTask>(db => db.EvaluationTasks.AsNoTracking().SingleAsync(t => t.SubjectId == acquaintance.Id));
        Assert.Equal(EvaluationTaskStatus.Done, task.Status);
        var entry = await app.WithAsync<BagalauDbContext, ServiceRecordEntry>(db => db.ServiceRecordEntries.AsNoTracking().SingleAsync(e => e.ServantId == body["spec1"]));
        Assert.Equal(acquaintance.Id, entry.AcquaintanceId);
    }
}
