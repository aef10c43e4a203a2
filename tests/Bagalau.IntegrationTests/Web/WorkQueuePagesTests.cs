using System.Net;
using System.Text.RegularExpressions;
using Bagalau.Application.Demo;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Tasks;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>
/// My tasks and the home page on the demo body with its 2018 cycle open: each task is named in
/// words with the person it concerns, its deadline (or none) and the way to the work; the home
/// page of an evaluator counts what is due and what is late.
/// </summary>
public class WorkQueuePagesTests
{
    private const string Evaluator = "evaluator@bagalau.example";
    private const string Hr = "hr@bagalau.example";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MyTasks_InKazakh_NamesTheKindAndThePerson_LinksToTheWork_AndShowsNoKindId(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        var client = await SignedInAsync(host, Evaluator);

        var html = await client.GetStringAsync("/tasks");
        var text = Visible(html);

        Assert.Contains(TaskKinds.NameOf("plan-draft").Kk, text, StringComparison.Ordinal);
        Assert.Contains(TaskKinds.NameOf(CommissionService.VoteTaskKind).Kk, text, StringComparison.Ordinal);
        Assert.Contains(demo.ServantName, text, StringComparison.Ordinal);
        Assert.Contains($"href=\"/bodies/{demo.BodyId}/cycles2018/plans/{demo.PlanId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/bodies/{demo.BodyId}/cycles2018/sittings/{demo.SittingId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Мерзімі белгіленбеген", text, StringComparison.Ordinal);
        Assert.Matches(@"\b\d{2}\.\d{2}\.\d{4}\b", text);
        Assert.DoesNotMatch(@"\b\d{4}-\d{2}-\d{2}\b", text);
        foreach (var kind in TaskKinds.Names.Keys)
        {
            Assert.DoesNotContain(kind, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("almaty-akimat", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EvaluatorsHome_CountsOpenAndLateTasks_ListsTheNearest_AndNeverSaysTheRoleDoesNotAllow(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        var evaluator = await UserIdAsync(host, Evaluator);
        var today = Bagalau.Application.Time.KazakhstanClock.Today(host.Services.GetRequiredService<TimeProvider>());
        var summary = await host.WithAsync<TaskService, WorkSummary>(t => t.SummaryAsync(evaluator, today));
        var client = await SignedInAsync(host, Evaluator);

        var html = await client.GetStringAsync($"/bodies/{demo.BodyId}");
        var late = await client.GetStringAsync("/tasks?late=true");

        Assert.True(summary.Open > 0 && summary.Overdue > 0, $"{summary.Open} open, {summary.Overdue} late");
        Assert.Matches($"data-test=\"count-open-tasks\">{summary.Open}<", html);
        Assert.Matches($"data-test=\"count-late-tasks\">{summary.Overdue}<", html);
        Assert.Contains("href=\"/tasks?late=true\"", html, StringComparison.Ordinal);
        Assert.Equal(Math.Min(5, summary.Open), Regex.Matches(html, "data-test=\"nearest-task\"").Count);
        Assert.DoesNotContain("data-test=\"progress\"", html, StringComparison.Ordinal);
        var noRights = new System.Resources.ResourceManager("Bagalau.Web.Resources.SharedResource", typeof(Bagalau.Web.WebApp).Assembly)
            .GetString("dashboard.no-organisation-rights", System.Globalization.CultureInfo.InvariantCulture)!;
        Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(noRights.Trim()), html, StringComparison.Ordinal);
        Assert.Equal(summary.Overdue, Regex.Matches(late, "data-test=\"task\"").Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HrsHome_ShowsTheCycleAsAProgressBar_AndTheCompletionPageNamesEachPersonWithARemind(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        var client = await SignedInAsync(host, Hr);

        var home = await client.GetStringAsync($"/bodies/{demo.BodyId}");
        var completion = await client.GetStringAsync($"/bodies/{demo.BodyId}/cycles/{demo.CycleId}/completion");

        Assert.Contains("data-test=\"progress-bar\"", home, StringComparison.Ordinal);
        Assert.Contains($"/bodies/{demo.BodyId}/cycles/{demo.CycleId}/completion", home, StringComparison.Ordinal);
        Assert.Contains(demo.ServantName, Visible(completion), StringComparison.Ordinal);
        Assert.Contains("data-test=\"remind\"", completion, StringComparison.Ordinal);
        Assert.Contains("data-test=\"completion-unit\"", completion, StringComparison.Ordinal);
    }

    /// <summary>The page's text as a person reads it: tags, attributes and scripts removed, entities decoded.</summary>
    private static string Visible(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<(script|style)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline), "<[^>]+>", " "));

    private static async Task<HttpClient> SignedInAsync(WebTestHost host, string email)
    {
        var client = host.Client();
        var response = await Forms.SignInAsync(client, email, DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static Task<string> UserIdAsync(WebTestHost host, string email) =>
        host.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>The demo body with its 2022 cycle open, and a vote on the servant's case for the evaluator (as a Commission member of a sitting).</summary>
    private static async Task<Demo> DemoCycleAsync(WebTestHost host)
    {
        var today = new DateOnly(2022, 12, 26);
        var seeded = await host.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(today));
        var bodyId = seeded.StateBodyId!.Value;
        var hr = await UserIdAsync(host, Hr);
        var opened = await host.WithAsync<Evaluation2018Service, Domain.Workflow.Outcome<OpenedCycle>>(s => s.OpenCycleAsync(hr, bodyId, "almaty-akimat", 2022, today));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var evaluatorServant = await ServantOfAsync(host, Evaluator);
        var (planId, servantId) = await host.WithDbAsync(async db =>
        {
            var plan = await db.WorkPlans.Where(p => p.CycleId == opened.Value!.Cycle.Id && p.DirectSupervisorId == evaluatorServant).OrderBy(p => p.Id).FirstAsync();
            return (plan.Id, plan.ServantId);
        });
        var name = await host.WithDbAsync(db => db.Servants.Where(s => s.Id == servantId).Select(s => s.FullName).SingleAsync());
        var sittingId = Guid.NewGuid();
        var vote = await host.WithAsync<IServiceProvider, bool>(async sp =>
        {
            var scheduled = sp.GetRequiredService<TaskService>().ScheduleUndated(
                bodyId, "almaty-akimat", opened.Value!.Cycle.PackVersionId, CommissionService.VoteTaskKind, TaskAssignee.Servant(evaluatorServant),
                CommissionService.SittingSubject(sittingId), opened.Value.Cycle.Id, null, servantId);
            await sp.GetRequiredService<BagalauDbContext>().SaveChangesAsync();
            return !scheduled.IsRefused;
        });
        Assert.True(vote);
        return new Demo(bodyId, opened.Value!.Cycle.Id, planId, name, sittingId);
    }

    private static Task<Guid> ServantOfAsync(WebTestHost host, string email) =>
        host.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return await db.BodyMemberships.Where(m => m.UserId == user.Id && m.ServantId != null).Select(m => m.ServantId!.Value).FirstAsync();
        });

    private sealed record Demo(Guid BodyId, Guid CycleId, Guid PlanId, string ServantName, Guid SittingId);
}
