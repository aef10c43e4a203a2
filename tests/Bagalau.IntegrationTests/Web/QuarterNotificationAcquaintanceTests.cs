using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Acquaintance;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Web;

/// <summary>
/// The notification of a servant evaluated without participation goes through the shared
/// acquaintance module: channel and date once, one service-record entry, audited; nhrc 9's
/// «есепті тоқсаннан кейінгі айдың ішінде» (31 July for 2026-Q2) flags a later one as late.
/// The nhrc test body of <see cref="QuarterNotificationTests"/>: spec1 dismissed on 20 June.
/// </summary>
public class QuarterNotificationAcquaintanceTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>Both sides of the deadline on every provider: the last day of July is on time, 3 August is late.</summary>
    public static TheoryData<string, string, bool> DeadlineSides
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var provider in TestDatabases.Providers)
            {
                data.Add(provider, "2026-07-31", false);
                data.Add(provider, "2026-08-03", true);
            }

            return data;
        }
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<(HttpStatusCode Status, string? Code)> Problem(HttpResponseMessage response) =>
        (response.StatusCode, (await Json(response)).TryGetProperty("code", out var code) ? code.GetString() : null);

    private static Task<HttpResponseMessage> NotifyAsync(HttpClient client, ApiQuarterlyTests.Quarter q, JsonElement sheet, string channel, string date) =>
        client.PostAsJsonAsync(
            $"{q.Path}/sheets/{sheet.GetProperty("id").GetGuid()}/notification",
            new { version = sheet.GetProperty("version").GetInt32(), channel, date });

    /// <summary>"Today" becomes 5 August 2026; the API clients signed in on 1 July have expired tokens, so new ones sign in.</summary>
    private static ApiQuarterlyTests.Quarter AfterTheMonth(ApiQuarterlyTests.Quarter q)
    {
        q.Clock.Now = new DateTimeOffset(2026, 8, 5, 9, 0, 0, TimeSpan.Zero);
        return new ApiQuarterlyTests.Quarter(q.Host, q.Body, q.Clock, q.RoundId);
    }

    private static Task<List<ResultAcquaintance>> AcquaintancesAsync(ApiQuarterlyTests.Quarter q, Guid servant) =>
        q.Host.WithDbAsync(db => db.Acquaintances.AsNoTracking().Where(a => a.ServantId == servant).ToListAsync());

    private static Task<List<ServiceRecordEntry>> ServiceRecordAsync(ApiQuarterlyTests.Quarter q, Guid servant) =>
        q.Host.WithDbAsync(db => db.ServiceRecordEntries.AsNoTracking().Where(e => e.ServantId == servant).ToListAsync());

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Notification_GoesThroughTheAcquaintanceModule_WritesOneServiceRecordEntryWithChannelAndDate_AndIsAudited(string provider)
    {
        var q = await QuarterNotificationTests.SubmittedQuarterAsync(provider);
        await using var host = q.Host;
        var hr = await q.AsAsync("hr");
        var sheet = await q.SheetSummaryAsync("spec1");
        var spec1 = q.Body["spec1"];
        Assert.Equal(("2026-07-31", "9"), (sheet.GetProperty("notifyBy").GetString(), sheet.GetProperty("notifyByClause").GetString()));

        var recorded = await NotifyAsync(hr, q, sheet, "registered-letter", "2026-07-01");
        var again = await NotifyAsync(hr, q, await q.SheetSummaryAsync("spec1"), "sms", "2026-07-01");

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.False((await Json(recorded)).GetProperty("notifiedLate").GetBoolean());
        Assert.Equal((HttpStatusCode.Conflict, "wrong-state"), await Problem(again));
        var acquaintance = Assert.Single(await AcquaintancesAsync(q, spec1));
        Assert.Equal(
            (QuarterCloseService.AcquaintanceSubject, sheet.GetProperty("id").GetGuid(), AcquaintanceState.Notified, (NotificationChannel?)NotificationChannel.RegisteredLetter, (DateOnly?)new DateOnly(2026, 7, 1)),
            (acquaintance.SubjectType, acquaintance.SubjectId, acquaintance.State, acquaintance.Channel, acquaintance.NotifiedOn));
        Assert.Equal((new DateOnly(2026, 7, 31), "9", "nhrc", false), (acquaintance.Due, acquaintance.DueClause, acquaintance.PackId, acquaintance.Late));
        var entry = Assert.Single(await ServiceRecordAsync(q, spec1));
        Assert.Equal((new DateOnly(2026, 7, 1), acquaintance.Id), (entry.On, entry.AcquaintanceId!.Value));
        Assert.Contains("registered-letter", entry.TextKk, StringComparison.Ordinal);
        Assert.Contains("2026-Q2", entry.TextRu, StringComparison.Ordinal);
        var audited = await host.WithDbAsync(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(ResultAcquaintance) || a.Entity == nameof(ServiceRecordEntry)).ToListAsync());
        Assert.Contains(audited, a => a.Entity == nameof(ResultAcquaintance) && a.EntityKey.Contains(acquaintance.Id.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains(audited, a => a.Entity == nameof(ServiceRecordEntry) && a.EntityKey.Contains(entry.Id.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(DeadlineSides))]
    public async Task Notification_AfterTheMonthAfterTheQuarter_IsRecorded_ButFlaggedLate_Nhrc9(string provider, string notifiedOn, bool late)
    {
        var q = await QuarterNotificationTests.SubmittedQuarterAsync(provider);
        await using var host = q.Host;
        q = AfterTheMonth(q);
        var hr = await q.AsAsync("hr");

        var recorded = await NotifyAsync(hr, q, await q.SheetSummaryAsync("spec1"), "email", notifiedOn);

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(late, (await Json(recorded)).GetProperty("notifiedLate").GetBoolean());
        Assert.Equal(late, Assert.Single(await AcquaintancesAsync(q, q.Body["spec1"])).Late);
        var entry = Assert.Single(await ServiceRecordAsync(q, q.Body["spec1"]));
        Assert.Equal(late, entry.TextKk.EndsWith("(мерзімінен кеш)", StringComparison.Ordinal));
        Assert.Equal(late, entry.TextEn.EndsWith("(late)", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Notification_OfAServantWhoAlreadyAcknowledged_IsRefused_AndWritesNoServiceRecordEntry(string provider)
    {
        var q = await QuarterNotificationTests.SubmittedQuarterAsync(provider);
        await using var host = q.Host;
        var hr = await q.AsAsync("hr");
        var servant = await q.AsAsync("spec1");
        var sheet = await q.SheetSummaryAsync("spec1");
        var acknowledged = await servant.PostAsync($"{q.Path}/sheets/{sheet.GetProperty("id").GetGuid()}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);

        var notified = await NotifyAsync(hr, q, await q.SheetSummaryAsync("spec1"), "sms", "2026-07-01");

        Assert.Equal((HttpStatusCode.Conflict, "wrong-state"), await Problem(notified));
        Assert.Empty(await AcquaintancesAsync(q, q.Body["spec1"]));
        Assert.Empty(await ServiceRecordAsync(q, q.Body["spec1"]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RefusedNotifications_WriteNoAcquaintanceAndNoServiceRecordEntry(string provider)
    {
        var q = await QuarterNotificationTests.SubmittedQuarterAsync(provider);
        await using var host = q.Host;
        var hr = await q.AsAsync("hr");
        var evaluator = await q.AsAsync("head");
        var dismissed = await q.SheetSummaryAsync("spec1");

        var refused = new[]
        {
            await NotifyAsync(hr, q, dismissed, "pigeon", "2026-07-01"),
            await NotifyAsync(hr, q, dismissed, "sms", "2026-06-30"),
            await NotifyAsync(hr, q, dismissed, "sms", "2026-07-02"),
            await NotifyAsync(evaluator, q, dismissed, "sms", "2026-07-01"),
            await NotifyAsync(hr, q, await q.SheetSummaryAsync("spec2"), "sms", "2026-07-01"),
        };

        Assert.Equal(
            new (HttpStatusCode, string?)[] { (HttpStatusCode.UnprocessableEntity, "unknown-channel"), (HttpStatusCode.UnprocessableEntity, "notification-before-result"), (HttpStatusCode.UnprocessableEntity, "notification-in-future"), (HttpStatusCode.Forbidden, "not-allowed"), (HttpStatusCode.UnprocessableEntity, "servant-present") },
            await Task.WhenAll(refused.Select(Problem)));
        var acquaintances = await q.Host.WithDbAsync(db => db.Acquaintances.AsNoTracking().CountAsync());
        var entries = await q.Host.WithDbAsync(db => db.ServiceRecordEntries.AsNoTracking().CountAsync());
        Assert.Equal((0, 0), (acquaintances, entries));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RoundPage_ShowsTheDeadlineAndClause_AndFlagsALateNotification(string provider)
    {
        var q = await QuarterNotificationTests.SubmittedQuarterAsync(provider);
        await using var host = q.Host;
        q = AfterTheMonth(q);
        var hr = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(hr, "hr.api-q23@bagalau.example")).StatusCode);
        var path = $"/bodies/{q.Body.BodyId}/quarters/rounds/{q.RoundId}";
        var sheet = await q.SheetSummaryAsync("spec1");

        var before = await hr.GetStringAsync(path);
        var posted = await Forms.PostAsync(hr, path, new Dictionary<string, string>
        {
            ["sheetId"] = sheet.GetProperty("id").GetGuid().ToString(),
            ["version"] = sheet.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["channel"] = "registered-letter",
            ["notifiedOn"] = "2026-08-04",
        }, path + "?handler=Notify");
        var after = await hr.GetStringAsync(path);

        Assert.Contains("data-test=\"notify-by\">Хабарлау мерзімі: 31.07.2026 (nhrc, 9-тармақ)<", before, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"notified-late\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("data-test=\"notified-late\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"notify-by\"", after, StringComparison.Ordinal);
        Assert.True(Assert.Single(await AcquaintancesAsync(q, q.Body["spec1"])).Late);
    }
}
