using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.IntegrationTests.Documents;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;

namespace Bagalau.IntegrationTests.Workflow;

/// <summary>
/// Every printed form of the 2018 cycle downloaded through /api/v1/evaluation-2018 from the
/// stored records and read back: Appendix 1, 2, 3, 5 and the refusal act carry the servant's
/// name, the grade or level and the clause; an outsider gets 404, a bad format or language 422.
/// </summary>
public class Documents2018ApiTests
{
    private const string Base = "/api/v1/evaluation-2018";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryForm_DownloadsFromStoredData_AndOutsidersAreRefused(string provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var world = await World.BuildAsync(new Scopes(host.Services), "dept", "C-4", "C-1");
        var api = new Dictionary<string, HttpClient>();

        async Task MoveTo(DateOnly day)
        {
            host.Today = day;
            foreach (var name in new[] { "hr", "supervisor", "superior", "servant", "outsider", "authorized", "chair", "member1", "member2", "member3", "secretary" })
            {
                api[name] = await host.SignedInAsync($"{name}@wf.example");
            }
        }

        // The cycle up to the refusal act, as Api2018Tests drives it (without its refusals).
        await MoveTo(new DateOnly(2022, 1, 4));
        var cycleId = (await Ok(api["hr"].PostAsJsonAsync($"{Base}/cycles", new { bodyId = world.BodyId, packId = "mdai", year = 2022 }))).GetProperty("id").GetGuid();
        var plans = await Ok(api["supervisor"].GetAsync($"{Base}/cycles/{cycleId}/plans"));
        var planId = plans.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("servantId").GetGuid() == world.Servant).GetProperty("id").GetGuid();
        var kpis = Enumerable.Range(1, 5).Select(n => new { name = $"НМИ {n}", unit = "%", planned = "100", due = "2022-11-30", result = $"Нәтиже {n}" }).ToList();
        await NoContent(api["supervisor"].PutAsJsonAsync($"{Base}/plans/{planId}/kpis", new { version = await VersionOf($"plans/{planId}"), kpis }));
        await NoContent(api["supervisor"].PostAsJsonAsync($"{Base}/plans/{planId}/submit", new { version = await VersionOf($"plans/{planId}") }));
        await NoContent(api["superior"].PostAsJsonAsync($"{Base}/plans/{planId}/approve", new { version = await VersionOf($"plans/{planId}") }));

        await MoveTo(new DateOnly(2022, 12, 5));
        var sheetId = (await Ok(api["supervisor"].PostAsync($"{Base}/plans/{planId}/kpi-sheet", null))).GetProperty("id").GetGuid();
        var results = Enumerable.Range(1, 5).Select(n => new { number = n, actual = "факт " + n, achieved = n != 3 }).ToList();
        await NoContent(api["supervisor"].PutAsJsonAsync($"{Base}/kpi-sheets/{sheetId}/results", new { version = await VersionOf($"kpi-sheets/{sheetId}"), results }));
        await NoContent(api["supervisor"].PostAsJsonAsync($"{Base}/kpi-sheets/{sheetId}/sign", new { version = await VersionOf($"kpi-sheets/{sheetId}") }));
        await NoContent(api["superior"].PostAsJsonAsync($"{Base}/kpi-sheets/{sheetId}/agree", new { version = await VersionOf($"kpi-sheets/{sheetId}") }));
        await NoContent(api["hr"].PostAsJsonAsync($"{Base}/kpi-sheets/{sheetId}/send", new { version = await VersionOf($"kpi-sheets/{sheetId}") }));
        var sheet = await Ok(api["hr"].GetAsync($"{Base}/kpi-sheets/{sheetId}"));

        // The first competency with one indicator observed (does not meet), the others all observed.
        var competency = await Ok(api["supervisor"].PostAsync($"{Base}/plans/{planId}/competency-sheet", null));
        var competencyId = competency.GetProperty("id").GetGuid();
        var first = true;
        foreach (var c in competency.GetProperty("competencies").EnumerateArray())
        {
            var observed = first ? new List<int> { 1 } : Enumerable.Range(1, c.GetProperty("indicators").GetArrayLength()).ToList();
            first = false;
            await NoContent(api["supervisor"].PutAsJsonAsync($"{Base}/competency-sheets/{competencyId}/competencies/{c.GetProperty("id").GetString()}", new { version = await VersionOf($"competency-sheets/{competencyId}"), observed }));
        }

        await NoContent(api["supervisor"].PostAsJsonAsync($"{Base}/competency-sheets/{competencyId}/sign", new { version = await VersionOf($"competency-sheets/{competencyId}") }));
        var signed = (await Ok(api["hr"].GetAsync($"{Base}/competency-sheets/{competencyId}"))).GetProperty("competencies")[0];
        Assert.Equal("does-not-meet", signed.GetProperty("level").GetString());

