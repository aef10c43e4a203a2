using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Tasks;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Workflow;

/// <summary>A user's task list (one compiled query per page): whose tasks, each once, paged, and fresh after every write.</summary>
public class TaskListTests
{
    private static readonly DateOnly PeriodStart = new(2022, 1, 1);

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MyTasks_UserHoldingTwoRolesAsOneServant_SeesEachTaskOnce_WithTheTasksAssignedToTheUser(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        await ScheduleAsync(app, world, TaskAssignee.Servant(world.Servants["hr"]));
        await ScheduleAsync(app, world, TaskAssignee.User(world.User("hr")));
        await ScheduleAsync(app, world, TaskAssignee.Servant(world.Servants["outsider"]));

        var page = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("hr"), PeriodStart, PageRequest.First));

        Assert.Equal(2, page.Total);
        Assert.Equal(2, page.Items.Select(t => t.Id).Distinct().Count());
        Assert.Contains(page.Items, t => t.AssigneeServantId == world.Servants["hr"]);
        Assert.Contains(page.Items, t => t.AssigneeUserId == world.User("hr"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MyTasks_AfterATaskIsCompletedOrCreated_TheNextReadShowsIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var subject = await ScheduleAsync(app, world, TaskAssignee.Servant(world.Servants["supervisor"]));
        var before = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), PeriodStart, PageRequest.First));

        await app.WithAsync<IServiceProvider>(async sp =>
        {
            await sp.GetRequiredService<TaskService>().CompleteAsync(subject, "plan-draft", PeriodStart.AddDays(3));
            await sp.GetRequiredService<BagalauDbContext>().SaveChangesAsync();
        });
        var open = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), PeriodStart, PageRequest.First));
        var withDone = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), PeriodStart, PageRequest.First, includeDone: true));
        await ScheduleAsync(app, world, TaskAssignee.Servant(world.Servants["supervisor"]));
        var created = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), PeriodStart, PageRequest.First, includeDone: true));

        Assert.Equal("open", Assert.Single(before.Items).Status);
        Assert.Empty(open.Items);
        Assert.Equal("done", Assert.Single(withDone.Items).Status);
        Assert.Equal(["open", "done"], created.Items.Select(t => t.Status));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MyTasks_FullPage_CountsTheWholeList_AndTheNextPageHoldsTheRest(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        for (var i = 0; i < 3; i++)
        {
            await ScheduleAsync(app, world, TaskAssignee.Servant(world.Servants["supervisor"]));
        }

        var first = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), PeriodStart, new PageRequest(1, 2)));
        var second = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), PeriodStart, new PageRequest(2, 2)));

        Assert.Equal((2, 3), (first.Items.Count, first.Total));
        Assert.Equal((1, 3), (second.Items.Count, second.Total));
        Assert.Empty(first.Items.Select(t => t.Id).Intersect(second.Items.Select(t => t.Id)));
    }

    private static async Task<TaskSubject> ScheduleAsync(TestApp app, World world, TaskAssignee assignee)
    {
        var subject = new TaskSubject("work-plan", Guid.NewGuid());
        await app.WithAsync<IServiceProvider>(async sp =>
        {
            var task = sp.GetRequiredService<TaskService>().Schedule(world.BodyId, "almaty-akimat", "plan-set", PeriodStart, "plan-draft", assignee, subject, null, world.UnitId);
            Assert.False(task.IsRefused, task.Refusal?.ToString());
            await sp.GetRequiredService<BagalauDbContext>().SaveChangesAsync();
        });
        return subject;
    }
}
