using System.Net;
using System.Text.Json;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Packs;
using Bagalau.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bagalau.IntegrationTests.Web.ApiQuarterlyTests;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The service record (issues 4 and 5): listed newest first, open to the servant and HR only, in the API and the page.</summary>
public class ServiceRecordTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ServiceRecord_IsListedNewestFirst_ToTheServantAndHr_OthersGetNotFound_AndEachReadingIsAudited(string provider)
    {
        var q = await NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var spec1 = q.Body["spec1"];
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
            db.ServiceRecordEntries.AddRange(
                new ServiceRecordEntry(q.Body.BodyId, spec1, new DateOnly(2025, 1, 20), "rating-sheet", Guid.NewGuid(), null,
                    new LocalizedText("Бағалау нәтижесі: тиімді. Қызметші танысты", "Результат оценки: эффективно. Служащий ознакомлен", "Evaluation result: effective. Acknowledged by the servant")),
                new ServiceRecordEntry(q.Body.BodyId, spec1, new DateOnly(2026, 7, 3), "rating-sheet", Guid.NewGuid(), null,
                    new LocalizedText("Бағалау нәтижесі: өте тиімді. Қызметші танысты (мерзімінен кеш)", "Результат оценки: очень эффективно. Служащий ознакомлен (с опозданием)", "Evaluation result: highly effective. Acknowledged by the servant (late)")));
            await db.SaveChangesAsync();
        }

        var path = $"/api/v1/bodies/{q.Body.BodyId}/servants/{spec1}/service-record";
        var statuses = new Dictionary<string, HttpStatusCode>();
        foreach (var user in new[] { "spec1", "hr", "hrhead", "head", "colleague", "authorized" })
        {
            statuses[user] = (await (await q.AsAsync(user)).GetAsync(path)).StatusCode;
        }

        var servant = await q.AsAsync("spec1");
        using var inRussian = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Accept-Language", "ru" } } };
        var lines = JsonDocument.Parse(await (await servant.SendAsync(inRussian)).Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        var page = await servant.GetAsync($"/bodies/{q.Body.BodyId}/servants/{spec1}/service-record");
        var pageHtml = await page.Content.ReadAsStringAsync();
        var home = await servant.GetStringAsync($"/bodies/{q.Body.BodyId}");
        var colleaguePage = await (await q.AsAsync("colleague")).GetAsync($"/bodies/{q.Body.BodyId}/servants/{spec1}/service-record");

        Assert.Equal(HttpStatusCode.OK, statuses["spec1"]);
        Assert.Equal(HttpStatusCode.OK, statuses["hr"]);
        Assert.Equal(HttpStatusCode.OK, statuses["hrhead"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["head"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["colleague"]);
        Assert.Equal(HttpStatusCode.NotFound, statuses["authorized"]);
        Assert.Equal(["2026-07-03", "2025-01-20"], lines.Select(l => l.GetProperty("on").GetString()));
        Assert.Equal("Результат оценки: очень эффективно. Служащий ознакомлен (с опозданием)", lines[0].GetProperty("text").GetString());
        Assert.Equal("Бағалау нәтижесі: өте тиімді. Қызметші танысты (мерзімінен кеш)", lines[0].GetProperty("textKk").GetString());
        Assert.Equal("Evaluation result: highly effective. Acknowledged by the servant (late)", lines[0].GetProperty("textEn").GetString());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Қызметтік тізім", pageHtml);
        Assert.Contains("Бағалау нәтижесі: тиімді. Қызметші танысты", pageHtml);
        Assert.Contains($"/bodies/{q.Body.BodyId}/servants/{spec1}/service-record", home);
        Assert.Equal(HttpStatusCode.NotFound, colleaguePage.StatusCode);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
            Assert.Equal(5, await db.AuditRecords.CountAsync(r => r.Action == "read" && r.Entity == "ServiceRecord" && r.EntityKey == spec1.ToString()));
        }
    }
}
