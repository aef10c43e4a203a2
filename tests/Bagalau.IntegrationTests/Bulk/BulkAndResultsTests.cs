using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Workflow;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web;
using Bagalau.IntegrationTests.Workflow;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Bulk;

/// <summary>
/// Bulk actions (the cycle's sheets sent to the Commission, the 360 links issued for many
/// persons) run item by item through the single-item use case, each in its own save, and report
/// each refused item by the servant's name; results exports (2018 cycle, 2023 quarter and year)
/// are XLSX and CSV with headers in the reader's language, for those who may read the results.
/// </summary>
public class BulkAndResultsTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode || text.Length > 0, $"{response.StatusCode}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SendingSheets_AllReadyThenChosen_EachInItsOwnSave_RefusedOnesNamedInTheReadersLanguage(string provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var world = await World.BuildAsync(new Scopes(host.Services));
        var (cycleId, agreed, signed) = await TwoSheetsAsync(host, world);
        host.Today = new DateOnly(2022, 12, 7);
        var hr = await host.SignedInAsync("hr@wf.example");
        hr.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var supervisor = await host.SignedInAsync("supervisor@wf.example");
        var path = $"/api/v1/bodies/{world.BodyId}/evaluation-2018/cycles/{cycleId}/sheets/send";

        // Only HR sends.
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync(path, new { })).StatusCode);

        // All ready: the agreed KPI sheet goes, the signed (not agreed) one is not ready and stays.
        var all = await JsonAsync(await hr.PostAsJsonAsync(path, new { }));
        Assert.Equal((1, 1), (all.GetProperty("done").GetInt32(), all.GetProperty("total").GetInt32()));
        Assert.Equal(KpiSheetState.SentToCommission, (await SheetAsync(host, agreed)).State);
        Assert.Equal(KpiSheetState.Signed, (await SheetAsync(host, signed)).State);

        // Chosen: the signed sheet, the sent one and an unknown id are each refused and named.
        var unknown = Guid.NewGuid();
        var chosen = await JsonAsync(await hr.PostAsJsonAsync(path, new { ids = new[] { signed, agreed, unknown } }));
        Assert.Equal((0, 3), (chosen.GetProperty("done").GetInt32(), chosen.GetProperty("total").GetInt32()));
        var refused = chosen.GetProperty("refused").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetGuid());
        Assert.Equal(("Қызметші outsider", "wrong-state"), (refused[signed].GetProperty("name").GetString(), refused[signed].GetProperty("code").GetString()));
        Assert.Contains("подписан", refused[signed].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Қызметші servant", refused[agreed].GetProperty("name").GetString());
        Assert.Equal("not-found", refused[unknown].GetProperty("code").GetString());
        Assert.Equal(KpiSheetState.Signed, (await SheetAsync(host, signed)).State);

        // The audit has the send of the one sheet, as the single step writes it.
        var audited = await WithDbAsync(host, db => db.AuditRecords.CountAsync(a => a.EntityKey == agreed.ToString()));
        Assert.True(audited > 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SendPage_SendsTheTickedSheets_AndNamesTheRefusedOne(string provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var world = await World.BuildAsync(new Scopes(host.Services));
        var (cycleId, agreed, signed) = await TwoSheetsAsync(host, world);
        host.Today = new DateOnly(2022, 12, 7);
        var client = host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Bagalau.IntegrationTests.Web.Infrastructure.Forms.SignInAsync(client, "hr@wf.example", World.Password);
        var page = $"/bodies/{world.BodyId}/cycles2018/{cycleId}/send";

        var token = await Bagalau.IntegrationTests.Web.Infrastructure.Forms.AntiforgeryTokenAsync(client, page);
        var response = await client.PostAsync(page + "?handler=Selected", new FormUrlEncodedContent(
        [
            new("ids", agreed.ToString()), new("ids", signed.ToString()), new("__RequestVerificationToken", token),
        ]));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-done=\"1\" data-total=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("Қызметші outsider", html, StringComparison.Ordinal);
        Assert.Contains("data-code=\"wrong-state\"", html, StringComparison.Ordinal);
        Assert.Equal(KpiSheetState.SentToCommission, (await SheetAsync(host, agreed)).State);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task IssuingLinks_ForEveryoneWithoutThem_IssuesTheReadyOnes_NamesTheRefused_AndASecondTimeRefusesTheIssued(string provider)
    {
        await using var s = await Survey360Host.StartAsync(provider, "bulk-360");
        var body = s.Body;
        var hr = await s.SignedInAsync("hr");
        hr.DefaultRequestHeaders.AcceptLanguage.ParseAdd("kk");
        var spec1 = await s.SignedInAsync("spec1");
        var api = $"/api/v1/bodies/{body.BodyId}/survey360";
        var round = await JsonAsync(await hr.PostAsJsonAsync($"{api}/rounds", new { packId = "oskemen-maslikhat", year = 2024 }));
        var roundId = round.GetProperty("id").GetGuid();
        var targets = (await JsonAsync(await hr.GetAsync($"{api}/rounds/{roundId}/targets"))).EnumerateArray().ToList();
        var target = targets.Single(t => t.GetProperty("servantId").GetGuid() == body["spec1"]);
        var targetId = target.GetProperty("id").GetGuid();
        var added = await JsonAsync(await hr.PostAsJsonAsync($"{api}/targets/{targetId}/respondents", new { version = target.GetProperty("version").GetInt32(), servantId = body["colleague"], relation = "peer" }));
        Assert.Equal(3, added.GetProperty("respondents").GetArrayLength());

        Assert.Equal(HttpStatusCode.Forbidden, (await spec1.PostAsJsonAsync($"{api}/rounds/{roundId}/links", new { expiresAt = s.Clock.Now.AddDays(3) })).StatusCode);
        var all = await JsonAsync(await hr.PostAsJsonAsync($"{api}/rounds/{roundId}/links", new { expiresAt = s.Clock.Now.AddDays(3) }));
        var report = all.GetProperty("report");
        Assert.Equal(targets.Count, report.GetProperty("total").GetInt32());
        var issued = all.GetProperty("issued").EnumerateArray().ToList();
        Assert.Equal(report.GetProperty("done").GetInt32(), issued.Count);
        Assert.Equal(4, issued.Single(t => t.GetProperty("targetId").GetGuid() == targetId).GetProperty("links").GetArrayLength());
        foreach (var refused in report.GetProperty("refused").EnumerateArray())
        {
            Assert.Equal("respondent-count", refused.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(refused.GetProperty("name").GetString()));
            Assert.Empty(KernelWords(refused.GetProperty("message").GetString()!));
        }

        // One person refused does not undo the others: spec1's links stay issued.
        var after = (await JsonAsync(await hr.GetAsync($"{api}/rounds/{roundId}/targets"))).EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == targetId);
        Assert.True(after.GetProperty("issued").GetBoolean());

        // Chosen again: the person with links is refused by the single issue step, named.
        var again = await JsonAsync(await hr.PostAsJsonAsync($"{api}/rounds/{roundId}/links", new { targetIds = new[] { targetId }, expiresAt = s.Clock.Now.AddDays(3) }));
        var second = Assert.Single(again.GetProperty("report").GetProperty("refused").EnumerateArray());
        Assert.Equal("wrong-state", second.GetProperty("code").GetString());
        Assert.Equal("Қызметші spec1", second.GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CycleResults_AsXlsxInRussian_HaveTheCellsOfEachServant_AndTheCsvNeutralisesAFormulaName(string provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var world = await World.BuildAsync(new Scopes(host.Services));
        var (cycleId, agreed, _) = await TwoSheetsAsync(host, world);
        await WithDbAsync(host, db => db.Servants.Where(s => s.Id == world.Servants["outsider"])
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FullName, "=HYPERLINK(\"http://x\")\u0007")));
        var hr = await host.SignedInAsync("hr@wf.example");
        hr.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        var authorized = await host.SignedInAsync("authorized@wf.example");
        var path = $"/api/v1/bodies/{world.BodyId}/evaluation-2018/cycles/{cycleId}/results";

        Assert.Equal(HttpStatusCode.Forbidden, (await authorized.GetAsync(path + "?format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync(path + "?format=pdf")).StatusCode);
        var xlsx = await hr.GetAsync(path + "?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = Cells(await xlsx.Content.ReadAsByteArrayAsync());

        Assert.Equal(["Служащий", "Структурное подразделение", "Должность", "Оценочный лист ЦИ", "Достигнуто ЦИ", "Оценка по ЦИ", "Пункт"], rows[0].Take(7));
        var servant = rows.Single(r => r[0] == "Қызметші servant");
        Assert.Equal(("Отдел", "согласован", "5"), (servant[1], servant[3], servant[4]));
        Assert.False(string.IsNullOrEmpty(servant[5]));
        Assert.StartsWith("п. ", servant[6], StringComparison.Ordinal);

        var csv = Encoding.UTF8.GetString(await (await hr.GetAsync(path + "?format=csv")).Content.ReadAsByteArrayAsync());
        Assert.StartsWith("Служащий,", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", csv, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task QuarterAndYearResults_AreForTheHeadOfHr_WithScoreGradeAndAcquaintance(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var summary = await q.SheetSummaryAsync("spec1");
        var head = await q.AsAsync("head");
        var submitted = await head.PostAsJsonAsync($"{q.Path}/sheets/{summary.GetProperty("id").GetGuid()}/submit", new { version = summary.GetProperty("version").GetInt32(), scores = ApiQuarterlyTests.NonLeaderFours });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var roundPath = $"{q.Path}/rounds/{q.RoundId}/results?format=xlsx";
        var yearPath = $"{q.Path}/annual/results?pack=nhrc&year=2026&format=xlsx";

        Assert.Equal(HttpStatusCode.Forbidden, (await (await q.AsAsync("hr")).GetAsync(roundPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await q.AsAsync("hr")).GetAsync(yearPath)).StatusCode);
        var hrhead = await q.AsAsync("hrhead");
        var round = Cells(await (await hrhead.GetAsync(roundPath)).Content.ReadAsByteArrayAsync());
        Assert.Equal(["Servant", "Unit", "Position", "Method", "State", "Average", "Score", "Grade"], round[0].Take(8));
        var spec1 = round.Single(r => r[0] == "Қызметші spec1");
        Assert.Equal(("submitted", 4m, "waiting for acknowledgement"), (spec1[4], decimal.Parse(spec1[6], CultureInfo.InvariantCulture), spec1[12]));
        Assert.False(string.IsNullOrEmpty(spec1[7]));

        var year = Cells(await (await hrhead.GetAsync(yearPath)).Content.ReadAsByteArrayAsync());
        Assert.Equal("Annual score", year[0][7]);
        Assert.Contains(year, r => r[0] == "Қызметші spec1");
    }

    /// <summary>The cell texts of the workbook's first sheet, row by row (numbers as written).</summary>
    private static List<string[]> Cells(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        return sheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? string.Empty).ToArray())
            .ToList();
    }

    private static List<string> KernelWords(string text) => Bagalau.IntegrationTests.Architecture.KernelTests.EnglishWords(text);

    /// <summary>
    /// A 2022 cycle of the world's body: the servant's KPI sheet agreed (ready), the outsider's
    /// signed but not agreed (not ready). Both driven through the services.
    /// </summary>
    private static async Task<(Guid Cycle, Guid Agreed, Guid Signed)> TwoSheetsAsync(ApiHost host, World world)
    {
        var app = new Scopes(host.Services);
        var opened = await app.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(world.User("hr"), world.BodyId, "mdai", 2022, WholeCycle2018Tests.Opened));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var sheets = new List<Guid>();
        foreach (var name in new[] { "servant", "outsider" })
        {
            var plan = await PlanAsync(host, world.Servants[name]);
            await OkAsync(app, s => s.SetKpisAsync(world.User("supervisor"), plan.Id, plan.Version, Enumerable.Range(1, 5).Select(Cycle.Kpi).ToList()));
            plan = await PlanAsync(host, world.Servants[name]);
            await OkAsync(app, s => s.SubmitPlanAsync(world.User("supervisor"), plan.Id, plan.Version, WholeCycle2018Tests.Opened));
            plan = await PlanAsync(host, world.Servants[name]);
            await OkAsync(app, s => s.ApprovePlanAsync(world.User("superior"), plan.Id, plan.Version, WholeCycle2018Tests.Opened.AddDays(1)));
            var sheet = (await app.WithAsync<Evaluation2018Service, Outcome<KpiSheet>>(s => s.OpenSheetAsync(world.User("supervisor"), plan.Id))).Value!;
            await OkAsync(app, s => s.FillSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, Enumerable.Range(1, 5).Select(n => new KpiResultInput(n, "100", true)).ToList()));
            sheet = await SheetAsync(host, sheet.Id);
            await OkAsync(app, s => s.SignSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 5)));
            if (name == "servant")
            {
                sheet = await SheetAsync(host, sheet.Id);
                await OkAsync(app, s => s.AgreeSheetAsync(world.User("superior"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 6)));
            }

            sheets.Add(sheet.Id);
        }

        return (opened.Value!.Cycle.Id, sheets[0], sheets[1]);
    }

    private static async Task OkAsync(Scopes app, Func<Evaluation2018Service, Task<Outcome>> step)
    {
        var outcome = await app.WithAsync(step);
        Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());
    }

    private static Task<WorkPlan> PlanAsync(ApiHost host, Guid servantId) =>
        WithDbAsync(host, db => db.WorkPlans.AsNoTracking().SingleAsync(p => p.ServantId == servantId));

    private static Task<KpiSheet> SheetAsync(ApiHost host, Guid id) =>
        WithDbAsync(host, db => db.KpiSheets.AsNoTracking().SingleAsync(s => s.Id == id));

    private static async Task<T> WithDbAsync<T>(ApiHost host, Func<BagalauDbContext, Task<T>> read)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<BagalauDbContext>());
    }
}
