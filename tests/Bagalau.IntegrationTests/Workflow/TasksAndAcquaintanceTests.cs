using Bagalau.Application.Acquaintance;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Bagalau.Domain.Workflow;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Workflow;

public class TasksAndAcquaintanceTests
{
    private static readonly DateOnly PeriodStart = new(2022, 1, 1);

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static LocalizedText Result => new("НМИ: жақсы; құзыреттер: сәйкес", "ЦИ: хорошо; компетенции: соответствует", "KPI: good; competencies: meets");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Schedule_PlanSetUnderAlmaty_IsDueTenWorkingDaysAfterThePeriodStartWithClause9(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var scheduled = await app.WithAsync<IServiceProvider, Outcome<EvaluationTask>>(async sp =>
        {
            var task = sp.GetRequiredService<TaskService>().Schedule(
                world.BodyId, "almaty-akimat", "plan-set", PeriodStart, "plan-draft", TaskAssignee.Servant(world.Servants["supervisor"]), new TaskSubject("work-plan", Guid.NewGuid()), null, world.UnitId);
            await sp.GetRequiredService<BagalauDbContext>().SaveChangesAsync();
            return task;
        });
        Assert.False(scheduled.IsRefused);

        var calendar = app.Services.GetRequiredService<PackCatalog>().Catalogue.Calendar;
        Assert.Equal(calendar.AddWorkingDays(PeriodStart, 10), scheduled.Value!.Due);
        Assert.Equal("9", scheduled.Value.Clause);
        Assert.Equal("plan-set", scheduled.Value.DeadlineId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Schedule_DeadlineTheFamilyDoesNotHave_IsRefusedWithNotInPack(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);

        var scheduled = await app.WithAsync<TaskService, Outcome<EvaluationTask>>(tasks => Task.FromResult(
            tasks.Schedule(world.BodyId, "almaty-akimat", "calibration-request", PeriodStart, "plan-draft", TaskAssignee.Servant(world.Servant), new TaskSubject("x", Guid.NewGuid()), null, null)));

        Assert.Equal("not-in-pack", scheduled.Refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MyTasks_ShowsOwnOpenTasksWithDueClauseAndOverdue_AndNobodyElses(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var due = await ScheduleAsync(app, world, "supervisor", "plan-draft", "plan-set", PeriodStart);

        var onTime = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), due, PageRequest.First));
        var late = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), due.AddDays(1), PageRequest.First));
        var other = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("outsider"), due, PageRequest.First));

        var task = Assert.Single(onTime.Items);
        Assert.Equal("open", task.Status);
        Assert.Equal("9", task.Clause);
        Assert.Equal("Жеке жұмыс жоспарын жасау", task.Name.Kk);
        Assert.Equal("overdue", Assert.Single(late.Items).Status);
        Assert.Empty(other.Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CompletionByUnit_CountsDoneOpenAndOverduePerUnit(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var cycle = Guid.NewGuid();
        var subjects = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };

        await SaveTasksAsync(app, world, cycle, subjects);
        var page = await app.WithAsync<TaskService, Page<UnitCompletion>>(t => t.CompletionByUnitAsync(world.BodyId, cycle, new DateOnly(2022, 3, 3), PageRequest.First));
        var row = Assert.Single(page.Items);
        Assert.Equal((1, 1, 1), (row.Done, row.Open, row.Overdue));
        Assert.Equal("dept", row.UnitCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReminderRun_SendsInAppAndEmailBeforeDueAndOnOverdue_EachOnlyOnce(string provider)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await TestApp.StartAsync(provider, new() { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Smtp:From"] = "bagalau@wf.example" });
        var world = await World.BuildAsync(app);
        var due = await ScheduleAsync(app, world, "supervisor", "plan-draft", "plan-set", PeriodStart);
        var calendar = app.Services.GetRequiredService<PackCatalog>().Catalogue.Calendar;
        var twoBefore = calendar.AddWorkingDays(due, -2);

        var early = await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(calendar.AddWorkingDays(due, -3)));
        var before = await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(twoBefore));
        var again = await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(twoBefore.AddDays(1)));
        var overdue = await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(due.AddDays(1)));
        var overdueAgain = await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(due.AddDays(2)));

        Assert.Equal(new ReminderRunResult(0, 0, 0), early);
        Assert.Equal(new ReminderRunResult(1, 1, 0), before);
        Assert.Equal(new ReminderRunResult(0, 0, 0), again);
        Assert.Equal(new ReminderRunResult(1, 1, 0), overdue);
        Assert.Equal(new ReminderRunResult(0, 0, 0), overdueAgain);
        var mails = sink.Messages();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Contains("supervisor@wf.example", m, StringComparison.Ordinal));
        Assert.Contains("Reminder: 'Draft the individual work plan'", mails[0] + mails[1], StringComparison.Ordinal);
        Assert.Contains("Overdue: 'Draft the individual work plan'", mails[0] + mails[1], StringComparison.Ordinal);

        var notes = await app.WithAsync<NotificationService, Page<InAppNotification>>(n => n.MineAsync(world.User("supervisor"), PageRequest.First));
        Assert.Equal(2, notes.Total);
        Assert.Equal(0, (await app.WithAsync<NotificationService, Page<InAppNotification>>(n => n.MineAsync(world.User("outsider"), PageRequest.First))).Total);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReminderRun_WhenSmtpIsDown_KeepsInAppAndRetriesTheEmailNextRun(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new() { ["Smtp:Host"] = "127.0.0.1", ["Smtp:Port"] = "1" });
        var world = await World.BuildAsync(app);
        var due = await ScheduleAsync(app, world, "supervisor", "plan-draft", "plan-set", PeriodStart);

        var first = await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(due));
        var second = await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(due));

        Assert.Equal(new ReminderRunResult(1, 0, 1), first);
        Assert.Equal(new ReminderRunResult(0, 0, 1), second);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Acknowledge_ByTheServantInTime_AddsTheServiceRecordEntryAndClosesTheTask(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var resultOn = new DateOnly(2022, 12, 22);
        var opened = await OpenAsync(app, world, resultOn);
        Assert.Equal("40", opened.DueClause);

        var byOther = await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("outsider"), opened.Id, opened.Version, resultOn));
        var bySupervisor = await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("supervisor"), opened.Id, opened.Version, resultOn));
        var ok = await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("servant"), opened.Id, opened.Version, resultOn.AddDays(1)));
        var twice = await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("servant"), opened.Id, opened.Version + 1, resultOn.AddDays(1)));

        Assert.Equal("not-allowed", byOther.Refusal?.Code);
        Assert.Equal("not-allowed", bySupervisor.Refusal?.Code);
        Assert.False(ok.IsRefused);
        Assert.Equal("wrong-state", twice.Refusal?.Code);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var a = await db.Acquaintances.SingleAsync();
            Assert.Equal(AcquaintanceState.Acknowledged, a.State);
            Assert.False(a.Late);
            var entry = await db.ServiceRecordEntries.SingleAsync();
            Assert.Equal(world.Servant, entry.ServantId);
            Assert.Contains("танысты", entry.TextKk, StringComparison.Ordinal);
            Assert.Equal(EvaluationTaskStatus.Done, (await db.EvaluationTasks.SingleAsync(t => t.Kind == "acquaint")).Status);
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Acknowledge_AfterTheDeadline_IsAllowedButFlaggedLate(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var opened = await OpenAsync(app, world, new DateOnly(2022, 12, 22));

        var outcome = await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("servant"), opened.Id, opened.Version, opened.Due.AddDays(1)));

        Assert.False(outcome.IsRefused);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            Assert.True((await db.Acquaintances.SingleAsync()).Late);
            Assert.Contains("(late)", (await db.ServiceRecordEntries.SingleAsync()).TextEn, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RefusalAct_NeedsHrAndThreeDifferentSignatories(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var resultOn = new DateOnly(2022, 12, 22);
        var opened = await OpenAsync(app, world, resultOn);
        var act = new RefusalActInput(resultOn, "Қызметші hr", "Бас маман", "Қызметші member1", "Бас маман", "Қызметші member2", "Жетекші маман", "Қол қоюдан бас тартты");

        var byServant = await app.WithAsync<AcquaintanceService, Outcome>(s => s.RecordRefusalAsync(world.User("servant"), opened.Id, opened.Version, act, resultOn));
        var twoSigners = await app.WithAsync<AcquaintanceService, Outcome>(s => s.RecordRefusalAsync(world.User("hr"), opened.Id, opened.Version, act with { Witness2Name = "Қызметші hr" }, resultOn));
        var missing = await app.WithAsync<AcquaintanceService, Outcome>(s => s.RecordRefusalAsync(world.User("hr"), opened.Id, opened.Version, act with { Witness1Position = " " }, resultOn));
        var ok = await app.WithAsync<AcquaintanceService, Outcome>(s => s.RecordRefusalAsync(world.User("hr"), opened.Id, opened.Version, act, resultOn));

        Assert.Equal("not-allowed", byServant.Refusal?.Code);
        Assert.Equal("refusal-act-same-signatory", twoSigners.Refusal?.Code);
        Assert.Equal("refusal-act-signatories", missing.Refusal?.Code);
        Assert.False(ok.IsRefused);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var a = await db.Acquaintances.SingleAsync();
            Assert.Equal(AcquaintanceState.Refused, a.State);
            Assert.Equal(("Қызметші hr", "Қызметші member1", "Қызметші member2"), (a.RefusalAct!.Hr.Name, a.RefusalAct.Witness1.Name, a.RefusalAct.Witness2.Name));
            Assert.Contains("бас тартты", (await db.ServiceRecordEntries.SingleAsync()).TextKk, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Notification_OfAServantAtWork_IsRefused_OfAnAbsentOne_IsRecordedWithChannelAndDate(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var resultOn = new DateOnly(2022, 12, 22);
        var opened = await OpenAsync(app, world, resultOn);

        var atWork = await app.WithAsync<AcquaintanceService, Outcome>(s => s.RecordNotificationAsync(world.User("hr"), opened.Id, opened.Version, "registered-letter", resultOn, null, resultOn));
        await app.WithAsync<OrganisationService, Result<Absence>>(s => s.AddAbsenceAsync(world.BodyId, world.Servant, new AbsenceInput("sick", resultOn, resultOn.AddDays(10))));
        var badChannel = await app.WithAsync<AcquaintanceService, Outcome>(s => s.RecordNotificationAsync(world.User("hr"), opened.Id, opened.Version, "pigeon", resultOn, null, resultOn));
        var ok = await app.WithAsync<AcquaintanceService, Outcome>(s => s.RecordNotificationAsync(world.User("hr"), opened.Id, opened.Version, "telegram", resultOn.AddDays(1), "@servant", resultOn.AddDays(1)));

        Assert.Equal("servant-present", atWork.Refusal?.Code);
        Assert.Equal("unknown-channel", badChannel.Refusal?.Code);
        Assert.False(ok.IsRefused);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var a = await db.Acquaintances.SingleAsync();
            Assert.Equal((AcquaintanceState.Notified, NotificationChannel.Telegram, resultOn.AddDays(1)), (a.State, a.Channel!.Value, a.NotifiedOn!.Value));
            Assert.Single(await db.ServiceRecordEntries.ToListAsync());
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Acknowledge_FromAStaleCopy_IsAConflict(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var opened = await OpenAsync(app, world, new DateOnly(2022, 12, 22));

        var stale = await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("servant"), opened.Id, opened.Version + 5, opened.ResultOn));

        Assert.Equal("concurrency-conflict", stale.Refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Get_ByTheServantOrHr_IsAuditedAsARead_OthersDoNotSeeIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var opened = await OpenAsync(app, world, new DateOnly(2022, 12, 22));

        var own = await app.WithAsync<AcquaintanceService, Outcome<ResultAcquaintance>>(s => s.GetAsync(world.User("servant"), opened.Id));
        var hr = await app.WithAsync<AcquaintanceService, Outcome<ResultAcquaintance>>(s => s.GetAsync(world.User("hr"), opened.Id));
        var other = await app.WithAsync<AcquaintanceService, Outcome<ResultAcquaintance>>(s => s.GetAsync(world.User("outsider"), opened.Id));

        Assert.False(own.IsRefused);
        Assert.False(hr.IsRefused);
        Assert.Equal("not-found", other.Refusal?.Code);
        Assert.Equal(2, await app.WithAsync<BagalauDbContext, int>(db => db.AuditRecords.CountAsync(r => r.Action == "read" && r.Entity == nameof(ResultAcquaintance))));
    }

    private static async Task<DateOnly> ScheduleAsync(TestApp app, World world, string assignee, string kind, string deadline, DateOnly from)
    {
        return await app.WithAsync<IServiceProvider, DateOnly>(async sp =>
        {
            var tasks = sp.GetRequiredService<TaskService>();
            var task = tasks.Schedule(world.BodyId, "almaty-akimat", deadline, from, kind, TaskAssignee.Servant(world.Servants[assignee]), new TaskSubject("work-plan", Guid.NewGuid()), null, world.UnitId);
            Assert.False(task.IsRefused, task.Refusal?.ToString());
            await sp.GetRequiredService<BagalauDbContext>().SaveChangesAsync();
            return task.Value!.Due!.Value;
        });
    }

    private static async Task SaveTasksAsync(TestApp app, World world, Guid cycle, Guid[] subjects)
    {
        await app.WithAsync<IServiceProvider>(async sp =>
        {
            var tasks = sp.GetRequiredService<TaskService>();
            foreach (var (subject, from) in subjects.Zip(new[] { PeriodStart, PeriodStart, new DateOnly(2022, 6, 1) }))
            {
                tasks.Schedule(world.BodyId, "almaty-akimat", "plan-set", from, "plan-draft", TaskAssignee.Servant(world.Servant), new TaskSubject("work-plan", subject), cycle, world.UnitId);
            }

            await tasks.CompleteAsync(new TaskSubject("work-plan", subjects[0]), "plan-draft", PeriodStart);
            await sp.GetRequiredService<BagalauDbContext>().SaveChangesAsync();
        });
    }

    private static async Task<ResultAcquaintance> OpenAsync(TestApp app, World world, DateOnly resultOn)
    {
        var opened = await app.WithAsync<AcquaintanceService, Outcome<ResultAcquaintance>>(s => s.OpenAsync(world.BodyId, "almaty-akimat", world.Servant, "evaluation-2018", Guid.NewGuid(), Result, resultOn));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        return opened.Value!;
    }
}
