using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The quarterly-2023 API on the nhrc test body, Q2 2026, "today" 1 July 2026.</summary>
public class ApiQuarterlyTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    internal static readonly object[] NonLeaderFours =
    [
        new { parameterId = "quality", score = 4, comment = "сапалы" }, new { parameterId = "timeliness", score = 4 },
        new { parameterId = "initiative", score = 4 }, new { parameterId = "discipline", score = 4 }, new { parameterId = "no-sanctions", score = 4 },
    ];

    internal sealed record Quarter(WebTestHost Host, Body2023 Body, FixedClock Clock, Guid RoundId)
    {
        public string Path => $"/api/v1/bodies/{Body.BodyId}/quarters";

        /// <summary>One signed-in client per user (sign-ins are rate limited).</summary>
        private Dictionary<string, HttpClient> Clients { get; } = [];

        public async Task<HttpClient> AsAsync(string user)
        {
            if (Clients.TryGetValue(user, out var known))
            {
                return known;
            }

            var email = await Host.WithDbAsync(db => db.Users.Where(u => u.Id == Body.User(user)).Select(u => u.Email!).SingleAsync());
            var token = await Host.Client().PostAsJsonAsync("/api/v1/auth/token", new { email, password = WebTestHost.Password });
            var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
            var client = Host.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
            Clients[user] = client;
            return client;
        }

        public async Task<JsonElement> SheetSummaryAsync(string servant)
        {
            var hr = await AsAsync("hr");
            var sheets = JsonDocument.Parse(await hr.GetStringAsync($"{Path}/rounds/{RoundId}/sheets")).RootElement;
            return sheets.EnumerateArray().Single(s => s.GetProperty("servantId").GetGuid() == Body[servant]);
        }
    }

    /// <summary>The nhrc body with a reprimand for spec2 in May and "sick" absent most of Q2; HR schedules Q2 and the authorized person approves, both through the API.</summary>
    internal static async Task<Quarter> NhrcQuarterAsync(string provider)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?> { ["Bagalau:SignInRateLimit:PermitLimit"] = "100" }, clock);
        var body = await Body2023.CreateAsync(host.Services, "api-q23", new DateOnly(2020, 1, 1));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
            foreach (var id in body.Users.Values)
            {
                var user = await users.FindByIdAsync(id);
                var added = await users.AddPasswordAsync(user!, WebTestHost.Password);
                Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
            }

            var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
            var sick = await db.Servants.Include(s => s.Absences).SingleAsync(s => s.Id == body["sick"]);
            sick.AddAbsence(AbsenceKind.Sick, new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 20));
            var spec2 = await db.Servants.Include(s => s.Sanctions).SingleAsync(s => s.Id == body["spec2"]);
            spec2.AddSanction(SanctionKind.Reprimand, new DateOnly(2026, 5, 12), null, "кешігу");
            await db.SaveChangesAsync();
        }

        var quarter = new Quarter(host, body, clock, Guid.Empty);
        var hr = await quarter.AsAsync("hr");
        var scheduled = await hr.PostAsJsonAsync($"{quarter.Path}/rounds", new { packId = "nhrc", quarter = "2026-Q2", evaluationDate = "2026-07-10" });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var round = JsonDocument.Parse(await scheduled.Content.ReadAsStringAsync()).RootElement;
        var authorized = await quarter.AsAsync("authorized");
        var approved = await authorized.PostAsJsonAsync($"{quarter.Path}/rounds/{round.GetProperty("id").GetGuid()}/approve", new { version = round.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return quarter with { RoundId = round.GetProperty("id").GetGuid() };
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;

    private static object[] With(string parameter, decimal score) =>
        [.. NonLeaderFours.Select(s => s.GetType().GetProperty("parameterId")!.GetValue(s) as string == parameter ? new { parameterId = parameter, score } : s)];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Schedule_ByAServant_IsForbidden_ByHr_GivesTheEngineDeadline_AndApproveOnlyByTheAuthorizedPerson(string provider)
    {
        var q = await NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var servant = await q.AsAsync("spec1");
        var hr = await q.AsAsync("hr");

        var byServant = await servant.PostAsJsonAsync($"{q.Path}/rounds", new { packId = "nhrc", quarter = "2026-Q3", evaluationDate = "2026-10-10" });
        var twice = await hr.PostAsJsonAsync($"{q.Path}/rounds", new { packId = "nhrc", quarter = "2026-Q2", evaluationDate = "2026-07-10" });
        var q3 = JsonDocument.Parse(await (await hr.PostAsJsonAsync($"{q.Path}/rounds", new { packId = "nhrc", quarter = "2026-Q3", evaluationDate = "2026-10-10" })).Content.ReadAsStringAsync()).RootElement;
        var approveByHr = await hr.PostAsJsonAsync($"{q.Path}/rounds/{q3.GetProperty("id").GetGuid()}/approve", new { version = q3.GetProperty("version").GetInt32() });
        var rounds = JsonDocument.Parse(await hr.GetStringAsync($"{q.Path}/rounds")).RootElement;

        Assert.Equal((HttpStatusCode.Forbidden, "not-allowed"), (byServant.StatusCode, await CodeOf(byServant)));
        Assert.Equal((HttpStatusCode.Conflict, "round-exists"), (twice.StatusCode, await CodeOf(twice)));
        Assert.Equal(("2026-10-20", "4"), (q3.GetProperty("due").GetString(), q3.GetProperty("dueClause").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, approveByHr.StatusCode);
        var q2 = rounds.EnumerateArray().Single(r => r.GetProperty("quarter").GetInt32() == 2);
        Assert.Equal(("approved", 10, 2), (q2.GetProperty("state").GetString(), q2.GetProperty("sheets").GetInt32(), q2.GetProperty("notEvaluated").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SheetsOfRound_ShowTheFifteenWorkingDayRule_OfClause5_AndTheFormAndEvaluator(string provider)
    {
        var q = await NhrcQuarterAsync(provider);
        await using var host = q.Host;

        var sick = await q.SheetSummaryAsync("sick");
        var spec1 = await q.SheetSummaryAsync("spec1");
        var servantAsks = await (await q.AsAsync("spec1")).GetAsync($"{q.Path}/rounds/{q.RoundId}/sheets");

        Assert.Equal(("not-evaluated", "under-15-working-days", "5"), (sick.GetProperty("state").GetString(), sick.GetProperty("eligibilityReason").GetString(), sick.GetProperty("eligibilityClause").GetString()));
        Assert.Equal(("open", "non-leader", q.Body["head"]), (spec1.GetProperty("state").GetString(), spec1.GetProperty("formId").GetString(), spec1.GetProperty("evaluatorId").GetGuid()));
        Assert.Equal("2026-07-20", spec1.GetProperty("due").GetString());
        Assert.False(spec1.TryGetProperty("score", out _));
        Assert.Equal(HttpStatusCode.Forbidden, servantAsks.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Submit_BadPaths_ScoreSixOrMinusOne_MissingParameter_WrongActor_StaleVersion_AndTwice_AreRefused_AndChangeNothing(string provider)
    {
        var q = await NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var sheet = await q.SheetSummaryAsync("spec1");
        var id = sheet.GetProperty("id").GetGuid();
        var head = await q.AsAsync("head");
        var deputy = await q.AsAsync("deputy");
        var version = JsonDocument.Parse(await head.GetStringAsync($"{q.Path}/sheets/{id}")).RootElement.GetProperty("version").GetInt32();

        var six = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version, scores = With("quality", 6) });
        var minusOne = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version, scores = With("timeliness", -1) });
        var missing = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version, scores = NonLeaderFours.Take(4).ToArray() });
        var noScore = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version, scores = new object[] { new { parameterId = "quality" } } });
        var wrongActor = await deputy.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version, scores = NonLeaderFours });
        var stale = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version = version + 7, scores = NonLeaderFours });
        var stillOpen = JsonDocument.Parse(await head.GetStringAsync($"{q.Path}/sheets/{id}")).RootElement;
        var submitted = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version, scores = NonLeaderFours });
        var result = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        var twice = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version = result.GetProperty("version").GetInt32(), scores = NonLeaderFours });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "score-out-of-range"), (six.StatusCode, await CodeOf(six)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "score-out-of-range"), (minusOne.StatusCode, await CodeOf(minusOne)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "score-missing"), (missing.StatusCode, await CodeOf(missing)));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-request"), (noScore.StatusCode, await CodeOf(noScore)));
        Assert.Equal(HttpStatusCode.NotFound, wrongActor.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "concurrency-conflict"), (stale.StatusCode, await CodeOf(stale)));
        Assert.Equal(("open", JsonValueKind.Null), (stillOpen.GetProperty("state").GetString(), stillOpen.GetProperty("score").ValueKind));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(("submitted", 4.00m, "effective"), (result.GetProperty("state").GetString(), result.GetProperty("score").GetDecimal(), result.GetProperty("grade").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "sheet-already-submitted"), (twice.StatusCode, await CodeOf(twice)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Preview_ShowsTheReprimandCapWithItsClause_AndMySheetsListsTheEvaluatorsSheets(string provider)
    {
        var q = await NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var id = (await q.SheetSummaryAsync("spec2")).GetProperty("id").GetGuid();
        var head = await q.AsAsync("head");

        var mine = JsonDocument.Parse(await head.GetStringAsync($"{q.Path}/my-sheets")).RootElement;
        var sheet = JsonDocument.Parse(await head.GetStringAsync($"{q.Path}/sheets/{id}")).RootElement;
        var preview = JsonDocument.Parse(await (await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/preview", new { scores = NonLeaderFours })).Content.ReadAsStringAsync()).RootElement;
        var partial = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/preview", new { scores = NonLeaderFours.Take(2).ToArray() });

        Assert.Contains(mine.EnumerateArray(), s => s.GetProperty("servantId").GetGuid() == q.Body["spec2"]);
        Assert.Equal("reprimand", sheet.GetProperty("sanctionsInQuarter")[0].GetProperty("kind").GetString());
        Assert.Contains("appendix-1", sheet.GetProperty("capRule").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(sheet.GetProperty("parameters")[0].GetProperty("guidanceKk").GetString()));
        Assert.Equal((4.00m, 2.99m, "reprimand"), (preview.GetProperty("average").GetDecimal(), preview.GetProperty("score").GetDecimal(), preview.GetProperty("cappedBy").GetString()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, partial.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Result_IsOpenedOnlyByTheServant_TheEvaluator_AndTheHeadOfHr_OthersGetNotFound_InTheApiAndTheDocument(string provider)
    {
        var q = await NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var id = (await q.SheetSummaryAsync("spec1")).GetProperty("id").GetGuid();
        var head = await q.AsAsync("head");
        var version = JsonDocument.Parse(await head.GetStringAsync($"{q.Path}/sheets/{id}")).RootElement.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version, scores = NonLeaderFours })).StatusCode);

        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var user in new[] { "spec1", "head", "hrhead", "hr", "colleague", "spec2", "authorized" })
        {
            statuses[user] = (await (await q.AsAsync(user)).GetAsync($"{q.Path}/sheets/{id}")).StatusCode;
        }

        var servant = await q.AsAsync("spec1");
        var pdf = await servant.GetAsync($"{q.Path}/sheets/{id}/document?format=pdf&lang=kk");
        var docx = await servant.GetAsync($"{q.Path}/sheets/{id}/document?format=docx&lang=ru");
        var otherDoc = await (await q.AsAsync("colleague")).GetAsync($"{q.Path}/sheets/{id}/document?format=pdf&lang=kk");
        var badFormat = await servant.GetAsync($"{q.Path}/sheets/{id}/document?format=odt");
        var otherAck = await (await q.AsAsync("colleague")).PostAsync($"{q.Path}/sheets/{id}/acknowledge", null);
        var ack = await servant.PostAsync($"{q.Path}/sheets/{id}/acknowledge", null);
        var ackAgain = await servant.PostAsync($"{q.Path}/sheets/{id}/acknowledge", null);

        Assert.Equal(HttpStatusCode.OK, statuses["spec1"]);
        Assert.Equal(HttpStatusCode.OK, statuses["head"]);
        Assert.Equal(HttpStatusCode.OK, statuses["hrhead"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["hr"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["colleague"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["spec2"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["authorized"]);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await docx.Content.ReadAsByteArrayAsync())[..2]));
        Assert.Equal(HttpStatusCode.NotFound, otherDoc.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherAck.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("2026-07-01", JsonDocument.Parse(await ack.Content.ReadAsStringAsync()).RootElement.GetProperty("acknowledgedOn").GetString());
        Assert.Equal(HttpStatusCode.Conflict, ackAgain.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Annual_ThroughTheApi_GivesEachQuartersContribution_AndIsRefusedToAColleague(string provider)
    {
        var q = await NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var id = (await q.SheetSummaryAsync("spec1")).GetProperty("id").GetGuid();
        var head = await q.AsAsync("head");
        var version = JsonDocument.Parse(await head.GetStringAsync($"{q.Path}/sheets/{id}")).RootElement.GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version, scores = NonLeaderFours })).StatusCode);

        var annual = JsonDocument.Parse(await (await q.AsAsync("spec1")).GetStringAsync($"{q.Path}/annual/{q.Body["spec1"]}?pack=nhrc&year=2026")).RootElement;
        var colleague = await (await q.AsAsync("colleague")).GetAsync($"{q.Path}/annual/{q.Body["spec1"]}?pack=nhrc&year=2026");
        var noYear = await (await q.AsAsync("spec1")).GetAsync($"{q.Path}/annual/{q.Body["spec1"]}?pack=nhrc");

        Assert.Equal((4.00m, "effective", 1), (annual.GetProperty("score").GetDecimal(), annual.GetProperty("grade").GetString(), annual.GetProperty("quartersCounted").GetInt32()));
        var q2 = annual.GetProperty("quarters").EnumerateArray().Single(x => x.GetProperty("quarter").GetInt32() == 2);
        Assert.Equal(("evaluated", 4.00m), (q2.GetProperty("status").GetString(), q2.GetProperty("share").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound, colleague.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noYear.StatusCode);
    }
}
