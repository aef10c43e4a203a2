using Bagalau.Application.Acquaintance;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Tasks;
using Bagalau.Domain.Workflow;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Workflow;

/// <summary>
/// The work queue of the 2018 cycle: every step that waits for someone puts a task in their
/// list and the step itself closes it (HR sending sheets, building the schedule and chasing
/// late acquaintances; members voting; the authorized person approving; the servant acknowledging).
/// </summary>
public class WorkQueueTests
{
    private static readonly DateOnly Sitting = WholeCycle2018Tests.Sitting;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AgreedKpiSheet_GivesHrATaskToSendItWithinClause24_ClosedWhenSent(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var (_, sheet) = await Cycle.ToOpenSheetAsync(app, world, "almaty-akimat");
        sheet = await Cycle.SignAsync(app, world, sheet);
        await Ok(app, s => s.AgreeSheetAsync(world.User("superior"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 6)));

        var open = await TasksAsync(app, Evaluation2018Service.SendTaskKind, sheet.Id);
        var hrList = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("hr"), new DateOnly(2022, 12, 6), PageRequest.First));
        sheet = await Cycle.SheetOf(app, sheet.Id);
        await Ok(app, s => s.SendSheetToCommissionAsync(world.User("hr"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 7)));
        var after = await TasksAsync(app, Evaluation2018Service.SendTaskKind, sheet.Id);

        var task = Assert.Single(open);
        Assert.Equal((world.User("hr"), (DateOnly?)new DateOnly(2022, 12, 8), "24", EvaluationTaskStatus.Open), (task.AssigneeUserId, task.Due, task.Clause, task.Status));
        Assert.Contains(hrList.Items, t => t.Kind == Evaluation2018Service.SendTaskKind && t.SubjectId == sheet.Id);
        Assert.Equal(EvaluationTaskStatus.Done, Assert.Single(after).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReturnedKpiSheet_GivesTheDirectSupervisorAResubmitTask_ClosedWhenSignedAgain(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var (_, sheet) = await Cycle.ToOpenSheetAsync(app, world, "almaty-akimat");
        sheet = await Cycle.SignAsync(app, world, sheet);
        await Ok(app, s => s.ReturnSheetAsync(world.User("superior"), sheet.Id, sheet.Version, "3-НМИ нақты мәнін тексеру", new DateOnly(2022, 12, 6)));
        var open = Assert.Single(await TasksAsync(app, "sheet-resubmit", sheet.Id));

        sheet = await Cycle.SheetOf(app, sheet.Id);
        await Ok(app, s => s.SignSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 7)));

        Assert.Equal((world.Servants["supervisor"], EvaluationTaskStatus.Open), (open.AssigneeServantId!.Value, open.Status));
        Assert.Equal(EvaluationTaskStatus.Done, Assert.Single(await TasksAsync(app, "sheet-resubmit", sheet.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Commission_GivesHrTheSchedule_MembersAVotePerCase_TheAuthorizedPersonTheApproval_AndTheServantTheAcquaintance_EachClosedByTheWork(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var (plan, _) = await Cycle.ToSentSheetAsync(app, world, "almaty-akimat", achieved: _ => true);
        var cycleId = plan.CycleId;

        // The Commission set: HR must build the schedule (no deadline in the pack: no due date); building it closes the task.
        var commission = await app.WithAsync<CommissionService, Outcome<EvaluationCommission>>(s => s.ComposeAsync(world.User("authorized"), cycleId, null,
        [
            new(world.Servants["chair"], "chair"),
            new(world.Servants["member1"], "member"),
            new(world.Servants["member2"], "member"),
            new(world.Servants["member3"], "member"),
            new(world.Servants["member4"], "member"),
            new(world.Servants["secretary"], "secretary"),
        ], WholeCycle2018Tests.Opened));
        Assert.False(commission.IsRefused, commission.Refusal?.ToString());
        var build = Assert.Single(await TasksAsync(app, CommissionService.ScheduleTaskKind, cycleId));
        Assert.Equal((world.User("hr"), (DateOnly?)null, (string?)null, EvaluationTaskStatus.Open), (build.AssigneeUserId, build.Due, build.Clause, build.Status));
        var schedule = (await app.WithAsync<CommissionService, Outcome<CommissionSchedule>>(s => s.BuildScheduleAsync(world.User("hr"), cycleId, [Sitting], [world.Servant], new DateOnly(2022, 12, 1)))).Value!;
        Assert.Equal(EvaluationTaskStatus.Done, Assert.Single(await TasksAsync(app, CommissionService.ScheduleTaskKind, cycleId)).Status);
        Assert.False((await app.WithAsync<CommissionService, Outcome>(s => s.AgreeScheduleAsync(world.User("chair"), schedule.Id, schedule.Version, new DateOnly(2022, 12, 1)))).IsRefused);

        // The sitting opens: every voting member (not the secretary under Almaty's pack) has a vote on the servant's case.
        var sitting = (await app.WithAsync<CommissionService, Outcome<CommissionSitting>>(s => s.OpenSittingAsync(world.User("hr"), schedule.Id, Sitting))).Value!;
        var votes = await TasksAsync(app, CommissionService.VoteTaskKind, sitting.Id);
        Assert.Equal(
            new[] { "chair", "member1", "member2", "member3", "member4" }.Select(n => world.Servants[n]).Order(),
            votes.Select(t => t.AssigneeServantId!.Value).Order());
        Assert.All(votes, t => Assert.Equal(((Guid?)world.Servant, (DateOnly?)null), (t.AboutServantId, t.Due)));
        var member1List = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("member1"), Sitting, PageRequest.First));
        Assert.Contains(member1List.Items, t => t.Kind == CommissionService.VoteTaskKind && t.AboutServantId == world.Servant);

        sitting = await Step(app, sitting, (s, v) => s.MarkPresentAsync(world.User("secretary"), sitting.Id, v, [world.Servants["chair"], world.Servants["member1"], world.Servants["member2"], world.Servants["member3"], world.Servants["secretary"]]));
        sitting = await Step(app, sitting, (s, v) => s.VoteAsync(world.User("chair"), sitting.Id, v, world.Servant, "approve"));
        sitting = await Step(app, sitting, (s, v) => s.VoteAsync(world.User("member1"), sitting.Id, v, world.Servant, "approve"));
        sitting = await Step(app, sitting, (s, v) => s.VoteAsync(world.User("member2"), sitting.Id, v, world.Servant, "approve"));
        votes = await TasksAsync(app, CommissionService.VoteTaskKind, sitting.Id);
        Assert.Equal(
            new[] { "chair", "member1", "member2" }.Select(n => world.Servants[n]).Order(),
            votes.Where(t => t.Status == EvaluationTaskStatus.Done).Select(t => t.AssigneeServantId!.Value).Order());

        // The protocol drawn: the votes not cast are no longer needed; the authorized person must approve.
        sitting = await Step(app, sitting, (s, v) => s.RecordCaseAsync(world.User("secretary"), sitting.Id, v, world.Servant, null, null));
        sitting = await Step(app, sitting, (s, v) => s.DrawProtocolAsync(world.User("hr"), sitting.Id, v, Sitting));
        Assert.All(await TasksAsync(app, CommissionService.VoteTaskKind, sitting.Id), t => Assert.Equal(EvaluationTaskStatus.Done, t.Status));
        var approval = Assert.Single(await TasksAsync(app, CommissionService.ApproveTaskKind, sitting.Id));
        Assert.Equal((world.User("authorized"), EvaluationTaskStatus.Open), (approval.AssigneeUserId, approval.Status));
        sitting = await Step(app, sitting, (s, v) => s.ApproveProtocolAsync(world.User("authorized"), sitting.Id, v, Sitting.AddDays(1)));
        Assert.Equal(EvaluationTaskStatus.Done, Assert.Single(await TasksAsync(app, CommissionService.ApproveTaskKind, sitting.Id)).Status);

        // The servant acknowledges the result: a task in the servant's list; past its deadline HR is given a task to chase it; acknowledging closes both.
        var acquaintance = await app.WithAsync<BagalauDbContext, ResultAcquaintance>(db => db.Acquaintances.AsNoTracking().SingleAsync(a => a.ServantId == world.Servant));
        var servantList = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("servant"), Sitting.AddDays(1), PageRequest.First));
        Assert.Contains(servantList.Items, t => t.Kind == AcquaintanceService.TaskKind && t.SubjectId == acquaintance.Id && t.Status == "open");
        var late = acquaintance.Due.AddDays(3);
        await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(late));
        await app.WithAsync<ReminderRun, ReminderRunResult>(r => r.ExecuteAsync(late));
        var chase = Assert.Single(await TasksAsync(app, AcquaintanceService.OverdueTaskKind, acquaintance.Id));
        Assert.Equal((world.User("hr"), (DateOnly?)acquaintance.Due, acquaintance.DueClause, "overdue"), (chase.AssigneeUserId, chase.Due, chase.Clause, chase.StatusOn(late)));
        Assert.False((await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("servant"), acquaintance.Id, acquaintance.Version, late))).IsRefused);
        Assert.Equal(EvaluationTaskStatus.Done, Assert.Single(await TasksAsync(app, AcquaintanceService.TaskKind, acquaintance.Id)).Status);
        Assert.Equal(EvaluationTaskStatus.Done, Assert.Single(await TasksAsync(app, AcquaintanceService.OverdueTaskKind, acquaintance.Id)).Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Remind_FromTheCompletionPage_NotifiesTheAssigneeInApp_OnlyForAnOpenTaskOfTheBody(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        await Cycle.ToOpenSheetAsync(app, world, "almaty-akimat");
        var task = await app.WithAsync<BagalauDbContext, EvaluationTask>(db => db.EvaluationTasks.AsNoTracking().FirstAsync(t => t.Status == EvaluationTaskStatus.Open));

        var reminded = await app.WithAsync<NotificationService, bool>(n => n.RemindAsync(world.BodyId, task.Id, new DateOnly(2022, 2, 1)));
        var elsewhere = await app.WithAsync<NotificationService, bool>(n => n.RemindAsync(Guid.NewGuid(), task.Id, new DateOnly(2022, 2, 1)));
        var unread = await app.WithAsync<NotificationService, Page<InAppNotification>>(n => n.MineAsync(AssigneeUser(world, task), PageRequest.First));

        Assert.True(reminded);
        Assert.False(elsewhere);
        var note = Assert.Single(unread.Items, n => n.TaskId == task.Id);
        Assert.Contains(TaskKinds.NameOf(task.Kind).Kk, note.TextKk, StringComparison.Ordinal);
    }

    private static string AssigneeUser(World world, EvaluationTask task) =>
        task.AssigneeUserId ?? world.Users[world.Servants.Single(s => s.Value == task.AssigneeServantId).Key];

    private static Task<List<EvaluationTask>> TasksAsync(TestApp app, string kind, Guid subjectId) =>
        app.WithAsync<BagalauDbContext, List<EvaluationTask>>(db => db.EvaluationTasks.AsNoTracking().Where(t => t.Kind == kind && t.SubjectId == subjectId).ToListAsync());

    private static async Task Ok(TestApp app, Func<Evaluation2018Service, Task<Outcome>> step)
    {
        var outcome = await app.WithAsync(step);
        Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());
    }

    private static async Task<CommissionSitting> Step(TestApp app, CommissionSitting sitting, Func<CommissionService, int, Task<Outcome>> step)
    {
        var outcome = await app.WithAsync<CommissionService, Outcome>(s => step(s, sitting.Version));
        Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());
        return await app.WithAsync<BagalauDbContext, CommissionSitting>(db => db.Set<CommissionSitting>().AsNoTracking().SingleAsync(s => s.Id == sitting.Id));
    }
}