        await MoveTo(new DateOnly(2022, 12, 1));
        var seats = new[] { ("chair", "chair"), ("member1", "member"), ("member2", "member"), ("member3", "member"), ("member4", "member"), ("secretary", "secretary") }
            .Select(s => new { servantId = world.Servants[s.Item1], role = s.Item2 }).ToList();
        await Ok(api["authorized"].PutAsJsonAsync($"{Base}/cycles/{cycleId}/commission", new { seats }));
        var schedule = await Ok(api["hr"].PostAsJsonAsync($"{Base}/cycles/{cycleId}/schedules", new { sittings = new[] { "2022-12-20" }, servants = new[] { world.Servant } }));
        var scheduleId = schedule.GetProperty("id").GetGuid();
        await NoContent(api["chair"].PostAsJsonAsync($"{Base}/schedules/{scheduleId}/agree", new { version = schedule.GetProperty("version").GetInt32() }));

        await MoveTo(new DateOnly(2022, 12, 20));
        var sittingId = (await Ok(api["hr"].PostAsJsonAsync($"{Base}/schedules/{scheduleId}/sittings", new { on = "2022-12-20" }))).GetProperty("id").GetGuid();
        var present = new[] { "chair", "member1", "member2", "member3", "secretary" }.Select(n => world.Servants[n]).ToList();
        await NoContent(api["secretary"].PutAsJsonAsync($"{Base}/sittings/{sittingId}/attendance", new { version = await VersionOf($"sittings/{sittingId}"), present }));
        foreach (var member in new[] { "chair", "member1", "member2" })
        {
            await NoContent(api[member].PostAsJsonAsync($"{Base}/sittings/{sittingId}/votes", new { version = await VersionOf($"sittings/{sittingId}"), servantId = world.Servant, vote = "revise" }));
        }

        await NoContent(api["secretary"].PostAsJsonAsync($"{Base}/sittings/{sittingId}/cases", new { version = await VersionOf($"sittings/{sittingId}"), servantId = world.Servant, correctedGrade = "excellent", recommendations = "Тәлімгерлік" }));
        await NoContent(api["hr"].PostAsJsonAsync($"{Base}/sittings/{sittingId}/protocol", new { version = await VersionOf($"sittings/{sittingId}") }));
        await NoContent(api["authorized"].PostAsJsonAsync($"{Base}/sittings/{sittingId}/protocol/approve", new { version = await VersionOf($"sittings/{sittingId}") }));
        var protocol = await Ok(api["authorized"].GetAsync($"{Base}/sittings/{sittingId}/protocol"));
        var acquaintanceId = protocol.GetProperty("rows")[0].GetProperty("acquaintanceId").GetGuid();

        // Before the refusal is recorded there is no act to print.
        await Expect(api["hr"].GetAsync($"{Base}/acquaintances/{acquaintanceId}/refusal-act/document?format=docx&language=kk"), HttpStatusCode.Conflict, "wrong-state");
        var acquaintance = await Ok(api["servant"].GetAsync($"/api/v1/acquaintances/{acquaintanceId}"));
        await MoveTo(new DateOnly(2022, 12, 21));
        var act = new { date = "2022-12-21", hrName = "Қызметші hr", hrPosition = "Кадр", witness1Name = "Қызметші member1", witness1Position = "Бас маман", witness2Name = "Қызметші member2", witness2Position = "Жетекші маман", note = "Қол қоюдан бас тартты" };
        await NoContent(api["hr"].PostAsJsonAsync($"{Base}/acquaintances/{acquaintanceId}/refusal-act", new { version = acquaintance.GetProperty("version").GetInt32(), act }));

        const string name = "Қызметші servant";

        // Appendix 1, read by the servant.
        var plan = DocumentFiles.ReadDocx(await File(api["servant"], $"plans/{planId}/document?format=docx&language=kk"));
        Assert.Empty(plan.Errors);
        Assert.Contains(name, plan.Text, StringComparison.Ordinal);
        Assert.Contains("жеке жұмыс жоспары", plan.Text, StringComparison.Ordinal);
        Assert.Contains(plan.TableRows, r => r.Contains("НМИ 5"));

        // Appendix 2, read by the superior: the engine's grade title and its clause.
        var kpiSheet = DocumentFiles.ReadDocx(await File(api["superior"], $"kpi-sheets/{sheetId}/document?format=docx&language=kk"));
        Assert.Empty(kpiSheet.Errors);
        Assert.Contains(name, kpiSheet.Text, StringComparison.Ordinal);
        Assert.Contains("тиімді", kpiSheet.Text, StringComparison.Ordinal);
        Assert.Contains(sheet.GetProperty("gradeClause").GetString()!.Split(',')[0].Trim() + "-тармақ", kpiSheet.Text, StringComparison.Ordinal);

