using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Accounts;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>
/// Calibration confidentiality (nhrc 13; oskemen 15, 20): the case, its protocol and its documents
/// open only to the applicant, the evaluator, the members, the head of HR and the authorized person
/// (nhrc 10, 19). Another HR officer sees that the case exists and its state; a colleague and a user
/// of another body see nothing. Panel: the head of HR, the chair and the deputy, so the HR officer
/// "hr" stays outside it.
/// </summary>
public partial class ApiCalibrationTests
{
    private const string Objection = "Кешігу басқа бөлімнің деректерінен болды";

    private const string Justification = "Тоқсандық жоспар толық орындалмады";

    /// <summary>A user of the body with one role (and a servant when given), able to sign in with the test password.</summary>
    private static async Task AddUserAsync(World world, string name, BodyRole role, Guid? servant)
    {
        await using var scope = world.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
        var email = $"{name}.cal-api@bagalau.example";
        var user = new BagalauUser { UserName = email, Email = email };
        Assert.True((await users.CreateAsync(user, WebTestHost.Password)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
        db.BodyMemberships.Add(new BodyMembership(user.Id, world.Body.BodyId, role, servant));
        await db.SaveChangesAsync();
        world.Body.Users[name] = user.Id;
    }

    /// <summary>Applied on 20.07, panel approved on 22.07, session held by the head of HR on 28.07 (4.10 adopted), protocol posted on 30.07.</summary>
    private static async Task<Guid> ProtocolPostedAsync(World world)
    {
        var applied = await AppliedAsync(world);
        var id = applied.GetProperty("id").GetGuid();
        var body = world.Body;
        var url = $"{world.Api}/calibration/{id}";
        world.Today(7, 22);
        var members = new[] { body["hrhead"], body["chair"], body["deputy"] };
        var convened = await (await world.As("authorized")).PostAsJsonAsync(url + "/composition", new { version = applied.GetProperty("version").GetInt32(), members });
        Assert.Equal(HttpStatusCode.OK, convened.StatusCode);

        world.Today(7, 28);
        var session = new
        {
            version = (await Json(convened)).GetProperty("version").GetInt32(),
            justification = Justification,
            objectionForm = "written",
            objection = Objection,
            arguments = "Бағаны көтеру негізді",
            proposedScore = 4.1m,
            ballots = new[] { ("hrhead", "for"), ("chair", "for"), ("deputy", "against") }
                .Select(b => new { servantId = body[b.Item1], vote = b.Item2, argument = b.Item1 + " дәлелі" }).ToArray(),
        };
        var byOfficer = await (await world.As("hr")).PostAsJsonAsync(url + "/session", session);
        Assert.Equal(HttpStatusCode.NotFound, byOfficer.StatusCode);
        var held = await (await world.As("hrhead")).PostAsJsonAsync(url + "/session", session);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);

        world.Today(7, 30);
        var posted = await (await world.As("hrhead")).PostAsJsonAsync(url + "/protocol", new { version = (await Json(held)).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        return id;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CalibrationCase_OpensToTheApplicantEvaluatorMembersHeadOfHrAndAuthorizedPerson_AnotherHrOfficerSeesItsStateOnly_OthersAreRefused(string provider)
    {
        await using var world = await StartAsync(provider);
        await AddUserAsync(world, "appointer", BodyRole.AuthorizedPerson, null);
        await AddUserAsync(world, "officer2", BodyRole.Hr, world.Body["colleague"]);
        var id = await ProtocolPostedAsync(world);
        var url = $"{world.Api}/calibration/{id}";

        // Full readers: the case (scores, objection, votes), the protocol PDF, the list entry they can open.
        foreach (var who in new[] { "spec1", "head", "deputy", "hrhead", "authorized", "appointer" })
        {
            var client = await world.As(who);
            var read = await client.GetAsync(url);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{who}: case {read.StatusCode}");
            var record = (await Json(read)).GetProperty("session");
            Assert.Equal((Objection, 4.1m), (record.GetProperty("objection").GetString(), record.GetProperty("finalScore").GetDecimal()));
            var pdf = await client.GetAsync(url + "/protocol?lang=ru&format=pdf");
            Assert.True(pdf.StatusCode == HttpStatusCode.OK, $"{who}: protocol {pdf.StatusCode}");
            var entry = (await Json(await client.GetAsync(world.Api + "/calibration"))).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
            Assert.True(entry.GetProperty("canOpen").GetBoolean(), who);
        }

        // HR officers outside the panel: the case exists and its state, nothing of the result.
        foreach (var who in new[] { "hr", "officer2" })
        {
            var client = await world.As(who);
            var list = await client.GetStringAsync(world.Api + "/calibration");
            var entry = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
            Assert.Equal(("protocol-posted", false), (entry.GetProperty("state").GetString(), entry.GetProperty("canOpen").GetBoolean()));
            foreach (var hidden in new[] { Objection, Justification, "дәлелі", "4.1", "3.4", "statement", "score" })
            {
                Assert.DoesNotContain(hidden, list, StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "/protocol?lang=kk&format=docx")).StatusCode);
        }

        // A colleague of the unit: no entry, 404.
        var colleague = await world.As("spec2");
        Assert.Equal(0, (await Json(await colleague.GetAsync(world.Api + "/calibration"))).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(url + "/protocol?lang=kk&format=pdf")).StatusCode);

        // Tasks: the session and protocol tasks went to the head of HR (on the panel), not to the HR officer outside it.
        var officerTasks = await (await world.As("hr")).GetStringAsync("/api/v1/me/tasks?done=true");
        Assert.DoesNotContain(CalibrationService.SessionTaskKind, officerTasks, StringComparison.Ordinal);

        // Pages: the case, the session record, the protocol and its download.
        var page = $"/bodies/{world.Body.BodyId}/calibration/{id}";
        async Task<HttpClient> SignedIn(string who)
        {
            var client = world.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            await Forms.SignInAsync(client, $"{who}.cal-api@bagalau.example");
            return client;
        }

        foreach (var who in new[] { "spec1", "head", "deputy", "hrhead", "appointer" })
        {
            using var client = await SignedIn(who);
            var session = await client.GetAsync(page + "/session");
            Assert.True(session.StatusCode == HttpStatusCode.OK, $"{who}: session page {session.StatusCode}");
            Assert.Contains(Objection, WebUtility.HtmlDecode(await session.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page + "/protocol?handler=Download&lang=kk&format=pdf")).StatusCode);
        }

        foreach (var who in new[] { "hr", "spec2" })
        {
            using var client = await SignedIn(who);
            foreach (var path in new[] { page, page + "/session", page + "/protocol", page + "/protocol?handler=Download&lang=kk&format=pdf" })
            {
                var refused = await client.GetAsync(path);
                Assert.True(refused.StatusCode == HttpStatusCode.NotFound, $"{who}: {path} {refused.StatusCode}");
            }
        }

        using (var officer = await SignedIn("hr"))
        {
            var index = await officer.GetStringAsync($"/bodies/{world.Body.BodyId}/calibration");
            Assert.Contains("data-test=\"case-state-only\"", index, StringComparison.Ordinal);
            Assert.DoesNotContain(page, index, StringComparison.Ordinal);
        }

        // A user of another body: refused in the API and on the pages.
        var other = await Evaluation2023.Body2023.CreateAsync(
            async work =>
            {
                await using var scope = world.Factory.Services.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<BagalauDbContext>());
            },
            "cal-out",
            new DateOnly(2020, 1, 1));
        await using (var scope = world.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(other.User("hrhead")))!, WebTestHost.Password)).Succeeded);
        }

        using var outsider = world.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Forms.SignInAsync(outsider, "hrhead.cal-out@bagalau.example");
        var token = await world.Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "hrhead.cal-out@bagalau.example", password = WebTestHost.Password });
        using var outsiderApi = world.Factory.CreateClient();
        outsiderApi.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await Json(token)).GetProperty("accessToken").GetString());
        foreach (var (client, path) in new[] { (outsider, page), (outsider, page + "/protocol?handler=Download&lang=kk&format=pdf"), (outsiderApi, url), (outsiderApi, url + "/protocol?lang=kk&format=pdf") })
        {
            var refused = await client.GetAsync(path);
            Assert.True(refused.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"outsider: {path} {refused.StatusCode}");
        }
    }
}
