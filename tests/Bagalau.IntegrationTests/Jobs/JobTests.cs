using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Jobs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Bagalau.IntegrationTests.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Bagalau.IntegrationTests.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Jobs;

/// <summary>
/// The scheduled jobs' work: each firing is one transaction recorded by a
/// <see cref="JobRun"/>, a repeated or recovered firing does nothing more, and a firing that
/// dies half-way leaves nothing behind.
/// </summary>
public class JobTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly LocalizedText Text = new("Хабарлама", "Уведомление", "Notice");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReminderJob_OverdueTask_GetsOneInAppReminder_AndTheSameFiringAgainDoesNothing(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new() { [JobOptions.NodeNameKey] = "node-test" });
        var world = await World.BuildAsync(app);
        var due = await app.WithAsync<IServiceProvider, DateOnly>(async sp =>
        {
            var task = sp.GetRequiredService<TaskService>().Schedule(world.BodyId, "almaty-akimat", "plan-set", new DateOnly(2022, 1, 1), "plan-draft",
                TaskAssignee.Servant(world.Servants["supervisor"]), new TaskSubject("work-plan", Guid.NewGuid()), null, world.UnitId);
            await sp.GetRequiredService<BagalauDbContext>().SaveChangesAsync();
            return task.Value!.Due!.Value;
        });
        // 01:00 UTC is 06:00 in Kazakhstan: the firing's day is the day after the due date.
        var fire = new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero);

        var first = await RunRemindersAsync(app, fire);
        var again = await RunRemindersAsync(app, fire);

        Assert.True(first.Ran);
        Assert.Equal("in-app 1, e-mails 0, e-mail failures 0", first.Summary);
        Assert.False(again.Ran);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var note = Assert.Single(await db.Notifications.ToListAsync());
            Assert.Equal("reminder-overdue", note.Kind);
            var run = Assert.Single(await db.JobRuns.ToListAsync());
            Assert.Equal((ReminderJob.Name, fire.UtcDateTime, "node-test"), (run.Job, run.FireTimeUtc, run.Node));
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Firing_ThatDiesHalfWay_LeavesNothing_AndTheRecoveredFiringDoesTheWorkOnce(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var fire = new DateTimeOffset(2025, 3, 14, 22, 0, 0, TimeSpan.Zero);

        // The node dies after writing part of its work (the connection drops, the transaction is never committed).
        await Assert.ThrowsAsync<OperationCanceledException>(() => app.WithAsync<IServiceProvider>(sp =>
            sp.GetRequiredService<JobRunner>().RunAsync(RetentionJob.Name, fire, async (today, ct) =>
            {
                var db = sp.GetRequiredService<BagalauDbContext>();
                db.Notifications.Add(new InAppNotification(world.BodyId, TaskAssignee.Servant(world.Servant), "half-done", Text, null, today));
                await db.SaveChangesAsync(ct);
                throw new OperationCanceledException("node killed");
            })));

        Assert.Equal((0, 0), await CountsAsync(app));

        var recovered = await app.WithAsync<IServiceProvider, JobRunOutcome>(sp =>
            sp.GetRequiredService<JobRunner>().RunAsync(RetentionJob.Name, fire, async (today, ct) =>
            {
                var db = sp.GetRequiredService<BagalauDbContext>();
                db.Notifications.Add(new InAppNotification(world.BodyId, TaskAssignee.Servant(world.Servant), "done", Text, null, today));
                await db.SaveChangesAsync(ct);
                return "done";
            }));

        Assert.True(recovered.Ran);
        Assert.Equal((1, 1), await CountsAsync(app));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Retention_DeletesOldReadNotifications_KeepsRecentAndUnread_AndIsIdempotent(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new() { ["Bagalau:Retention:ReadNotificationDays"] = "90" });
        var world = await World.BuildAsync(app);
        var today = new DateOnly(2025, 3, 15);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            InAppNotification Note(string kind, DateOnly created, DateOnly? read)
            {
                var note = new InAppNotification(world.BodyId, TaskAssignee.Servant(world.Servant), kind, Text, null, created);
                if (read is { } day)
                {
                    note.MarkRead(day);
                }

                return note;
            }

            db.Notifications.AddRange(
                Note("read-long-ago", today.AddDays(-200), today.AddDays(-91)),
                Note("read-recently", today.AddDays(-200), today.AddDays(-90)),
                Note("never-read", today.AddDays(-400), null));
            await db.SaveChangesAsync();
        });
        var now = new DateTimeOffset(2025, 3, 14, 22, 0, 0, TimeSpan.Zero); // 03:00 on 15 March in Kazakhstan

        var first = await app.WithAsync<RetentionRun, RetentionRunResult>(r => r.ExecuteAsync(now));
        var second = await app.WithAsync<RetentionRun, RetentionRunResult>(r => r.ExecuteAsync(now));

        Assert.Equal(new RetentionRunResult(1, 0), first);
        Assert.Equal(new RetentionRunResult(0, 0), second);
        var kinds = await app.WithAsync<BagalauDbContext, List<string>>(db => db.Notifications.Select(n => n.Kind).OrderBy(k => k).ToListAsync());
        Assert.Equal(["never-read", "read-recently"], kinds);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Retention_ErasesUsedLinksAtOnce_AndExpiredOnesAfterTheirDays_KeepingTheInvitations(string provider)
    {
        await using var app = await TestApp.StartAsync(provider, new() { ["Bagalau:Retention:ExpiredLinkDays"] = "30" });
        var body = await Body2023.CreateAsync(app, "ret-360", new DateOnly(2020, 1, 1));
        app.Clock.Now = new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);
        var round = await app.WithAsync<Survey360Service, Outcome<Survey360Round>>(s => s.LaunchAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", 2024));
        var targets = await app.WithAsync<Survey360Service, Outcome<IReadOnlyList<TargetView>>>(s => s.TargetsAsync(body.User("hr"), body.BodyId, round.Value!.Id));
        var target = targets.Value!.Single(t => t.ServantId == body["spec1"]);
        var added = await app.WithAsync<Survey360Service, Outcome<Survey360Target>>(s => s.AddRespondentAsync(body.User("hr"), body.BodyId, target.Id, target.Version, body["colleague"], "peer"));
        var expires = app.Clock.Now.AddDays(3);
        var links = await app.WithAsync<Survey360Service, Outcome<IReadOnlyList<IssuedLink>>>(s => s.IssueAsync(body.User("hr"), body.BodyId, target.Id, added.Value!.Version, expires));
        Assert.True(links.IsSuccess, links.Refusal?.ToString());
        var used = links.Value!.Single(l => l.RespondentId == body["deputy"]).Token;
        var ratings = new Dictionary<string, decimal>
        {
            ["communication"] = 4, ["ethics"] = 4, ["change-management"] = 4, ["result-orientation"] = 4,
            ["decision-making"] = 4, ["cooperation"] = 4, ["efficiency"] = 4, ["self-development"] = 4,
        };
        Assert.True((await app.WithAsync<Survey360Service, Outcome<bool>>(s => s.AnswerAsync(used, ratings))).IsSuccess);
        var invitations = links.Value!.Count;

        var nextDay = await app.WithAsync<RetentionRun, RetentionRunResult>(r => r.ExecuteAsync(app.Clock.Now.AddDays(1)));
        var beforeTheirDays = await app.WithAsync<RetentionRun, RetentionRunResult>(r => r.ExecuteAsync(expires.AddDays(29)));
        var afterTheirDays = await app.WithAsync<RetentionRun, RetentionRunResult>(r => r.ExecuteAsync(expires.AddDays(31)));
        var again = await app.WithAsync<RetentionRun, RetentionRunResult>(r => r.ExecuteAsync(expires.AddDays(32)));

        Assert.Equal(new RetentionRunResult(0, 1), nextDay);
        Assert.Equal(new RetentionRunResult(0, 0), beforeTheirDays);
        Assert.Equal(new RetentionRunResult(0, invitations - 1), afterTheirDays);
        Assert.Equal(new RetentionRunResult(0, 0), again);
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var rows = await db.Set<Survey360Invitation>().Where(i => i.TargetId == target.Id).ToListAsync();
            Assert.Equal(invitations, rows.Count);
            Assert.All(rows, i => Assert.Equal(string.Empty, i.TokenHash));
            Assert.Single(rows, i => i.Used);
            Assert.Equal(1, await db.Survey360Replies.CountAsync());
        });
    }

    private static Task<JobRunOutcome> RunRemindersAsync(TestApp app, DateTimeOffset fire) =>
        app.WithAsync<IServiceProvider, JobRunOutcome>(sp => sp.GetRequiredService<JobRunner>().RunAsync(ReminderJob.Name, fire, async (today, ct) =>
            ReminderJob.Describe(await sp.GetRequiredService<ReminderRun>().ExecuteAsync(today, ct))));

    private static Task<(int Notifications, int Runs)> CountsAsync(TestApp app) =>
        app.WithAsync<BagalauDbContext, (int, int)>(async db => (await db.Notifications.CountAsync(), await db.JobRuns.CountAsync()));
}
