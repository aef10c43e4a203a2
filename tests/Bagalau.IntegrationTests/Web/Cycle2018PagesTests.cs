using System.Globalization;
using System.Net;
using System.Resources;
using Bagalau.Application.Demo;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2018;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>
/// The 2018-cycle pages on the demo body: who may open what (someone else's plan or sheet is
/// not found, HR pages forbidden to a servant), and posts that are refused change nothing.
/// </summary>
public class Cycle2018PagesTests
{
    private const string Hr = "hr@bagalau.example";
    private const string Evaluator = "evaluator@bagalau.example";
    private const string Authorized = "authorized@bagalau.example";
    private const string Servant = "servant@bagalau.example";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Fact]
    public void EveryCycleText_ExistsInKazakhRussianAndEnglish_AndNoneIsEmpty()
    {
        var manager = new ResourceManager("Bagalau.Web.Resources.Cycle2018Text", typeof(Bagalau.Web.Cycle2018Text).Assembly);
        var kk = Texts(manager, CultureInfo.InvariantCulture);
        var ru = Texts(manager, CultureInfo.GetCultureInfo("ru"));
        var en = Texts(manager, CultureInfo.GetCultureInfo("en"));

        Assert.True(kk.Count > 100, "The Kazakh (neutral) cycle texts look empty.");
        Assert.Equal(kk.Keys.Order(StringComparer.Ordinal), ru.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(kk.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(kk.Concat(ru).Concat(en), t => string.IsNullOrWhiteSpace(t.Value));
    }

    private static Dictionary<string, string> Texts(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Servant_OpensOwnPlan_ButSomeoneElsesPlanAndSheetAreNotFound(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        var other = await demo.PlanOfAnotherReportAsync();
        var otherSheet = await demo.ApproveAndOpenSheetAsync(other);
        var client = await SignedInAsync(host, Servant);

        var own = await client.GetAsync($"/bodies/{demo.BodyId}/cycles2018/plans/{demo.ServantPlanId}");
        var otherPlan = await client.GetAsync($"/bodies/{demo.BodyId}/cycles2018/plans/{other}");
        var sheet = await client.GetAsync($"/bodies/{demo.BodyId}/cycles2018/sheets/{otherSheet}");
        var sheetPdf = await client.GetAsync($"/bodies/{demo.BodyId}/cycles2018/sheets/{otherSheet}?handler=Document&language=kk&format=pdf");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherPlan.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sheet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sheetPdf.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Servant_IsForbiddenTheHrPages_AndAStrangerDoesNotSeeTheBody(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        await host.CreateUserAsync("stranger@example.kz");
        var servant = await SignedInAsync(host, Servant);
        var stranger = host.Client();
        await Forms.SignInAsync(stranger, "stranger@example.kz");

        var completion = await servant.GetAsync($"/bodies/{demo.BodyId}/cycles/{demo.CycleId}/completion");
        var cycle = await servant.GetAsync($"/bodies/{demo.BodyId}/cycles2018/{demo.CycleId}");
        var strangerPlan = await stranger.GetAsync($"/bodies/{demo.BodyId}/cycles2018/plans/{demo.ServantPlanId}");
        var strangerTasks = await stranger.GetAsync("/tasks");

        Assert.Equal(HttpStatusCode.Forbidden, completion.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cycle.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, strangerPlan.StatusCode);
        Assert.Equal(HttpStatusCode.OK, strangerTasks.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SubmittingFourKpis_ShowsTheRefusalWithTheClause_KeepsTheTypedRows_AndChangesNothing(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        var client = await SignedInAsync(host, Evaluator);
        var path = $"/bodies/{demo.BodyId}/cycles2018/plans/{demo.ServantPlanId}";
        var before = await demo.PlanAsync(demo.ServantPlanId);
        var fields = new Dictionary<string, string> { ["Input.Version"] = before.Version.ToString(CultureInfo.InvariantCulture) };
        for (var i = 0; i < 4; i++)
        {
            AddKpi(fields, i);
        }

        var response = await Forms.PostAsync(client, path, fields, path + "?handler=Submit");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-code=\"kpi-plan-invalid\"", html);
        Assert.Contains("дәл 5 НМИ", html);
        Assert.Contains("Көрсеткіш 4", html);
        var after = await demo.PlanAsync(demo.ServantPlanId);
        Assert.Equal(WorkPlanState.Draft, after.State);
        Assert.Empty(after.Kpis);
        Assert.Equal(before.Version, after.Version);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ServantApprovingOwnPlan_IsRefusedAsTheWrongActor_AndAStaleSaveIsAConflict(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        var path = $"/bodies/{demo.BodyId}/cycles2018/plans/{demo.ServantPlanId}";
        var servant = await SignedInAsync(host, Servant);
        var evaluator = await SignedInAsync(host, Evaluator);
        var version = (await demo.PlanAsync(demo.ServantPlanId)).Version.ToString(CultureInfo.InvariantCulture);

        var approve = await Forms.PostAsync(servant, path, new Dictionary<string, string> { ["Input.Version"] = version }, path + "?handler=Approve");
        var stale = new Dictionary<string, string> { ["Input.Version"] = "999" };
        AddKpi(stale, 0);
        var save = await Forms.PostAsync(evaluator, path, stale, path + "?handler=Save");
        var approveHtml = WebUtility.HtmlDecode(await approve.Content.ReadAsStringAsync());
        var saveHtml = WebUtility.HtmlDecode(await save.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Contains("жоғары тұрған басшы", approveHtml);
        Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Contains("data-code=\"concurrency-conflict\"", saveHtml);
        Assert.Contains("Көрсеткіш 1", saveHtml);
        var after = await demo.PlanAsync(demo.ServantPlanId);
        Assert.Equal(WorkPlanState.Draft, after.State);
        Assert.Empty(after.Kpis);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KpiSheet_AttachingAFactFile_KeepsAndSavesTheTypedValues(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        var sheetId = await demo.ApproveAndOpenSheetAsync(demo.ServantPlanId);
        var client = await SignedInAsync(host, Evaluator);
        var path = $"/bodies/{demo.BodyId}/cycles2018/sheets/{sheetId}";
        var version = await host.WithDbAsync(db => db.KpiSheets.Where(s => s.Id == sheetId).Select(s => s.Version).SingleAsync());
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Forms.AntiforgeryTokenAsync(client, path)), "__RequestVerificationToken" },
            { new StringContent(version.ToString(CultureInfo.InvariantCulture)), "Input.Version" },
            { new StringContent("1"), "FactKpi" },
        };
        for (var i = 0; i < 5; i++)
        {
            form.Add(new StringContent((i + 1).ToString(CultureInfo.InvariantCulture)), $"Input.Rows[{i}].Number");
            form.Add(new StringContent(i == 2 ? "7" : "10"), $"Input.Rows[{i}].Actual");
            form.Add(new StringContent("true"), $"Input.Rows[{i}].Achieved");
        }

        var file = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        form.Add(file, "FactFile", "акт.pdf");

        var response = await client.PostAsync(path + "?handler=Fact", form);
        var sheet = await host.WithDbAsync(db => db.KpiSheets.AsNoTracking().SingleAsync(s => s.Id == sheetId));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["10", "10", "7", "10", "10"], sheet.Rows.Select(r => r.Actual ?? string.Empty).ToArray());
        // Planned 10, actual 7: kpi-achieved makes the third not achieved despite the tick.
        Assert.Equal([true, true, false, true, true], sheet.Rows.Select(r => r.Achieved).ToArray());
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("акт.pdf", html, StringComparison.Ordinal);
        Assert.Contains("value=\"7\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReturningAPlanWithoutAReason_IsRefused_AndThePlanStillShowsItsKpis(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var demo = await DemoCycleAsync(host);
        var evaluator = await UserIdAsync(host, Evaluator);
        var plan = await demo.PlanAsync(demo.ServantPlanId);
        var kpis = Enumerable.Range(1, 5).Select(i => new KpiInput($"Көрсеткіш {i}", "%", "10", new DateOnly(2022, 12, 1), "Нәтиже", "Даму жоспары")).ToList();
        Assert.False((await host.WithAsync<Evaluation2018Service, Domain.Workflow.Outcome>(s => s.SetKpisAsync(evaluator, plan.Id, plan.Version, kpis))).IsRefused);
        Assert.False((await host.WithAsync<Evaluation2018Service, Domain.Workflow.Outcome>(async s => await s.SubmitPlanAsync(evaluator, plan.Id, (await demo.PlanAsync(plan.Id)).Version, demo.Today))).IsRefused);
        var approverEmail = await host.WithDbAsync(async db =>
        {
            var approver = (await db.WorkPlans.SingleAsync(p => p.Id == plan.Id)).ApproverId;
            var userId = await db.BodyMemberships.Where(m => m.ServantId == approver).Select(m => m.UserId).FirstAsync();
            return await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync();
        });
        var client = await SignedInAsync(host, approverEmail);
        var path = $"/bodies/{demo.BodyId}/cycles2018/plans/{plan.Id}";
        var version = (await demo.PlanAsync(plan.Id)).Version.ToString(CultureInfo.InvariantCulture);

        var response = await Forms.PostAsync(client, path, new Dictionary<string, string> { ["Input.Version"] = version, ["Input.Reason"] = "" }, path + "?handler=Return");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-code=\"required\"", html, StringComparison.Ordinal);
        Assert.Contains("Көрсеткіш 5", html, StringComparison.Ordinal);
        Assert.Equal(WorkPlanState.Submitted, (await demo.PlanAsync(plan.Id)).State);
    }

    private static void AddKpi(Dictionary<string, string> fields, int i)
    {
        fields[$"Input.Kpis[{i}].Name"] = $"Көрсеткіш {i + 1}";
        fields[$"Input.Kpis[{i}].Source"] = "Даму жоспары";
        fields[$"Input.Kpis[{i}].Unit"] = "%";
        fields[$"Input.Kpis[{i}].Planned"] = "10";
        fields[$"Input.Kpis[{i}].Due"] = "2022-12-01";
        fields[$"Input.Kpis[{i}].Result"] = "Нәтиже";
    }

    private static async Task<HttpClient> SignedInAsync(WebTestHost host, string email)
    {
        var client = host.Client();
        var response = await Forms.SignInAsync(client, email, DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<DemoCycle> DemoCycleAsync(WebTestHost host)
    {
        var today = new DateOnly(2022, 12, 26);
        var seeded = await host.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(today));
        var bodyId = seeded.StateBodyId!.Value;
        var hr = await host.WithDbAsync(db => db.Users.Where(u => u.Email == Hr).Select(u => u.Id).SingleAsync());
        var opened = await host.WithAsync<Evaluation2018Service, Domain.Workflow.Outcome<OpenedCycle>>(s => s.OpenCycleAsync(hr, bodyId, "almaty-akimat", 2022, today));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var servant = await ServantOfAsync(host, Servant);
        var plan = await host.WithDbAsync(db => db.WorkPlans.Where(p => p.ServantId == servant).Select(p => p.Id).SingleAsync());
        return new DemoCycle(host, bodyId, opened.Value!.Cycle.Id, plan, today);
    }

    private static Task<Guid> ServantOfAsync(WebTestHost host, string email) =>
        host.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return await db.BodyMemberships.Where(m => m.UserId == user.Id && m.ServantId != null).Select(m => m.ServantId!.Value).FirstAsync();
        });

    private static Task<string> UserIdAsync(WebTestHost host, string email) =>
        host.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private sealed record DemoCycle(WebTestHost Host, Guid BodyId, Guid CycleId, Guid ServantPlanId, DateOnly Today)
    {
        public Task<WorkPlan> PlanAsync(Guid id) => Host.WithDbAsync(db => db.WorkPlans.AsNoTracking().SingleAsync(p => p.Id == id));

        /// <summary>Another report of the same direct supervisor (the evaluator).</summary>
        public async Task<Guid> PlanOfAnotherReportAsync()
        {
            var supervisor = await ServantOfAsync(Host, Evaluator);
            return await Host.WithDbAsync(db => db.WorkPlans.Where(p => p.CycleId == CycleId && p.DirectSupervisorId == supervisor && p.Id != ServantPlanId).Select(p => p.Id).FirstAsync());
        }

        /// <summary>Five KPIs, submitted, approved and the sheet opened, through the use cases.</summary>
        public async Task<Guid> ApproveAndOpenSheetAsync(Guid planId)
        {
            var evaluator = await UserIdAsync(Host, Evaluator);
            var plan = await PlanAsync(planId);
            var approver = await Host.WithDbAsync(db => db.BodyMemberships.Where(m => m.ServantId == plan.ApproverId).Select(m => m.UserId).FirstAsync());
            var kpis = Enumerable.Range(1, 5).Select(i => new KpiInput($"Көрсеткіш {i}", "%", "10", new DateOnly(2022, 12, 1), "Нәтиже", "Даму жоспары")).ToList();
            Must(await Host.WithAsync<Evaluation2018Service, Domain.Workflow.Outcome>(s => s.SetKpisAsync(evaluator, planId, plan.Version, kpis)));
            Must(await Host.WithAsync<Evaluation2018Service, Domain.Workflow.Outcome>(async s => await s.SubmitPlanAsync(evaluator, planId, (await PlanAsync(planId)).Version, Today)));
            Must(await Host.WithAsync<Evaluation2018Service, Domain.Workflow.Outcome>(async s => await s.ApprovePlanAsync(approver, planId, (await PlanAsync(planId)).Version, Today)));
            var sheet = await Host.WithAsync<Evaluation2018Service, Domain.Workflow.Outcome<KpiSheet>>(s => s.OpenSheetAsync(evaluator, planId));
            Assert.False(sheet.IsRefused, sheet.Refusal?.ToString());
            return sheet.Value!.Id;
        }

        private static void Must(Domain.Workflow.Outcome outcome) => Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());
    }
}
