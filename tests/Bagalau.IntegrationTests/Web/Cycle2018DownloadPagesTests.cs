using System.Net;
using Bagalau.Application.Demo;
using Bagalau.Application.Evaluation2018;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Workflow;
using Bagalau.IntegrationTests.Documents;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The competency page's downloads (Appendix 3) on the demo body: the servant's own sheet opens, someone else's is not found.</summary>
public class Cycle2018DownloadPagesTests
{
    private const string Evaluator = "evaluator@bagalau.example";
    private const string Servant = "servant@bagalau.example";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CompetencySheet_DownloadsForTheServant_AndIsNotFoundForAnotherReport(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var today = new DateOnly(2022, 12, 26);
        var bodyId = (await host.WithAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync(today))).StateBodyId!.Value;
        var hr = await UserIdAsync(host, "hr@bagalau.example");
        var opened = await host.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(hr, bodyId, "almaty-akimat", 2022, today));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var cycleId = opened.Value!.Cycle.Id;
        var servant = await ServantOfAsync(host, Servant);
        var supervisor = await ServantOfAsync(host, Evaluator);
        var own = await host.WithDbAsync(db => db.WorkPlans.Where(p => p.CycleId == cycleId && p.ServantId == servant).Select(p => p.Id).SingleAsync());
        var others = await host.WithDbAsync(db => db.WorkPlans.Where(p => p.CycleId == cycleId && p.DirectSupervisorId == supervisor && p.Id != own).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var ownSheet = await CompetencySheetAsync(host, own, today) ?? throw new InvalidOperationException("The demo servant's group has no competency sheet.");
        Guid? otherSheet = null;
        foreach (var other in others)
        {
            // A colleague whose category Appendix 4 covers (C-5, for one, has no competency sheet: clause 26).
            otherSheet ??= await CompetencySheetAsync(host, other, today);
        }

        Assert.NotNull(otherSheet);
        var name = await host.WithDbAsync(db => db.Servants.Where(s => s.Id == servant).Select(s => s.FullName).SingleAsync());
        var client = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(client, Servant, DemoSeeder.DemoPassword)).StatusCode);

        var page = await client.GetStringAsync($"/bodies/{bodyId}/cycles2018/competency/{ownSheet}");
        var docx = await client.GetAsync($"/bodies/{bodyId}/cycles2018/competency/{ownSheet}?handler=Document&language=kk&format=docx");
        var othersDocx = await client.GetAsync($"/bodies/{bodyId}/cycles2018/competency/{otherSheet}?handler=Document&language=kk&format=docx");
        var badFormat = await client.GetAsync($"/bodies/{bodyId}/cycles2018/competency/{ownSheet}?handler=Document&language=kk&format=odt");

        Assert.Contains("data-test=\"downloads\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var file = DocumentFiles.ReadDocx(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains(name, file.Text, StringComparison.Ordinal);
        Assert.Contains("Құзыреттер бойынша бағалау парағы", file.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, othersDocx.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, badFormat.StatusCode);
    }

    /// <summary>The plan approved and its competency sheet opened; null when the servant's category has none.</summary>
    private static async Task<Guid?> CompetencySheetAsync(WebTestHost host, Guid planId, DateOnly today)
    {
        var evaluator = await UserIdAsync(host, Evaluator);
        var plan = await host.WithDbAsync(db => db.WorkPlans.AsNoTracking().SingleAsync(p => p.Id == planId));
        var approver = await host.WithDbAsync(db => db.BodyMemberships.Where(m => m.ServantId == plan.ApproverId).Select(m => m.UserId).FirstAsync());
        var kpis = Enumerable.Range(1, 5).Select(i => new KpiInput($"Көрсеткіш {i}", "%", "10", new DateOnly(2022, 12, 1), "Нәтиже", "Даму жоспары")).ToList();
        Must(await host.WithAsync<Evaluation2018Service, Outcome>(s => s.SetKpisAsync(evaluator, planId, plan.Version, kpis)));
        Must(await host.WithAsync<Evaluation2018Service, Outcome>(async s => await s.SubmitPlanAsync(evaluator, planId, await VersionAsync(host, planId), today)));
        Must(await host.WithAsync<Evaluation2018Service, Outcome>(async s => await s.ApprovePlanAsync(approver, planId, await VersionAsync(host, planId), today)));
        var sheet = await host.WithAsync<SheetService, Outcome<CompetencySheet>>(s => s.OpenCompetencySheetAsync(evaluator, planId, today));
        if (sheet.Refusal?.Code == "category-not-covered")
        {
            return null;
        }

        Assert.False(sheet.IsRefused, sheet.Refusal?.ToString());
        return sheet.Value!.Id;
    }

    private static Task<int> VersionAsync(WebTestHost host, Guid planId) =>
        host.WithDbAsync(db => db.WorkPlans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync());

    private static void Must(Outcome outcome) => Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());

    private static Task<Guid> ServantOfAsync(WebTestHost host, string email) =>
        host.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return await db.BodyMemberships.Where(m => m.UserId == user.Id && m.ServantId != null).Select(m => m.ServantId!.Value).FirstAsync();
        });

    private static Task<string> UserIdAsync(WebTestHost host, string email) =>
        host.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
