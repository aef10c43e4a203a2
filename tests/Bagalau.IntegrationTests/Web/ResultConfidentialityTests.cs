using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>
/// nhrc clause 13 (oskemen 15, 20): a quarter's results are known only to the servant, the
/// evaluator, the head of HR and the calibration participants. An ordinary HR officer, a
/// colleague of the same unit and a user of another body get not-found for the sheet, its
/// document and the annual score, in the API and on the pages.
/// </summary>
public class ResultConfidentialityTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SheetDocumentAndAnnualScore_ForAnHrOfficerAColleagueOfTheUnitAndAnOutsider_AreNotFound(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var summary = await q.SheetSummaryAsync("spec1");
        var id = summary.GetProperty("id").GetGuid();
        var head = await q.AsAsync("head");
        var submitted = await head.PostAsJsonAsync($"{q.Path}/sheets/{id}/submit", new { version = summary.GetProperty("version").GetInt32(), scores = ApiQuarterlyTests.NonLeaderFours });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        // The outsider: HR of another body, signed in with a valid token.
        var other = await Body2023.CreateAsync(host.Services, "api-out", new DateOnly(2020, 1, 1));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(other.User("hrhead")))!, WebTestHost.Password)).Succeeded);
        }

        var token = await host.Client().PostAsJsonAsync("/api/v1/auth/token", new { email = "hrhead.api-out@bagalau.example", password = WebTestHost.Password });
        var outsider = host.Client();
        outsider.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString());

        var clients = new Dictionary<string, HttpClient> { ["hr"] = await q.AsAsync("hr"), ["spec2"] = await q.AsAsync("spec2"), ["outsider"] = outsider };
        foreach (var (who, client) in clients)
        {
            var sheet = await client.GetAsync($"{q.Path}/sheets/{id}");
            var document = await client.GetAsync($"{q.Path}/sheets/{id}/document?format=pdf&lang=kk");
            var annual = await client.GetAsync($"{q.Path}/annual/{q.Body["spec1"]}?pack=nhrc&year=2026");

            Assert.True(sheet.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{who}: sheet {sheet.StatusCode}");
            Assert.True(document.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{who}: document {document.StatusCode}");
            Assert.True(annual.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{who}: annual {annual.StatusCode}");
            Assert.DoesNotContain("\"score\"", await sheet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // HR still sees that the sheet exists and its state (administration), never a score.
        var round = await (await q.AsAsync("hr")).GetStringAsync($"{q.Path}/rounds/{q.RoundId}/sheets");
        Assert.Contains("\"state\":\"submitted\"", round, StringComparison.Ordinal);
        Assert.DoesNotContain("\"score\"", round, StringComparison.Ordinal);
        Assert.DoesNotContain("\"average\"", round, StringComparison.Ordinal);

        // The servant, the evaluator and the head of HR open it.
        foreach (var who in new[] { "spec1", "head", "hrhead" })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await q.AsAsync(who)).GetAsync($"{q.Path}/sheets/{id}")).StatusCode);
        }
    }
}
