using System.Net;
using Bagalau.Domain.Workflow;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Accounts;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

/// <summary>KTI plans through /api/v1/bodies/{bodyId}/kti on both providers: refusals as problem details with their codes.</summary>
public class ApiKtiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<HttpClient> SignedInAsync(WebTestHost host, string email)
    {
        var token = await host.Client().PostAsJsonAsync("/api/v1/auth/token", new { email, password = WebTestHost.Password });
        var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        var client = host.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>An oskemen body with a head of a unit, the chair who evaluates them, HR; a Q2 2024 round.</summary>
    internal static async Task<(Guid Body, Guid Round, Guid Head, Guid Chair)> OskemenBodyAsync(WebTestHost host)
    {
        var bodyId = await host.CreateBodyAsync("api-kti");
        var ids = await host.WithDbAsync(async db =>
        {
            var parents = new Dictionary<Guid, Guid?>();
            var unit = StructuralUnit.Create(bodyId, "apparatus", "Аппарат", null, null, null, parents).Value;
            db.StructuralUnits.Add(unit);
            var result = new Dictionary<string, Guid>();
            var n = 0;
            foreach (var name in new[] { "chair", "head" })
            {
                var position = Position.Create(bodyId, "p-" + name, "Басшы " + name, null, null, unit.Id, "E-2", PositionQualifier.UnitHead).Value;
                var servant = Servant.Create(bodyId, WebTestHost.Iin("850101", 3, 10 + n++), "Басшы " + name, null, null, false).Value;
                servant.Appoint(position.Id, new DateOnly(2020, 1, 1), null);
                db.Positions.Add(position);
                db.Servants.Add(servant);
                result[name] = servant.Id;
            }

            await db.SaveChangesAsync();
            return result;
        });
        foreach (var (email, role, servant) in new[] { ("hr@kti.kz", BodyRole.Hr, (Guid?)null), ("chair@kti.kz", BodyRole.Evaluator, ids["chair"]), ("head@kti.kz", BodyRole.Evaluator, ids["head"]) })
        {
            var user = await host.CreateMemberAsync(email, bodyId, role);
            if (servant is { } s)
            {
                await host.WithAsync<AccountService, Result>(a => a.RevokeAsync(user.Id, bodyId, role));
                await host.WithAsync<AccountService, Result>(a => a.GrantAsync(user.Id, bodyId, role, s));
            }
        }

        var hr = (await host.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "hr@kti.kz")))).Id;
        var round = await host.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(hr, bodyId, "oskemen-maslikhat", "2024-Q2", new DateOnly(2024, 7, 5)));
        Assert.True(round.IsSuccess, round.Refusal?.ToString());
        return (bodyId, round.Value!.Id, ids["head"], ids["chair"]);
    }

    private static object Ktis(int count) => Enumerable.Range(1, count).Select(i => new { name = $"ТНИ {i}", unit = "%", planned = "100", due = "2024-06-20", result = $"Нәтиже {i}" }).ToArray();

    private static async Task<(int Status, string? Code, JsonElement Body)> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        var json = string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement;
        var code = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var c) ? c.GetString() : null;
        return ((int)response.StatusCode, code, json);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KtiPlan_ThroughTheApi_RefusesTwoOrSixKtis_StaleVersions_AndWrongActors_ThenScores(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (bodyId, roundId, head, chair) = await OskemenBodyAsync(host);
        var hr = await SignedInAsync(host, "hr@kti.kz");
        var evaluator = await SignedInAsync(host, "chair@kti.kz");
        var theHead = await SignedInAsync(host, "head@kti.kz");
        var root = $"/api/v1/bodies/{bodyId}/kti";

        var heads = await Read(await hr.GetAsync($"{root}/rounds/{roundId}/heads"));
        var headsByHead = await Read(await theHead.GetAsync($"{root}/rounds/{roundId}/heads"));
        var openByEvaluator = await Read(await evaluator.PostAsJsonAsync($"{root}/rounds/{roundId}/plans", new { servantId = head, evaluatorId = chair }));
        var opened = await Read(await hr.PostAsJsonAsync($"{root}/rounds/{roundId}/plans", new { servantId = head, evaluatorId = chair }));
        var planId = opened.Body.GetProperty("id").GetGuid();
        var version = opened.Body.GetProperty("version").GetInt32();
        var two = await Read(await evaluator.PutAsJsonAsync($"{root}/plans/{planId}/ktis", new { version, ktis = Ktis(2) }));
        var six = await Read(await evaluator.PutAsJsonAsync($"{root}/plans/{planId}/ktis", new { version, ktis = Ktis(6) }));
        var badDate = await Read(await evaluator.PutAsJsonAsync($"{root}/plans/{planId}/ktis", new { version, ktis = new[] { new { name = "x", unit = "%", planned = "1", due = "30.06.2024", result = "y" } } }));
        var three = await Read(await evaluator.PutAsJsonAsync($"{root}/plans/{planId}/ktis", new { version, ktis = Ktis(3) }));
        var stale = await Read(await hr.PostAsJsonAsync($"{root}/plans/{planId}/agree", new { version }));
        var agreeByHead = await Read(await theHead.PostAsJsonAsync($"{root}/plans/{planId}/agree", new { version = three.Body.GetProperty("version").GetInt32() }));
        var agreed = await Read(await hr.PostAsJsonAsync($"{root}/plans/{planId}/agree", new { version = three.Body.GetProperty("version").GetInt32() }));
        var frozen = await Read(await evaluator.PutAsJsonAsync($"{root}/plans/{planId}/ktis", new { version = agreed.Body.GetProperty("version").GetInt32(), ktis = Ktis(4) }));
        var actuals = await Read(await hr.PutAsJsonAsync($"{root}/plans/{planId}/actuals", new
        {
            version = agreed.Body.GetProperty("version").GetInt32(),
            actuals = new[] { new { number = 1, actual = "100", achievementPercent = 100m }, new { number = 2, actual = "80", achievementPercent = 80m }, new { number = 3, actual = "95", achievementPercent = 95m } },
        }));
        var table = await Read(await evaluator.GetAsync($"{root}/tables/oskemen-maslikhat"));
        var scoreVersion = actuals.Body.GetProperty("version").GetInt32();
        var six0 = await Read(await evaluator.PostAsJsonAsync($"{root}/plans/{planId}/score", new { version = scoreVersion, scores = new[] { new { number = 1, score = 6m }, new { number = 2, score = 4m }, new { number = 3, score = 4m } } }));
        var byHr = await Read(await hr.PostAsJsonAsync($"{root}/plans/{planId}/score", new { version = scoreVersion, scores = new[] { new { number = 1, score = 4m }, new { number = 2, score = 4m }, new { number = 3, score = 4m } } }));
        var preview = await Read(await evaluator.PostAsJsonAsync($"{root}/plans/{planId}/preview", new { version = scoreVersion, scores = new[] { new { number = 1, score = 5m }, new { number = 2, score = 4m }, new { number = 3, score = 4m } } }));
        var scored = await Read(await evaluator.PostAsJsonAsync($"{root}/plans/{planId}/score", new { version = scoreVersion, scores = new[] { new { number = 1, score = 5m }, new { number = 2, score = 4m }, new { number = 3, score = 4m } } }));
        var seenByHr = await Read(await hr.GetAsync($"{root}/plans/{planId}"));
        var seenByHead = await Read(await theHead.GetAsync($"{root}/plans/{planId}"));

        var row = heads.Body.EnumerateArray().Single(h => h.GetProperty("servantId").GetGuid() == head);
        Assert.Equal((200, true, "2024-04-15", "22"), (heads.Status, row.GetProperty("required").GetBoolean(), row.GetProperty("planDue").GetString(), row.GetProperty("clause").GetString()));
        Assert.Equal((403, "not-allowed"), (headsByHead.Status, headsByHead.Code));
        Assert.Equal((403, "not-allowed"), (openByEvaluator.Status, openByEvaluator.Code));
        Assert.Equal(201, opened.Status);
        Assert.Equal((422, "kti-plan-invalid"), (two.Status, two.Code));
        Assert.Equal((422, "kti-plan-invalid"), (six.Status, six.Code));
        Assert.Equal((400, "invalid-input"), (badDate.Status, badDate.Code));
        Assert.Equal(200, three.Status);
        Assert.Equal((409, "concurrency-conflict"), (stale.Status, stale.Code));
        Assert.Equal((403, "not-allowed"), (agreeByHead.Status, agreeByHead.Code));
        Assert.Equal((200, "agreed"), (agreed.Status, agreed.Body.GetProperty("state").GetString()));
        Assert.Equal((409, "kti-plan-frozen"), (frozen.Status, frozen.Code));
        Assert.Equal((200, "actuals-entered", "2024-07-02"), (actuals.Status, actuals.Body.GetProperty("state").GetString(), actuals.Body.GetProperty("actualsDue").GetString()));
        Assert.Equal((0, 0), (table.Body.GetProperty("revision").GetInt32(), table.Body.GetProperty("rows").GetArrayLength()));
        Assert.Contains("27", table.Body.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal((422, "score-out-of-range"), (six0.Status, six0.Code));
        Assert.Equal((403, "not-allowed"), (byHr.Status, byHr.Code));
        Assert.Equal((200, 4.33m), (preview.Status, preview.Body.GetProperty("score").GetDecimal()));
        Assert.Equal((200, "effective", "27"), (scored.Status, scored.Body.GetProperty("grade").GetString(), scored.Body.GetProperty("resultClause").GetString()));
        Assert.Equal(JsonValueKind.Null, seenByHr.Body.GetProperty("score").ValueKind);
        Assert.Equal(4.33m, seenByHead.Body.GetProperty("score").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PermittedScoreTable_ThroughTheApi_IsEnteredByHrOnly_AndAStaleRevisionIs409(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (bodyId, _, _, _) = await OskemenBodyAsync(host);
        var hr = await SignedInAsync(host, "hr@kti.kz");
        var evaluator = await SignedInAsync(host, "chair@kti.kz");
        var path = $"/api/v1/bodies/{bodyId}/kti/tables/oskemen-maslikhat";
        var rows = new[] { new { fromPercent = 0m, toPercent = 89.99m, minScore = 0m, maxScore = 3m }, new { fromPercent = 90m, toPercent = 1000m, minScore = 4m, maxScore = 5m } };

        var byEvaluator = await Read(await evaluator.PutAsJsonAsync(path, new { revision = 0, source = "3-қосымша", rows }));
        var overlap = await Read(await hr.PutAsJsonAsync(path, new { revision = 0, source = "3-қосымша", rows = new[] { new { fromPercent = 0m, toPercent = 60m, minScore = 0m, maxScore = 3m }, new { fromPercent = 50m, toPercent = 100m, minScore = 3m, maxScore = 5m } } }));
        var first = await Read(await hr.PutAsJsonAsync(path, new { revision = 0, source = "3-қосымша", rows }));
        var stale = await Read(await hr.PutAsJsonAsync(path, new { revision = 0, source = "3-қосымша", rows }));
        var unknown = await Read(await hr.GetAsync($"/api/v1/bodies/{bodyId}/kti/tables/mdai"));
        var read = await Read(await evaluator.GetAsync(path));

        Assert.Equal((403, "not-allowed"), (byEvaluator.Status, byEvaluator.Code));
        Assert.Equal((422, "table-overlap"), (overlap.Status, overlap.Code));
        Assert.Equal((200, 1), (first.Status, first.Body.GetProperty("revision").GetInt32()));
        Assert.Equal((409, "concurrency-conflict"), (stale.Status, stale.Code));
        Assert.Equal(404, unknown.Status);
        Assert.Equal((1, 2), (read.Body.GetProperty("revision").GetInt32(), read.Body.GetProperty("rows").GetArrayLength()));
    }
}
