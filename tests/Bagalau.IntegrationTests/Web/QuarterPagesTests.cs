using System.Globalization;
using System.Net;
using System.Resources;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The quarterly-2023 pages on the nhrc test body, Q2 2026, without JavaScript.</summary>
public class QuarterPagesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<HttpClient> SignedInAsync(WebTestHost host, string user)
    {
        var client = host.Client();
        var response = await Forms.SignInAsync(client, $"{user}.api-q23@bagalau.example");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public void QuarterTexts_ExistInKazakhRussianAndEnglish_WithNoEmptyValue()
    {
        var manager = new ResourceManager("Bagalau.Web.Resources.QuarterText", typeof(Bagalau.Web.QuarterText).Assembly);
        var sets = new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("ru"), CultureInfo.GetCultureInfo("en") }
            .Select(c => manager.GetResourceSet(c, createIfNotExists: true, tryParents: false)!.Cast<System.Collections.DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string?)e.Value))
            .ToList();

        Assert.True(sets[0].Count > 50, "The Kazakh (neutral) quarter texts look empty.");
        Assert.Equal(sets[0].Keys.Order(StringComparer.Ordinal), sets[1].Keys.Order(StringComparer.Ordinal));
        Assert.Equal(sets[0].Keys.Order(StringComparer.Ordinal), sets[2].Keys.Order(StringComparer.Ordinal));
        Assert.All(sets.SelectMany(s => s.Values), v => Assert.False(string.IsNullOrWhiteSpace(v)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Evaluator_FillsTheSheetWithoutScript_TheCapIsExplained_AndTheServantAcknowledges_OthersGetNotFound(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var bodyId = q.Body.BodyId;
        var spec2 = (await q.SheetSummaryAsync("spec2")).GetProperty("id").GetGuid();
        var page = $"/bodies/{bodyId}/quarters/sheets/{spec2}";
        var head = await SignedInAsync(host, "head");

        var mine = await head.GetStringAsync($"/bodies/{bodyId}/quarters/mine");
        var form = await head.GetStringAsync(page);
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"SheetVersion\" value=\"(\\d+)\"").Groups[1].Value;
        string[] ids = ["quality", "timeliness", "initiative", "discipline", "no-sanctions"];
        var fields = new Dictionary<string, string> { ["SheetVersion"] = version };
        for (var i = 0; i < ids.Length; i++)
        {
            fields[$"Scores[{i}].ParameterId"] = ids[i];
            fields[$"Scores[{i}].Score"] = i == 0 ? "4,5" : "4";
        }

        fields["Scores[0].Comment"] = "уақытында";
        var missing = await Forms.PostAsync(head, page, new Dictionary<string, string>(fields) { ["Scores[4].Score"] = string.Empty }, page + "?handler=Submit");
        var submitted = await Forms.PostAsync(head, page, fields, page + "?handler=Submit");
        var result = await head.GetStringAsync(page);
        var again = await Forms.PostAsync(head, page, fields, page + "?handler=Submit");

        Assert.Contains("Қызметші spec2", mine, StringComparison.Ordinal);
        Assert.Contains("Есепке алынады: - ", form, StringComparison.Ordinal);
        Assert.Contains("data-test=\"cap-rule\"", form, StringComparison.Ordinal);
        Assert.Contains("rating-sheet.js", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("no-sanctions", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("data-test=\"average\">4.10<", result, StringComparison.Ordinal);
        Assert.Contains("data-test=\"score\">2.99<", result, StringComparison.Ordinal);
        Assert.Contains("data-test=\"cap-reason\"", result, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"sheet-form\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var servant = await SignedInAsync(host, "spec2");
        var own = await servant.GetStringAsync(page);
        var ack = await Forms.PostAsync(servant, page, new Dictionary<string, string>(), page + "?handler=Acknowledge");
        var after = await servant.GetStringAsync(page);
        var pdf = await servant.GetAsync(page + "?handler=Document&format=pdf&lang=kk");

        Assert.Contains("data-test=\"acknowledge\"", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        Assert.Contains("data-test=\"acknowledged-on\"", after, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);

        foreach (var other in new[] { "colleague", "hr", "spec1" })
        {
            var client = await SignedInAsync(host, other);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page + "?handler=Document&format=pdf&lang=kk")).StatusCode);
        }

        var hrHead = await SignedInAsync(host, "hrhead");
        Assert.Equal(HttpStatusCode.OK, (await hrHead.GetAsync(page)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RoundPage_ShowsHrWhoIsEvaluatedAndHow_AndIsForbiddenToAServant(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var path = $"/bodies/{q.Body.BodyId}/quarters/rounds/{q.RoundId}";
        var hr = await SignedInAsync(host, "hr");
        var servant = await SignedInAsync(host, "spec1");

        var html = await hr.GetStringAsync(path);
        var index = await hr.GetStringAsync($"/bodies/{q.Body.BodyId}/quarters");
        var byServant = await servant.GetAsync(path);

        Assert.Contains("Кезеңде 15 жұмыс күнінен аз", html, StringComparison.Ordinal);
        Assert.Contains("Лауазымда бір айдан аз", html, StringComparison.Ordinal);
        Assert.Contains("басшы емес", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"average\"", html, StringComparison.Ordinal);
        Assert.Contains("data-test=\"round-2026-Q2\"", index, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byServant.StatusCode);
    }
}
