using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Documents;
using Bagalau.IntegrationTests.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The oskemen 360 survey through /api/v1: HR's round, the sign-in-free links, reports and their confidentiality.</summary>
public class ApiSurvey360Tests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string[] ServantCompetencies =
        ["communication", "ethics", "change-management", "result-orientation", "decision-making", "cooperation", "efficiency", "self-development"];

    private static object Answer(decimal value, decimal ethics) =>
        new { ratings = ServantCompetencies.ToDictionary(c => c, c => c == "ethics" ? ethics : value) };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Round_ForAYearAfterTheRepeal_SaysTheMethodologyWasRepealedAndSinceWhen(string provider)
    {
        await using var s = await Survey360Host.StartAsync(provider, "api-360-repealed");
        var hr = await s.SignedInAsync("hr");
        hr.DefaultRequestHeaders.AcceptLanguage.ParseAdd("kk");

        var response = await hr.PostAsJsonAsync($"/api/v1/bodies/{s.Body.BodyId}/survey360/rounds", new { packId = "oskemen-maslikhat", year = 2026 });
        var problem = await JsonAsync(response);
        var title = problem.GetProperty("title").GetString()!;

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "no-version-in-force"), (response.StatusCode, problem.GetProperty("code").GetString()));
        Assert.Contains("06.11.2025", title, StringComparison.Ordinal);
        Assert.Contains("күші жойылды", title, StringComparison.Ordinal);
        Assert.DoesNotContain("survey-360", title, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Round_ThroughTheApi_LinksAnswerWithoutSignIn_OnceAndBeforeExpiry_ReportFromThreeAnswers_NoRespondentAnywhere(string provider)
    {
        await using var s = await Survey360Host.StartAsync(provider, "api-360");
        var body = s.Body;
        var hr = await s.SignedInAsync("hr");
        var spec1 = await s.SignedInAsync("spec1");
        var spec2 = await s.SignedInAsync("spec2");
        var anonymous = s.Anonymous();
        var api = $"/api/v1/bodies/{body.BodyId}/survey360";

        var byServant = await spec1.PostAsJsonAsync($"{api}/rounds", new { packId = "oskemen-maslikhat", year = 2024 });
        var launched = await hr.PostAsJsonAsync($"{api}/rounds", new { packId = "oskemen-maslikhat", year = 2024 });
        var twice = await hr.PostAsJsonAsync($"{api}/rounds", new { packId = "oskemen-maslikhat", year = 2024 });
        Assert.Equal(HttpStatusCode.Forbidden, byServant.StatusCode);
        Assert.Equal(HttpStatusCode.Created, launched.StatusCode);
        Assert.Equal("survey-exists", await CodeAsync(twice));
        var round = await JsonAsync(launched);
        Assert.Equal("2025-01-10", round.GetProperty("due").GetString());
        var roundId = round.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.Forbidden, (await spec1.GetAsync($"{api}/rounds/{roundId}/targets")).StatusCode);
        var targets = await JsonAsync(await hr.GetAsync($"{api}/rounds/{roundId}/targets"));
        var target = targets.EnumerateArray().Single(t => t.GetProperty("servantId").GetGuid() == body["spec1"]);
        var targetId = target.GetProperty("id").GetGuid();
        Assert.Equal(
            [(body["spec2"], "peer"), (body["deputy"], "supervisor")],
            target.GetProperty("respondents").EnumerateArray().Select(r => (r.GetProperty("servantId").GetGuid(), r.GetProperty("relation").GetString()!)).OrderBy(r => r.Item2));

        // Two respondents are too few (clause 35); HR adds two colleagues within the rules.
        var version = target.GetProperty("version").GetInt32();
        var tooFew = await hr.PostAsJsonAsync($"{api}/targets/{targetId}/links", new { version, expiresAt = s.Clock.Now.AddDays(3) });
        Assert.Equal("respondent-count", await CodeAsync(tooFew));
        var badRelation = await hr.PostAsJsonAsync($"{api}/targets/{targetId}/respondents", new { version, servantId = body["colleague"], relation = "friend" });
        Assert.Equal(HttpStatusCode.BadRequest, badRelation.StatusCode);
        var added = await JsonAsync(await hr.PostAsJsonAsync($"{api}/targets/{targetId}/respondents", new { version, servantId = body["colleague"], relation = "peer" }));
        var stale = await hr.PostAsJsonAsync($"{api}/targets/{targetId}/respondents", new { version, servantId = body["head"], relation = "peer" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        added = await JsonAsync(await hr.PostAsJsonAsync($"{api}/targets/{targetId}/respondents", new { version = added.GetProperty("version").GetInt32(), servantId = body["head"], relation = "peer" }));
        Assert.Equal(4, added.GetProperty("respondents").GetArrayLength());
        var issued = await hr.PostAsJsonAsync($"{api}/targets/{targetId}/links", new { version = added.GetProperty("version").GetInt32(), expiresAt = s.Clock.Now.AddDays(3) });
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var links = (await JsonAsync(issued)).EnumerateArray().ToDictionary(l => l.GetProperty("respondentId").GetGuid(), l => l.GetProperty("token").GetString()!);
        Assert.Equal(5, links.Count);
        var afterIssue = await hr.DeleteAsync($"{api}/targets/{targetId}/respondents/{body["head"]}?version={added.GetProperty("version").GetInt32() + 1}");
        Assert.Equal("wrong-state", await CodeAsync(afterIssue));

        string Link(string who) => $"/api/v1/survey360/links/{links[body[who]]}";
        var responses = new List<string>();
        async Task<HttpResponseMessage> AnswerAsync(string who, object answer)
        {
            var response = await anonymous.PostAsJsonAsync(Link(who) + "/answer", answer);
            responses.Add(await response.Content.ReadAsStringAsync());
            return response;
        }

        var form = await anonymous.GetAsync(Link("deputy"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var formJson = await form.Content.ReadAsStringAsync();
        responses.Add(formJson);
        Assert.Equal(8, JsonDocument.Parse(formJson).RootElement.GetProperty("competencies").GetArrayLength());
        Assert.True(JsonDocument.Parse(await anonymous.GetStringAsync(Link("spec1"))).RootElement.GetProperty("isSelf").GetBoolean());

        Assert.Equal(HttpStatusCode.NoContent, (await AnswerAsync("deputy", Answer(4, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await AnswerAsync("spec1", Answer(5, 5))).StatusCode);

        // Below three answers (the self-assessment does not count) nothing is shown.
        var hidden = await JsonAsync(await spec1.GetAsync($"{api}/targets/{targetId}/report"));
        Assert.Equal(("insufficient-respondents", 0), (hidden.GetProperty("status").GetString(), hidden.GetProperty("competencies").GetArrayLength()));
        Assert.Equal("insufficient-respondents", await CodeAsync(await hr.GetAsync($"{api}/targets/{targetId}/report/document?format=docx&lang=kk")));

        var outOfScale = await AnswerAsync("spec2", Answer(6, 3));
        Assert.Equal(("rating-out-of-range", HttpStatusCode.UnprocessableEntity), (await CodeAsync(outOfScale), outOfScale.StatusCode));
        Assert.Equal(HttpStatusCode.NoContent, (await AnswerAsync("spec2", Answer(4, 3))).StatusCode);
        var reused = await AnswerAsync("spec2", Answer(1, 1));
        Assert.Equal((HttpStatusCode.Gone, "link-used"), (reused.StatusCode, await CodeAsync(reused)));
        Assert.Equal("link-used", await CodeAsync(await anonymous.GetAsync(Link("spec2"))));
        Assert.Equal(HttpStatusCode.NoContent, (await AnswerAsync("colleague", Answer(3, 4))).StatusCode);

        // The report: the person and HR; another servant gets 404; it never names a respondent.
        var reportResponse = await spec1.GetAsync($"{api}/targets/{targetId}/report");
        var reportJson = await reportResponse.Content.ReadAsStringAsync();
        responses.Add(reportJson);
        var report = JsonDocument.Parse(reportJson).RootElement;
        Assert.Equal(("complete", 3), (report.GetProperty("status").GetString(), report.GetProperty("respondents").GetInt32()));
        var ethics = report.GetProperty("competencies").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "ethics");
        Assert.Equal((3.00m, 5m), (ethics.GetProperty("average").GetDecimal(), ethics.GetProperty("self").GetDecimal()));
        Assert.Equal(HttpStatusCode.NotFound, (await spec2.GetAsync($"{api}/targets/{targetId}/report")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await spec2.GetAsync($"{api}/targets/{targetId}/report/document?format=pdf&lang=ru")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{api}/targets/{targetId}/report")).StatusCode);

        var feedback = await hr.GetAsync($"{api}/targets/{targetId}/feedback");
        var feedbackJson = await feedback.Content.ReadAsStringAsync();
        // The feedback form names the direct supervisor who holds the conversation, as model form 8 does.
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.Equal("Қызметші deputy", JsonDocument.Parse(feedbackJson).RootElement.GetProperty("supervisorName").GetString());

        var docx = await hr.GetAsync($"{api}/targets/{targetId}/report/document?format=docx&lang=kk");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var document = DocumentFiles.ReadDocx(await docx.Content.ReadAsByteArrayAsync());
        Assert.Empty(document.Errors);
        Assert.Contains("360 әдісі бойынша", document.Text, StringComparison.Ordinal);
        Assert.Contains(document.TableRows, r => r.Count == 3 && r[2] == "3,00");
        var pdf = await hr.GetAsync($"{api}/targets/{targetId}/feedback/document?format=pdf&lang=ru");
        Assert.Equal(("application/pdf", true), (pdf.Content.Headers.ContentType?.MediaType, DocumentFiles.PdfPageCount(await pdf.Content.ReadAsByteArrayAsync()) >= 1));
        Assert.Equal(HttpStatusCode.BadRequest, (await hr.GetAsync($"{api}/targets/{targetId}/report/document?format=odt")).StatusCode);

        var needs = await JsonAsync(await hr.GetAsync($"{api}/rounds/{roundId}/training-needs"));
        Assert.Equal("ethics", needs[0].GetProperty("competencyId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await spec1.GetAsync($"{api}/rounds/{roundId}/training-needs")).StatusCode);

        // The fourth respondent's link after it expired, and a made-up link.
        s.Clock.Now = s.Clock.Now.AddDays(4);
        var expired = await AnswerAsync("head", Answer(4, 4));
        Assert.Equal((HttpStatusCode.Gone, "link-expired"), (expired.StatusCode, await CodeAsync(expired)));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/survey360/links/not-a-token")).StatusCode);

        // No answer, form or report names a respondent who answered.
        foreach (var who in new[] { "deputy", "spec2", "colleague" })
        {
            Assert.All(responses, r => Assert.DoesNotContain(body[who].ToString(), r, StringComparison.OrdinalIgnoreCase));
            Assert.All(responses, r => Assert.DoesNotContain("Қызметші " + who + "\"", r, StringComparison.Ordinal));
        }

        var (columns, audited, replies) = await s.Host.WithDbAsync(async db => (
            db.Model.FindEntityType(typeof(Survey360Reply))!.GetProperties().Select(p => p.Name).Order().ToList(),
            await db.AuditRecords.AnyAsync(r => r.Entity == nameof(Survey360Reply) || r.Entity == nameof(Survey360Rating)),
            await db.Survey360Replies.CountAsync()));
        Assert.Equal(["AnsweredOn", "Id", "IsSelf", "TargetId"], columns);
        Assert.False(audited);
        Assert.Equal(4, replies);
    }
}
