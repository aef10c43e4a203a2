using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

/// <summary>
/// Decisions asked through the API (POST /api/v1/packs/{id}/decisions/{decision}): the same answers,
/// clauses and refusals as the pack cases, one test per reading of the acts the second reading settled.
/// </summary>
public class ApiDecisionTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<HttpClient> ClientAsync(WebTestHost host, string language = "kk")
    {
        await host.CreateUserAsync("reader@example.kz", language: language);
        var client = host.Client();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "reader@example.kz", password = WebTestHost.Password });
        var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        var bearer = host.Client();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        bearer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return bearer;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> AskAsync(HttpClient client, string pack, string decision, string asOf, string json)
    {
        var response = await client.PostAsync($"/api/v1/packs/{pack}/decisions/{decision}?asOf={asOf}", new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Eligibility_OskemenReleasedBeforeTheQuarter_IsNotEvaluated(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host);

        var (status, body) = await AskAsync(client, "oskemen-maslikhat", "eligibility", "2024-10-05", """{"period": "2024-Q3", "appointed": "2019-02-11", "dismissed": "2024-06-14"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("no", "tenure-under-1-month", "5"), (body.GetProperty("answer").GetProperty("evaluate").GetString(), body.GetProperty("answer").GetProperty("reason").GetString(), body.GetProperty("clause").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Eligibility_AppointedFirstOfOctober_HasNotThreeMonthsByTheYearsEnd(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host);

        var (_, october) = await AskAsync(client, "mdai", "eligibility", "2022-01-10", """{"period": "2021", "appointed": "2021-10-01"}""");
        var (_, september) = await AskAsync(client, "mdai", "eligibility", "2022-01-10", """{"period": "2021", "appointed": "2021-09-30"}""");

        Assert.Equal("no", october.GetProperty("answer").GetProperty("evaluate").GetString());
        Assert.Equal("yes", september.GetProperty("answer").GetProperty("evaluate").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CalibrationDecision_MajorityOfParticipantsInOskemen_OfMembersInNhrc(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host);
        const string votes = """{"original": 2.8, "proposed": 3.2, "votes": {"for-change": 2, "against": 1}, "members": 5, "participants": 3}""";

        var (_, oskemen) = await AskAsync(client, "oskemen-maslikhat", "calibration-decision", "2024-08-01", votes);
        var (_, nhrc) = await AskAsync(client, "nhrc", "calibration-decision", "2026-11-02", votes);

        Assert.Equal(("changed", "41"), (oskemen.GetProperty("answer").GetProperty("decision").GetString(), oskemen.GetProperty("clause").GetString()));
        Assert.Equal(("upheld", "22"), (nhrc.GetProperty("answer").GetProperty("decision").GetString(), nhrc.GetProperty("clause").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KpiAchieved_OneIndicatorShort_IsNotAchieved(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host);

        var (status, body) = await AskAsync(client, "almaty-akimat", "kpi-achieved", "2021-12-31", """{"indicators": [{"planned": 100, "actual": 100}, {"planned": 100, "actual": 99}]}""");
        var (empty, refusal) = await AskAsync(client, "almaty-akimat", "kpi-achieved", "2021-12-31", """{"indicators": []}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("answer").GetProperty("achieved").GetBoolean());
        Assert.Equal(2, body.GetProperty("answer").GetProperty("unmet")[0].GetInt32());
        Assert.Equal("18", body.GetProperty("clause").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "no-indicators"), (empty, refusal.GetProperty("code").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EvaluationMethod_NhrcAndOskemen_FormAndEvaluatorWithTheClause(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host);

        var (_, head) = await AskAsync(client, "nhrc", "evaluation-method", "2026-10-05", """{"position": {"category": "B-1", "leadership": true}}""");
        var (_, kti) = await AskAsync(client, "oskemen-maslikhat", "evaluation-method", "2024-10-05", """{"position": {"category": "E-2", "leadership": true}}""");
        var (status, unknown) = await AskAsync(client, "nhrc", "evaluation-method", "2026-10-05", """{"position": {"category": "Z-9"}}""");

        Assert.Equal(("leader", "direct-supervisor", "16"), (head.GetProperty("answer").GetProperty("form").GetString(), head.GetProperty("answer").GetProperty("evaluator").GetString(), head.GetProperty("clause").GetString()));
        Assert.Equal("kti", kti.GetProperty("answer").GetProperty("method").GetString());
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "category-not-covered"), (status, unknown.GetProperty("code").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnnualConsequence_TwoUnsatisfactoryYears_DemotionOrDismissal(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host);

        var (_, body) = await AskAsync(client, "nhrc", "annual-consequence", "2027-01-20", """{"results": {"2025": "unsatisfactory", "2026": "unsatisfactory"}}""");

        Assert.Equal("demotion-or-dismissal", body.GetProperty("answer").GetProperty("consequence").GetString());
        Assert.Equal("law-416-V-33-6", body.GetProperty("clause").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NoVersionInForce_AfterTheRepeal_SaysUntilWhenAndByWhat(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host, "ru");

        var (status, body) = await AskAsync(client, "oskemen-maslikhat", "evaluation-method", "2026-10-05", """{"position": {"category": "E-4"}}""");
        var title = body.GetProperty("title").GetString()!;

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "no-version-in-force"), (status, body.GetProperty("code").GetString()));
        Assert.Contains("06.11.2025", title, StringComparison.Ordinal);
        Assert.Contains("38/9-VIII", title, StringComparison.Ordinal);
        Assert.DoesNotContain("oskemen", title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AskDecision_BadInput_IsA400NamingTheKey_AndAnUnknownDecisionA404(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host, "en");

        var (badStatus, bad) = await AskAsync(client, "nhrc", "eligibility", "2026-10-05", """{"period": "2026-Q3", "appointed": "yesterday"}""");
        var (brokenStatus, _) = await AskAsync(client, "nhrc", "eligibility", "2026-10-05", """{"period": """);
        var (unknownStatus, unknown) = await AskAsync(client, "nhrc", "no-such-decision", "2026-10-05", "{}");

        Assert.Equal((HttpStatusCode.BadRequest, "invalid-input"), (badStatus, bad.GetProperty("code").GetString()));
        Assert.Contains("appointed", bad.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, brokenStatus);
        Assert.Equal((HttpStatusCode.NotFound, "unknown-decision"), (unknownStatus, unknown.GetProperty("code").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NhrcPack_ShowsItsReadingsWithTheirClauses(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = await ClientAsync(host, "ru");

        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/packs")).RootElement;
        var readings = list.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "nhrc").GetProperty("readings");

        Assert.Contains(readings.EnumerateArray(), r => r.GetProperty("clause").GetString() == "order-4" && r.GetProperty("text").GetString()!.Contains("13.03.2026", StringComparison.Ordinal));
        Assert.Contains(readings.EnumerateArray(), r => r.GetProperty("clause").GetString() == "5" && r.GetProperty("text").GetString()!.Contains("командировки", StringComparison.Ordinal));
    }
}
