using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bagalau.Application.Accounts;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Web;

public class ApiOrganisationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UserOfOneBody_Gets404FromTheApiOfAnotherBody(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var a = await host.CreateBodyAsync("body-a");
        var b = await host.CreateBodyAsync("body-b");
        var (unitB, _, servantB) = await host.CreateStaffAsync(b);
        await host.CreateMemberAsync("admin-a@example.kz", a, BodyRole.Administrator);
        var client = await BearerAsync(host, "admin-a@example.kz");

        foreach (var path in new[]
        {
            $"/api/v1/bodies/{b}", $"/api/v1/bodies/{b}/units", $"/api/v1/bodies/{b}/units/{unitB}", $"/api/v1/bodies/{b}/servants",
            $"/api/v1/bodies/{b}/servants/{servantB}", $"/api/v1/bodies/{b}/export", $"/api/v1/bodies/{b}/audit",
            $"/api/v1/bodies/{a}/servants/{servantB}", $"/api/v1/bodies/{a}/units/{unitB}",
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var post = await client.PostAsJsonAsync($"/api/v1/bodies/{b}/units", new { code = "intruder", nameKk = "Бөгде" });
        var bodies = await Json(await client.GetAsync("/api/v1/bodies"));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.StructuralUnits.CountAsync()));
        Assert.Equal(1, bodies.GetProperty("total").GetInt32());
        Assert.Equal("body-a", bodies.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Evaluator_Gets403FromTheOrganisationApi(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("evaluator@example.kz", body, BodyRole.Evaluator);
        var client = await BearerAsync(host, "evaluator@example.kz");

        var me = await Json(await client.GetAsync("/api/v1/me"));
        var servants = await client.GetAsync($"/api/v1/bodies/{body}/servants");
        var create = await client.PostAsJsonAsync($"/api/v1/bodies/{body}/units", new { code = "x", nameKk = "X" });

        Assert.Equal("evaluator", me.GetProperty("bodies")[0].GetProperty("roles")[0].GetString());
        Assert.Equal(HttpStatusCode.Forbidden, servants.StatusCode);
        Assert.Equal("forbidden", (await Json(servants)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Units_CrudWithVersions_AndAStaleWriteIs409(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var client = await BearerAsync(host, "hr@example.kz", "en");
        var units = $"/api/v1/bodies/{body}/units";

        var created = await client.PostAsJsonAsync(units, new { code = "finance", nameKk = "Қаржы департаменті", nameRu = "Департамент финансов" });
        var unit = await Json(created);
        var id = unit.GetProperty("id").GetGuid();
        var version = unit.GetProperty("version").GetInt32();
        var renamed = await client.PutAsJsonAsync($"{units}/{id}", new { nameKk = "Қаржы және бюджет департаменті", version });
        var stale = await client.PutAsJsonAsync($"{units}/{id}", new { nameKk = "Ескі атау", version });
        var staleDelete = await client.DeleteAsync($"{units}/{id}?version={version}");
        var current = await Json(await client.GetAsync($"{units}/{id}"));
        var deleted = await client.DeleteAsync($"{units}/{id}?version={current.GetProperty("version").GetInt32()}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/bodies/{body}/units/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.True((await Json(renamed)).GetProperty("version").GetInt32() > version);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = await Json(stale);
        Assert.Equal("concurrency-conflict", conflict.GetProperty("code").GetString());
        Assert.StartsWith("Someone else changed this record", conflict.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, staleDelete.StatusCode);
        Assert.Equal("Қаржы және бюджет департаменті", current.GetProperty("nameKk").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.StructuralUnits.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Servant_WithBadIin_IsA400ProblemInKazakhRussianAndEnglish(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var bad = WebTestHost.ValidIin[..11] + (char)('0' + ((WebTestHost.ValidIin[11] - '0' + 1) % 10));

        var titles = new Dictionary<string, string>();
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            var client = await BearerAsync(host, "hr@example.kz", language);
            var response = await client.PostAsJsonAsync($"/api/v1/bodies/{body}/servants", new { iin = bad, fullName = "Серікбаева Айгүл Болатқызы" });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await Json(response);
            Assert.Equal("iin-checksum", problem.GetProperty("code").GetString());
            Assert.Equal(problem.GetProperty("title").GetString(), problem.GetProperty("errors").GetProperty("iin")[0].GetString());
            Assert.Equal("iin", problem.GetProperty("issues")[0].GetProperty("field").GetString());
            titles[language] = problem.GetProperty("title").GetString()!;
        }

        Assert.Equal($"ЖСН «{bad}» бақылау цифры дұрыс емес: нөмірді тексеріңіз.", titles["kk"]);
        Assert.Equal($"Неверная контрольная цифра ИИН «{bad}»: проверьте номер.", titles["ru"]);
        Assert.Equal($"IIN '{bad}' has a wrong check digit: check the number.", titles["en"]);
        Assert.Equal(0, await host.WithDbAsync(db => db.Servants.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Lists_ArePagedUpTo100(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        await host.CreateStaffAsync(body);
        var client = await BearerAsync(host, "hr@example.kz");

        var tooBig = await client.GetAsync($"/api/v1/bodies/{body}/servants?size=101");
        var zero = await client.GetAsync($"/api/v1/bodies/{body}/servants?page=0");
        var page = await Json(await client.GetAsync($"/api/v1/bodies/{body}/servants?size=1&page=1"));

        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Equal("paging-invalid", (await Json(tooBig)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.Equal(1, page.GetProperty("size").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Records_BreakingRules_AreSpecificProblems_AndValidOnesAreSaved(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var (_, position, servant) = await host.CreateStaffAsync(body);
        var client = await BearerAsync(host, "hr@example.kz", "en");
        var records = $"/api/v1/bodies/{body}/servants/{servant}";

        var overlap = await client.PostAsJsonAsync($"{records}/appointments", new { positionId = position, from = "2021-01-01" });
        var backwards = await client.PostAsJsonAsync($"{records}/absences", new { kind = "sick", from = "2025-03-10", to = "2025-03-01" });
        var unknownKind = await client.PostAsJsonAsync($"{records}/sanctions", new { kind = "fine", applied = "2025-03-10" });
        var missingDate = await client.PostAsJsonAsync($"{records}/dismissals", new { note = "x" });
        var absence = await client.PostAsJsonAsync($"{records}/absences", new { kind = "trip", from = "2025-03-01", to = "2025-03-05" });
        var detail = await Json(await client.GetAsync(records));

        Assert.Equal("appointment-overlap", (await Json(overlap)).GetProperty("code").GetString());
        Assert.Equal("absence-ends-before-start", (await Json(backwards)).GetProperty("code").GetString());
        Assert.Equal("value-unknown", (await Json(unknownKind)).GetProperty("code").GetString());
        Assert.Equal("required", (await Json(missingDate)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, absence.StatusCode);
        Assert.Equal("trip", detail.GetProperty("absences")[0].GetProperty("kind").GetString());
        Assert.Equal("2025-03-01", detail.GetProperty("absences")[0].GetProperty("from").GetString());
        Assert.Equal(1, detail.GetProperty("appointments").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReportingLine_ClosingACycle_IsRefused(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var (_, _, boss) = await host.CreateStaffAsync(body);
        var client = await BearerAsync(host, "hr@example.kz", "ru");
        var staff = (await Json(await client.PostAsJsonAsync($"/api/v1/bodies/{body}/servants",
            new { iin = WebTestHost.Iin("920704", 4, 55), fullName = "Оспанова Мадина Асанқызы" }))).GetProperty("id").GetGuid();

        var line = await client.PutAsJsonAsync($"/api/v1/bodies/{body}/servants/{staff}/reporting-lines/direct-supervisor", new { supervisorId = boss });
        var cycle = await client.PutAsJsonAsync($"/api/v1/bodies/{body}/servants/{boss}/reporting-lines/direct-supervisor", new { supervisorId = staff });
        var bossLines = await Json(await client.GetAsync($"/api/v1/bodies/{body}/servants/{boss}/reporting-lines?size=10"));
        var staffDetail = await Json(await client.GetAsync($"/api/v1/bodies/{body}/servants/{staff}"));

        Assert.Equal(HttpStatusCode.OK, line.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        var problem = await Json(cycle);
        Assert.Equal("reporting-cycle", problem.GetProperty("code").GetString());
        Assert.StartsWith("Цепочка непосредственных руководителей замыкается", problem.GetProperty("title").GetString());
        Assert.Equal(1, bossLines.GetProperty("total").GetInt32());
        Assert.Equal(staff, bossLines.GetProperty("items")[0].GetProperty("servantId").GetGuid());
        Assert.Equal(boss, staffDetail.GetProperty("supervisors")[0].GetProperty("supervisorId").GetGuid());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_ThroughTheApi_RejectsABadFileWithIssues_AndAcceptsAGoodOne(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var client = await BearerAsync(host, "hr@example.kz", "en");
        var good = $"iin,full_name\n{WebTestHost.Iin("880202", 3, 40)},Ахметов Ерлан Маратұлы\n";
        var bad = good + "12345,Қате Жол\n";

        var rejected = await client.PostAsync($"/api/v1/bodies/{body}/import", Upload("servants.csv", bad));
        var accepted = await client.PostAsync($"/api/v1/bodies/{body}/import", Upload("servants.csv", good));
        var export = await client.GetAsync($"/api/v1/bodies/{body}/export?format=csv&kind=servants");

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        var problem = await Json(rejected);
        Assert.Equal("import-rejected", problem.GetProperty("code").GetString());
        var issue = problem.GetProperty("issues")[0];
        Assert.Equal(3, issue.GetProperty("row").GetInt32());
        Assert.Equal("iin", issue.GetProperty("column").GetString());
        Assert.Equal("iin-format", issue.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, (await Json(accepted)).GetProperty("counts").GetProperty("servants").GetProperty("created").GetInt32());
        Assert.Contains("Ахметов Ерлан Маратұлы", await export.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AuditVerify_ForAdministrators_ReportsTheIntactChain(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("admin@example.kz", body, BodyRole.Administrator);
        await host.CreateMemberAsync("hr@example.kz", body);
        var admin = await BearerAsync(host, "admin@example.kz");
        await admin.PostAsJsonAsync($"/api/v1/bodies/{body}/units", new { code = "finance", nameKk = "Қаржы" });

        var verify = await Json(await admin.PostAsync($"/api/v1/bodies/{body}/audit/verify", null));
        var records = await Json(await admin.GetAsync($"/api/v1/bodies/{body}/audit?size=10"));
        var hr = await BearerAsync(host, "hr@example.kz");

        Assert.True(verify.GetProperty("isIntact").GetBoolean());
        Assert.StartsWith("audit chain intact", verify.GetProperty("message").GetString());
        Assert.Equal("admin@example.kz", records.GetProperty("items")[0].GetProperty("actor").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.PostAsync($"/api/v1/bodies/{body}/audit/verify", null)).StatusCode);
    }

    internal static async Task<HttpClient> BearerAsync(WebTestHost host, string email, string language = "kk")
    {
        var client = host.Client();
        var token = await Json(await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = WebTestHost.Password }));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static MultipartFormDataContent Upload(string name, string content)
    {
        var part = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { part, "files", name } };
    }

    internal static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
