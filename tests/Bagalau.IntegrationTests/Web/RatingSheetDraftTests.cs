using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>A rating sheet's draft: saved part-filled, reloaded, then submitted; the nhrc body, Q2 2026.</summary>
public class RatingSheetDraftTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly object[] ThreeOfFive =
    [
        new { parameterId = "quality", score = 4.5m, comment = "жоба" }, new { parameterId = "timeliness", score = 4 }, new { parameterId = "initiative", score = 3 },
    ];

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string?> CodeOf(HttpResponseMessage response) =>
        (await JsonOf(response)).TryGetProperty("code", out var code) ? code.GetString() : null;

    private static decimal? ScoreOf(JsonElement sheet, string parameter)
    {
        var p = sheet.GetProperty("parameters").EnumerateArray().Single(x => x.GetProperty("id").GetString() == parameter).GetProperty("score");
        return p.ValueKind == JsonValueKind.Null ? null : p.GetDecimal();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Draft_WithMissingParameters_IsSavedAndAudited_HiddenFromTheServant_ThenSubmitRefusesTheGapAndAcceptsTheFullSheet(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var summary = await q.SheetSummaryAsync("spec1");
        var sheet = $"{q.Path}/sheets/{summary.GetProperty("id").GetGuid()}";
        var head = await q.AsAsync("head");

        var draft = await head.PostAsJsonAsync($"{sheet}/draft", new { version = summary.GetProperty("version").GetInt32(), scores = ThreeOfFive });
        var saved = await JsonOf(draft);
        var reloaded = JsonDocument.Parse(await head.GetStringAsync(sheet)).RootElement;
        var byServant = JsonDocument.Parse(await (await q.AsAsync("spec1")).GetStringAsync(sheet)).RootElement;
        var incomplete = await head.PostAsJsonAsync($"{sheet}/submit", new { version = saved.GetProperty("version").GetInt32(), scores = ThreeOfFive });
        var submitted = await head.PostAsJsonAsync($"{sheet}/submit", new { version = saved.GetProperty("version").GetInt32(), scores = ApiQuarterlyTests.NonLeaderFours });
        var audited = await host.WithDbAsync(db => db.AuditRecords.CountAsync(r => r.Action == "update" && r.Entity == nameof(RatingSheet)));

        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        Assert.Equal(("open", true), (saved.GetProperty("state").GetString(), saved.GetProperty("canFill").GetBoolean()));
        Assert.True(saved.GetProperty("version").GetInt32() > summary.GetProperty("version").GetInt32());
        Assert.Equal((4.5m, 4m, 3m, (decimal?)null), (ScoreOf(reloaded, "quality"), ScoreOf(reloaded, "timeliness"), ScoreOf(reloaded, "initiative"), ScoreOf(reloaded, "discipline")));
        Assert.Equal("жоба", reloaded.GetProperty("parameters")[0].GetProperty("comment").GetString());
        Assert.Null(ScoreOf(byServant, "quality"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "score-missing"), (incomplete.StatusCode, await CodeOf(incomplete)));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("submitted", (await JsonOf(submitted)).GetProperty("state").GetString());
        Assert.True(audited >= 2, $"draft and submission audited as updates of the sheet, found {audited}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Draft_Stale_IsAConflict_OutOfScale_IsRefused_AfterSubmission_IsRefused_AndByAnotherUser_IsNotFound(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var summary = await q.SheetSummaryAsync("spec1");
        var sheet = $"{q.Path}/sheets/{summary.GetProperty("id").GetGuid()}";
        var read = summary.GetProperty("version").GetInt32();
        var head = await q.AsAsync("head");

        var byServant = await (await q.AsAsync("spec1")).PostAsJsonAsync($"{sheet}/draft", new { version = read, scores = ThreeOfFive });
        var byHr = await (await q.AsAsync("hr")).PostAsJsonAsync($"{sheet}/draft", new { version = read, scores = ThreeOfFive });
        var six = await head.PostAsJsonAsync($"{sheet}/draft", new { version = read, scores = new object[] { new { parameterId = "quality", score = 6 } } });
        var unknown = await head.PostAsJsonAsync($"{sheet}/draft", new { version = read, scores = new object[] { new { parameterId = "leadership", score = 3 } } });
        var first = await head.PostAsJsonAsync($"{sheet}/draft", new { version = read, scores = ThreeOfFive });
        var stale = await head.PostAsJsonAsync($"{sheet}/draft", new { version = read, scores = ThreeOfFive });
        var current = (await JsonOf(first)).GetProperty("version").GetInt32();
        var submitted = await head.PostAsJsonAsync($"{sheet}/submit", new { version = current, scores = ApiQuarterlyTests.NonLeaderFours });
        var after = (await JsonOf(submitted)).GetProperty("version").GetInt32();
        var late = await head.PostAsJsonAsync($"{sheet}/draft", new { version = after, scores = ThreeOfFive });
        var stored = await host.WithDbAsync(db => db.RatingSheets.AsNoTracking().SingleAsync(s => s.Id == summary.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.NotFound, byServant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byHr.StatusCode);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "score-out-of-range"), (six.StatusCode, await CodeOf(six)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "unknown-parameter"), (unknown.StatusCode, await CodeOf(unknown)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "concurrency-conflict"), (stale.StatusCode, await CodeOf(stale)));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "sheet-already-submitted"), (late.StatusCode, await CodeOf(late)));
        Assert.Equal((SheetState.Submitted, 5, 4.00m), (stored.State, stored.Scores.Count, stored.Average!.Value));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Page_SaveDraft_KeepsThePartScoresAndShowsThemAgain_WithoutSubmitting(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var id = (await q.SheetSummaryAsync("spec1")).GetProperty("id").GetGuid();
        var page = $"/bodies/{q.Body.BodyId}/quarters/sheets/{id}";
        var head = host.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(head, "head.api-q23@bagalau.example")).StatusCode);

        var form = await head.GetStringAsync(page);
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"SheetVersion\" value=\"(\\d+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["SheetVersion"] = version,
            ["Scores[0].ParameterId"] = "quality", ["Scores[0].Score"] = "3,5", ["Scores[0].Comment"] = "жартылай",
            ["Scores[1].ParameterId"] = "timeliness", ["Scores[1].Score"] = string.Empty,
        };
        var draft = await Forms.PostAsync(head, page, fields, page + "?handler=SaveDraft");
        var reloaded = await head.GetStringAsync(page);

        Assert.Contains("data-test=\"save-draft\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Contains("data-test=\"sheet-form\"", reloaded, StringComparison.Ordinal);
        Assert.Contains("value=\"3.5\"", reloaded, StringComparison.Ordinal);
        Assert.Contains(">жартылай</textarea>", reloaded, StringComparison.Ordinal);
        Assert.Contains("data-test=\"saved\"", reloaded, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Preview_CappedByAReprimand_NamesTheSanctionInTheReadersLanguage_WithItsDateAndClause_NotItsId(string provider)
    {
        var q = await ApiQuarterlyTests.NhrcQuarterAsync(provider);
        await using var host = q.Host;
        var id = (await q.SheetSummaryAsync("spec2")).GetProperty("id").GetGuid();
        var head = await q.AsAsync("head");
        var caps = string.Join(", ", host.Services.GetRequiredService<Bagalau.Application.Packs.PackCatalog>().Catalogue.Find("nhrc")!.Versions[^1].Rules.SanctionCaps!.Clauses);

        async Task<string?> CapReasonIn(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{q.Path}/sheets/{id}/preview") { Content = JsonContent.Create(new { scores = ApiQuarterlyTests.NonLeaderFours }) };
            request.Headers.AcceptLanguage.Clear();
            request.Headers.AcceptLanguage.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue(language));
            return (await JsonOf(await head.SendAsync(request))).GetProperty("capReason").GetString();
        }

        var ru = await CapReasonIn("ru");
        var kk = await CapReasonIn("kk");

        Assert.StartsWith("выговор 12.05.2026", ru, StringComparison.Ordinal);
        Assert.StartsWith("сөгіс 12.05.2026", kk, StringComparison.Ordinal);
        Assert.Contains($"({caps})", ru, StringComparison.Ordinal);
        Assert.DoesNotContain("reprimand", ru + kk, StringComparison.Ordinal);
    }
}
