using System.Globalization;
using Bagalau.Domain.Workflow;
using System.Net;
using System.Resources;
using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The 360 pages: the sign-in-free link page and the confidentiality of reports in the UI.</summary>
public class Survey360PagesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string[] ServantCompetencies =
        ["communication", "ethics", "change-management", "result-orientation", "decision-making", "cooperation", "efficiency", "self-development"];

    [Fact]
    public void Survey360Texts_ExistInKazakhRussianAndEnglish_WithNoEmptyValue()
    {
        var manager = new ResourceManager("Bagalau.Web.Resources.Survey360Text", typeof(Bagalau.Web.Survey360Text).Assembly);
        Dictionary<string, string> Texts(CultureInfo culture) =>
            manager.GetResourceSet(culture, true, false)!.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var kk = Texts(CultureInfo.InvariantCulture);
        var ru = Texts(CultureInfo.GetCultureInfo("ru"));
        var en = Texts(CultureInfo.GetCultureInfo("en"));

        Assert.True(kk.Count > 40, "The Kazakh 360 texts look empty.");
        Assert.Equal(kk.Keys.Order(), ru.Keys.Order());
        Assert.Equal(kk.Keys.Order(), en.Keys.Order());
        Assert.DoesNotContain(kk.Concat(ru).Concat(en), t => string.IsNullOrWhiteSpace(t.Value));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LinkPage_WithoutSignIn_AnswersOnce_ThenUsedExpiredAndUnknownLinksGetClearPages_ReportHiddenBelowThree(string provider)
    {
        await using var s = await Survey360Host.StartAsync(provider, "pages-360");
        var body = s.Body;
        var round = await s.WithAsync<Survey360Service, Outcome<Survey360Round>>(x => x.LaunchAsync(body.User("hr"), body.BodyId, "oskemen-maslikhat", 2024));
        var targets = await s.WithAsync<Survey360Service, Outcome<IReadOnlyList<TargetView>>>(x => x.TargetsAsync(body.User("hr"), body.BodyId, round.Value!.Id));
        var target = targets.Value!.Single(t => t.ServantId == body["spec1"]);
        var added = await s.WithAsync<Survey360Service, Outcome<Survey360Target>>(x => x.AddRespondentAsync(body.User("hr"), body.BodyId, target.Id, target.Version, body["colleague"], "peer"));
        var links = await s.WithAsync<Survey360Service, Outcome<IReadOnlyList<IssuedLink>>>(x => x.IssueAsync(body.User("hr"), body.BodyId, target.Id, added.Value!.Version, s.Clock.Now.AddDays(3)));
        string Link(string who) => "/s360/" + links.Value!.Single(l => l.RespondentId == body[who]).Token;

        var phone = s.Anonymous();
        var form = await phone.GetAsync(Link("deputy"));
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("360 сауалнамасы", html, StringComparison.Ordinal);
        Assert.Contains("Қызметші spec1", html, StringComparison.Ordinal);
        Assert.Contains("этикалық нормалар", html, StringComparison.Ordinal);

        // A missing rating is refused on the page and nothing is spent.
        var partial = await Forms.PostAsync(phone, Link("deputy"), new Dictionary<string, string> { ["r.ethics"] = "3" });
        Assert.Contains("Бағаланбаған құзыреттер", await partial.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var answer = ServantCompetencies.ToDictionary(c => "r." + c, _ => "4");
        var sent = await Forms.PostAsync(phone, Link("deputy"), answer);
        Assert.Equal((HttpStatusCode.Redirect, "/s360/thanks"), (sent.StatusCode, sent.Headers.Location?.OriginalString));
        Assert.Contains("Рахмет!", await phone.GetStringAsync("/s360/thanks"), StringComparison.Ordinal);

        var used = await phone.GetAsync(Link("deputy"));
        Assert.Equal(HttpStatusCode.Gone, used.StatusCode);
        Assert.Contains("Бұл сілтеме пайдаланылған", await used.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await phone.GetAsync("/s360/no-such-link");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Сілтеме жарамсыз", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // One answer: the person's report page shows nothing and says why; another servant gets 404.
        var spec1 = s.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SignInAsync(spec1, $"spec1.{s.Code}@bagalau.example")).StatusCode);
        var report = await spec1.GetStringAsync($"/bodies/{body.BodyId}/survey360/report/{target.Id}");
        Assert.Contains("data-test=\"report-hidden\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("data-test=\"report-table\"", report, StringComparison.Ordinal);
        var spec2 = s.Anonymous();
        await Forms.SignInAsync(spec2, $"spec2.{s.Code}@bagalau.example");
        Assert.Equal(HttpStatusCode.NotFound, (await spec2.GetAsync($"/bodies/{body.BodyId}/survey360/report/{target.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await spec2.GetAsync($"/bodies/{body.BodyId}/survey360/{round.Value!.Id}")).StatusCode);

        // After the expiry the remaining links get the expired page.
        s.Clock.Now = s.Clock.Now.AddDays(4);
        var expired = await phone.GetAsync(Link("spec2"));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Сілтеменің мерзімі өтті", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