        // Appendix 3 in Russian, read by the direct supervisor: level, the indicator verbatim (Kazakh) with its mark, the unobserved list, the clause.
        var competencySheet = DocumentFiles.ReadDocx(await File(api["supervisor"], $"competency-sheets/{competencyId}/document?format=docx&language=ru"));
        Assert.Empty(competencySheet.Errors);
        Assert.Contains(name, competencySheet.Text, StringComparison.Ordinal);
        Assert.Contains(competencySheet.TableRows, r => r.Contains("не соответствует ожидаемому результату"));
        var indicators = signed.GetProperty("indicators").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.Contains(competencySheet.TableRows, r => r.Contains(indicators[0]) && r.Contains("проявлен"));
        Assert.Contains(competencySheet.TableRows, r => r.Contains(indicators[1]) && r.Contains("не проявлен"));
        Assert.Contains(competencySheet.TableRows, r => r.Any(cell => cell.Contains("- " + indicators[1], StringComparison.Ordinal)));
        Assert.Contains("пункт " + signed.GetProperty("clause").GetString()!.Split(',')[0].Trim(), competencySheet.Text, StringComparison.Ordinal);

        // Appendix 5 as PDF, read by a commission member: the servant's line with result, correction and recommendation; chair and secretary.
        var protocolPdf = await File(api["member1"], $"sittings/{sittingId}/protocol/document?format=pdf&language=kk");
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(protocolPdf, 0, 4), StringComparison.Ordinal);
        await System.IO.File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), $"bagalau-protocol-2018-{provider}.pdf"), protocolPdf);
        if (DocumentFiles.PdfText(protocolPdf) is { } text)
        {
            var flat = DocumentFiles.Flat(text);
            Assert.Contains(name, flat, StringComparison.Ordinal);
            Assert.Contains("Тәлімгерлік", flat, StringComparison.Ordinal);
            Assert.Contains("Қызметші chair", flat, StringComparison.Ordinal);
            Assert.Contains("Қызметші secretary", flat, StringComparison.Ordinal);
            Assert.Contains("Қатыспағандар: Қызметші member4", flat, StringComparison.Ordinal);
        }

        var protocolDocx = DocumentFiles.ReadDocx(await File(api["authorized"], $"sittings/{sittingId}/protocol/document?format=docx&language=ru"));
        Assert.Empty(protocolDocx.Errors);
        Assert.True(protocolDocx.Landscape);
        Assert.Contains(protocolDocx.TableRows, r => r.Contains(name) && r.Contains("Тәлімгерлік") && r.Any(c => c.StartsWith("ЦИ: ", StringComparison.Ordinal)) && r[3].Length > 0);
        Assert.Contains("Уполномоченное лицо", protocolDocx.Text, StringComparison.Ordinal);

        // The refusal act in Russian, read by HR: the servant, the witnesses, the clause.
        var refusal = DocumentFiles.ReadDocx(await File(api["hr"], $"acquaintances/{acquaintanceId}/refusal-act/document?format=docx&language=ru"));
        Assert.Empty(refusal.Errors);
        Assert.Contains(name, refusal.Text, StringComparison.Ordinal);
        Assert.Contains("Акт об отказе от ознакомления", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("Қызметші member2", refusal.Text, StringComparison.Ordinal);

        // Outsiders get 404 for every form; a bad format or language is 422 with its code, before anything is read.
        foreach (var path in new[] { $"plans/{planId}", $"kpi-sheets/{sheetId}", $"competency-sheets/{competencyId}", $"sittings/{sittingId}/protocol", $"acquaintances/{acquaintanceId}/refusal-act" })
        {
            await Expect(api["outsider"].GetAsync($"{Base}/{path}/document?format=pdf&language=kk"), HttpStatusCode.NotFound, "not-found");
            await Expect(api["hr"].GetAsync($"{Base}/{path}/document?format=odt&language=kk"), HttpStatusCode.UnprocessableEntity, "document-format-unknown");
            await Expect(api["hr"].GetAsync($"{Base}/{path}/document?format=pdf&language=fr"), HttpStatusCode.UnprocessableEntity, "document-language-unknown");
        }

        async Task<int> VersionOf(string path) => (await Ok(api["hr"].GetAsync($"{Base}/{path}"))).GetProperty("version").GetInt32();
    }

    private static async Task<byte[]> File(HttpClient client, string path)
    {
        var response = await client.GetAsync($"{Base}/{path}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task NoContent(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("code").GetString());
    }
}
