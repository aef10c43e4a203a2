using System.Net;
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

/// <summary>
/// oskemen 11, nhrc 9: HR records how and when a servant evaluated without participation was
/// notified of the quarter's result. The nhrc test body, Q2 2026: spec1 dismissed on 20 June
/// (evaluated without participation, clause 6), spec2 present; both sheets submitted by the
/// unit head on 1 July ("today").
/// </summary>
public class QuarterNotificationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    internal static async Task<ApiQuarterlyTests.Quarter> SubmittedQuarterAsync(string provider)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?> { ["Bagalau:SignInRateLimit:PermitLimit"] = "100" }, clock);
        var body = await Body2023.CreateAsync(host.Services, "api-q23", new DateOnly(2020, 1, 1));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
            foreach (var id in body.Users.Values)
            {
                Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(id))!, WebTestHost.Password)).Succeeded);
            }

            var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
            var spec1 = await db.Servants.Include(s => s.Dismissals).SingleAsync(s => s.Id == body["spec1"]);
            Assert.True(spec1.Dismiss(new DateOnly(2026, 6, 20), "өз еркімен").IsSuccess);
            await db.SaveChangesAsync();
        }

        var quarter = new ApiQuarterlyTests.Quarter(host, body, clock, Guid.Empty);
        var hr = await quarter.AsAsync("hr");
        var round = await Json(await hr.PostAsJsonAsync($"{quarter.Path}/rounds", new { packId = "nhrc", quarter = "2026-Q2", evaluationDate = "2026-07-10" }));
        var authorized = await quarter.AsAsync("authorized");
        var approved = await authorized.PostAsJsonAsync($"{quarter.Path}/rounds/{round.GetProperty("id").GetGuid()}/approve", new { version = round.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        quarter = quarter with { RoundId = round.GetProperty("id").GetGuid() };
        var evaluator = await quarter.AsAsync("head");
        foreach (var servant in new[] { "spec1", "spec2" })
        {
            var sheet = await quarter.SheetSummaryAsync(servant);
            var submitted = await evaluator.PostAsJsonAsync(
                $"{quarter.Path}/sheets/{sheet.GetProperty("id").GetGuid()}/submit", new { version = sheet.GetProperty("version").GetInt32(), scores = ApiQuarterlyTests.NonLeaderFours });
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        }

        return quarter;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<(HttpStatusCode Status, string? Code)> Problem(HttpResponseMessage response) =>
        (response.StatusCode, (await Json(response)).TryGetProperty("code", out var code) ? code.GetString() : null);

    private static Task<HttpResponseMessage> NotifyAsync(HttpClient client, ApiQuarterlyTests.Quarter q, JsonElement sheet, string channel, string date, int? version = null) =>
        client.PostAsJsonAsync(
            $"{q.Path}/sheets/{sheet.GetProperty("id").GetGuid()}/notification",
            new { version = version ?? sheet.GetProperty("version").GetInt32(), channel, date });

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Notification_OfADismissedServant_IsRecordedOnce_AndTheResultCountsAsAcquainted(string provider)
    {
        var q = await SubmittedQuarterAsync(provider);
        await using var host = q.Host;
        var hr = await q.AsAsync("hr");
        var sheet = await q.SheetSummaryAsync("spec1");
        Assert.Equal("without-participation", sheet.GetProperty("participation").GetString());
        Assert.Equal(JsonValueKind.Null, sheet.GetProperty("acquaintedOn").ValueKind);

        var recorded = await NotifyAsync(hr, q, sheet, "registered-letter", "2026-07-01");
        var again = await NotifyAsync(hr, q, await q.SheetSummaryAsync("spec1"), "sms", "2026-07-01");
        var after = await q.SheetSummaryAsync("spec1");

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(("2026-07-01", "registered-letter"), (after.GetProperty("acquaintedOn").GetString(), after.GetProperty("notificationChannel").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "wrong-state"), await Problem(again));
        var stored = await host.WithDbAsync(db => db.RatingSheets.AsNoTracking().SingleAsync(s => s.Id == sheet.GetProperty("id").GetGuid()));
        Assert.Equal((new DateOnly(2026, 7, 1), Domain.Acquaintance.NotificationChannel.RegisteredLetter), (stored.NotifiedOn!.Value, stored.NotificationChannel!.Value));
        var audit = await host.WithDbAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == "RatingSheet").ToListAsync());
        Assert.Single(audit, a => a.EntityKey.Contains(stored.Id.ToString(), StringComparison.OrdinalIgnoreCase) && (a.After ?? string.Empty).Contains("registered-letter", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Notification_IsRefused_ForAPresentServant_AFutureDate_ANonHrUser_AStaleVersion_AndAnUnknownChannel(string provider)
    {
        var q = await SubmittedQuarterAsync(provider);
        await using var host = q.Host;
        var hr = await q.AsAsync("hr");
        var evaluator = await q.AsAsync("head");
        var dismissed = await q.SheetSummaryAsync("spec1");
        var present = await q.SheetSummaryAsync("spec2");

        var forPresent = await NotifyAsync(hr, q, present, "sms", "2026-07-01");
        var future = await NotifyAsync(hr, q, dismissed, "sms", "2026-07-02");
        var beforeResult = await NotifyAsync(hr, q, dismissed, "sms", "2026-06-30");
        var byEvaluator = await NotifyAsync(evaluator, q, dismissed, "sms", "2026-07-01");
        var stale = await NotifyAsync(hr, q, dismissed, "sms", "2026-07-01", dismissed.GetProperty("version").GetInt32() - 1);
        var unknown = await NotifyAsync(hr, q, dismissed, "pigeon", "2026-07-01");
        var missing = await hr.PostAsJsonAsync($"{q.Path}/sheets/{dismissed.GetProperty("id").GetGuid()}/notification", new { version = 1, channel = "sms" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "servant-present"), await Problem(forPresent));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "notification-in-future"), await Problem(future));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "notification-before-result"), await Problem(beforeResult));
        Assert.Equal((HttpStatusCode.Forbidden, "not-allowed"), await Problem(byEvaluator));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "unknown-channel"), await Problem(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await q.SheetSummaryAsync("spec1")).GetProperty("acquaintedOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await q.SheetSummaryAsync("spec2")).GetProperty("acquaintedOn").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RoundPage_ShowsWhoAwaitsAcquaintance_AndHrRecordsTheNotificationThere(string provider)
    {
        var q = await SubmittedQuarterAsync(provider);
        await using var host = q.Host;
        var hr = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(hr, "hr.api-q23@bagalau.example")).StatusCode);
        var path = $"/bodies/{q.Body.BodyId}/quarters/rounds/{q.RoundId}";
        var sheet = await q.SheetSummaryAsync("spec1");

        var before = await hr.GetStringAsync(path);
        var posted = await Forms.PostAsync(hr, path, new Dictionary<string, string>
        {
            ["sheetId"] = sheet.GetProperty("id").GetGuid().ToString(),
            ["version"] = sheet.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["channel"] = "sms",
            ["notifiedOn"] = "2026-07-01",
        }, path + "?handler=Notify");
        var after = await hr.GetStringAsync(path);

        Assert.Equal(1, CountOf(before, "data-test=\"notify-form\""));
        Assert.Equal(2, CountOf(before, "data-test=\"awaits\""));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(0, CountOf(after, "data-test=\"notify-form\""));
        Assert.Equal(1, CountOf(after, "data-test=\"awaits\""));
        Assert.Contains("data-test=\"acquainted\"", after, StringComparison.Ordinal);
        Assert.Contains("Хабарланды:", after, StringComparison.Ordinal);
    }

    private static int CountOf(string html, string what)
    {
        var count = 0;
        for (var i = html.IndexOf(what, StringComparison.Ordinal); i >= 0; i = html.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
