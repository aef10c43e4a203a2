using System.Net;
using Bagalau.Domain.Workflow;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Evaluation2023;
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

/// <summary>
/// Calibration and the feedback meeting through the REST API (and the pages' confidentiality):
/// nhrc Q2 2026, spec1's sheet submitted by the department head (3.40) on 10.07 and acknowledged
/// on Monday 13.07.2026, so the application is due by 20.07 (clause 10).
/// </summary>
public partial class ApiCalibrationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly SheetScoreInput[] Threes =
    [
        new("quality", 3, null), new("timeliness", 3, null), new("initiative", 3, null), new("discipline", 4, null), new("no-sanctions", 4, null),
    ];

    /// <summary>The web app with a clock the test moves, the nhrc body, and spec1's acknowledged sheet.</summary>
    private sealed class World : IAsyncDisposable
    {
        private readonly Dictionary<string, HttpClient> clients = [];

        public required WebTestHost Host { get; init; }

        public required WebApplicationFactory<Bagalau.Web.WebApp> Factory { get; init; }

        public required FixedClock Clock { get; init; }

        public Body2023 Body { get; set; } = null!;

        public Guid SheetId { get; set; }

        public string Api => $"/api/v1/bodies/{Body.BodyId}";

        /// <summary>Moves the clock; bearer tokens follow the app's clock, so clients sign in again after a move.</summary>
        public void Today(int month, int day)
        {
            Clock.Now = new DateTimeOffset(2026, month, day, 9, 0, 0, TimeSpan.Zero);
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            clients.Clear();
        }

        public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action)
            where TService : notnull
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<TService>());
        }

        /// <summary>A bearer-token client of one of the body's people, answering in English.</summary>
        public async Task<HttpClient> As(string user)
        {
            if (clients.TryGetValue(user, out var known))
            {
                return known;
            }

            var email = $"{user}.cal-api@bagalau.example";
            var token = await Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = WebTestHost.Password });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
            var client = Factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
            clients[user] = client;
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }

            await Factory.DisposeAsync();
            await Host.DisposeAsync();
        }
    }

    private static async Task<World> StartAsync(string provider)
    {
        var host = await WebTestHost.StartAsync(provider);
        var clock = new FixedClock(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        var factory = host.Factory.WithWebHostBuilder(b => b
            .UseSetting("Bagalau:SignInRateLimit:PermitLimit", "1000")
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var world = new World { Host = host, Factory = factory, Clock = clock };
        world.Body = await Body2023.CreateAsync(
            async work =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<BagalauDbContext>());
            },
            "cal-api",
            new DateOnly(2020, 1, 1));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
            foreach (var id in world.Body.Users.Values)
            {
                var user = await users.FindByIdAsync(id);
                Assert.True((await users.AddPasswordAsync(user!, WebTestHost.Password)).Succeeded);
            }
        }

        var body = world.Body;
        var scheduled = await world.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, "nhrc", "2026-Q2", new DateOnly(2026, 7, 10)));
        var approved = await world.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        var sheet = await world.WithAsync<BagalauDbContext, RatingSheet>(db => db.RatingSheets.AsNoTracking().SingleAsync(s => s.ServantId == body["spec1"] && s.RoundId == scheduled.Value!.Id));
        world.Today(7, 10);
        var submitted = await world.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.SubmitAsync(body.User("head"), body.BodyId, sheet.Id, sheet.Version, Threes));
        Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
        world.Today(7, 13);
        var acknowledged = await world.WithAsync<RatingSheetService, Outcome<RatingSheet>>(s => s.AcknowledgeAsync(body.User("spec1"), body.BodyId, sheet.Id));
        Assert.True(acknowledged.IsSuccess, acknowledged.Refusal?.ToString());
        world.SheetId = sheet.Id;
        return world;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<(HttpStatusCode Status, string? Code, string? Title)> Problem(HttpResponseMessage response)
    {
        var json = await Json(response);
        return (response.StatusCode, json.GetProperty("code").GetString(), json.GetProperty("title").GetString());
    }

    private static async Task<JsonElement> AppliedAsync(World world)
    {
        world.Today(7, 20);
        var applied = await (await world.As("spec1")).PostAsJsonAsync(world.Api + "/calibration", new { sheetId = world.SheetId, statement = "Бағаммен келіспеймін" });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return await Json(applied);
    }

    private static async Task<JsonElement> ConvenedAsync(World world)
    {
        var applied = await AppliedAsync(world);
        world.Today(7, 22);
        var members = new[] { world.Body["hr"], world.Body["chair"], world.Body["deputy"] };
        var convened = await (await world.As("authorized")).PostAsJsonAsync(
            $"{world.Api}/calibration/{applied.GetProperty("id").GetGuid()}/composition", new { version = applied.GetProperty("version").GetInt32(), members });
        Assert.Equal(HttpStatusCode.OK, convened.StatusCode);
        return await Json(convened);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Application_OnTheSixthWorkingDay_IsRefusedWithClause10_OnTheFifthItIsAccepted_AndOnlyTheServantMayApply(string provider)
    {
        await using var world = await StartAsync(provider);
        var request = new { sheetId = world.SheetId, statement = "Бағаммен келіспеймін: тапсырмалар мерзімінде орындалды" };

        world.Today(7, 21);
        var late = await Problem(await (await world.As("spec1")).PostAsJsonAsync(world.Api + "/calibration", request));
        world.Today(7, 20);
        var spec1 = await world.As("spec1");
        var byOther = await (await world.As("spec2")).PostAsJsonAsync(world.Api + "/calibration", request);
        var empty = await Problem(await spec1.PostAsJsonAsync(world.Api + "/calibration", new { sheetId = world.SheetId, statement = " " }));
        var applied = await spec1.PostAsJsonAsync(world.Api + "/calibration", request);
        var twice = await Problem(await spec1.PostAsJsonAsync(world.Api + "/calibration", request));
        var json = await Json(applied);
        var tasks = await Json(await (await world.As("authorized")).GetAsync("/api/v1/me/tasks"));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "deadline-passed"), (late.Status, late.Code));
        Assert.Contains("20.07.2026 (clause 10)", late.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "required"), (empty.Status, empty.Code));
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        Assert.Equal(("applied", "2026-07-23", "19", "2026-08-03", "20"), (
            json.GetProperty("state").GetString(),
            json.GetProperty("decisionDue").GetProperty("due").GetString(), json.GetProperty("decisionDue").GetProperty("clause").GetString(),
            json.GetProperty("sessionDue").GetProperty("due").GetString(), json.GetProperty("sessionDue").GetProperty("clause").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "calibration-exists"), (twice.Status, twice.Code));
        var task = tasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == CalibrationService.DecideTaskKind);
        Assert.Equal(("2026-07-23", "19"), (task.GetProperty("due").GetString(), task.GetProperty("clause").GetString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Composition_EvenPanel_MemberWhoEvaluatedTheApplicant_WrongActor_StaleVersion_AreRefused_ThenParticipantsAloneOpenTheResult(string provider)
    {
        await using var world = await StartAsync(provider);
        var applied = await AppliedAsync(world);
        var id = applied.GetProperty("id").GetGuid();
        var version = applied.GetProperty("version").GetInt32();
        var body = world.Body;
        var url = $"{world.Api}/calibration/{id}/composition";
        world.Today(7, 22);
        var authorized = await world.As("authorized");

        var even = await Problem(await authorized.PostAsJsonAsync(url, new { version, members = new[] { body["hr"], body["chair"] } }));
        var evaluator = await Problem(await authorized.PostAsJsonAsync(url, new { version, members = new[] { body["hr"], body["chair"], body["head"] } }));
        var byHr = await (await world.As("hr")).PostAsJsonAsync(url, new { version, members = new[] { body["hr"], body["chair"], body["deputy"] } });
        var convened = await authorized.PostAsJsonAsync(url, new { version, members = new[] { body["hr"], body["chair"], body["deputy"] } });
        var stale = await Problem(await authorized.PostAsJsonAsync(url, new { version, members = new[] { body["hr"], body["chair"], body["deputy"] } }));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "calibration-composition-invalid"), (even.Status, even.Code));
        Assert.Contains("breaks clause 19: at least three members are needed; the number of members must be odd", even.Title, StringComparison.Ordinal);
        Assert.Contains("the person who evaluated the applicant cannot be a member", evaluator.Title, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, byHr.StatusCode); // an HR officer outside the case cannot reach it (nhrc 13)
        Assert.Equal(HttpStatusCode.OK, convened.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "concurrency-conflict"), (stale.Status, stale.Code));
        var hrTasks = await Json(await (await world.As("hr")).GetAsync("/api/v1/me/tasks"));
        var session = hrTasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("kind").GetString() == CalibrationService.SessionTaskKind);
        Assert.Equal(("2026-08-03", "20"), (session.GetProperty("due").GetString(), session.GetProperty("clause").GetString()));

        // Confidentiality: a member (deputy) opens the case and the result; another servant does not, in the API or the pages.
        var memberCase = await (await world.As("deputy")).GetAsync($"{world.Api}/calibration/{id}");
        var memberResult = await (await world.As("deputy")).GetAsync($"{world.Api}/feedback-meetings/{world.SheetId}");
        var outsiderCase = await (await world.As("spec2")).GetAsync($"{world.Api}/calibration/{id}");
        var outsiderResult = await (await world.As("colleague")).GetAsync($"{world.Api}/feedback-meetings/{world.SheetId}");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (memberCase.StatusCode, memberResult.StatusCode));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (outsiderCase.StatusCode, outsiderResult.StatusCode));

        var page = $"/bodies/{body.BodyId}/calibration/{id}";
        using var member = world.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var outsider = world.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Forms.SignInAsync(member, "deputy.cal-api@bagalau.example");
        await Forms.SignInAsync(outsider, "spec2.cal-api@bagalau.example");
        var memberPage = await member.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, memberPage.StatusCode);
        Assert.Contains("3.40", (await memberPage.Content.ReadAsStringAsync()).Replace(',', '.'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/bodies/{body.BodyId}/feedback/{world.SheetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page + "/protocol")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Session_RaisesTheScoreByMajority_ASecondVoteAfterItClosed_IsRefused_ThenProtocolAndFeedback(string provider)
    {
        await using var world = await StartAsync(provider);
        var convened = await ConvenedAsync(world);
        var id = convened.GetProperty("id").GetGuid();
        var body = world.Body;
        var url = $"{world.Api}/calibration/{id}";
        object Session(int version, decimal score, params (string Who, string Vote)[] votes) => new
        {
            version,
            justification = "Тоқсандық жоспар толық орындалмады",
            objectionForm = "oral",
            objection = "Барлық тапсырма мерзімінде орындалды",
            arguments = (string?)null,
            proposedScore = score,
            ballots = votes.Select(v => new { servantId = body[v.Who], vote = v.Vote, argument = v.Who + " дәлелі" }).ToArray(),
        };
        var version = convened.GetProperty("version").GetInt32();
        world.Today(7, 28);
        var hr = await world.As("hr");

        var missing = await Problem(await hr.PostAsJsonAsync(url + "/session", Session(version, 4.1m, ("hr", "for"), ("chair", "for"))));
        var byServant = await Problem(await (await world.As("spec1")).PostAsJsonAsync(url + "/session", Session(version, 4.1m, ("hr", "for"), ("chair", "for"), ("deputy", "against"))));
        var tooEarly = await Problem(await hr.GetAsync(url + "/protocol?lang=kk&format=pdf"));
        var held = await hr.PostAsJsonAsync(url + "/session", Session(version, 4.1m, ("hr", "for"), ("chair", "for"), ("deputy", "against")));
        var record = await Json(held);
        var again = await Problem(await hr.PostAsJsonAsync(url + "/session", Session(record.GetProperty("version").GetInt32(), 5m, ("hr", "for"), ("chair", "for"), ("deputy", "for"))));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "calibration-ballot-missing"), (missing.Status, missing.Code));
        Assert.Equal((HttpStatusCode.Forbidden, "not-allowed"), (byServant.Status, byServant.Code));
        Assert.Equal((HttpStatusCode.Conflict, "wrong-state"), (tooEarly.Status, tooEarly.Code));
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var s = record.GetProperty("session");
        Assert.Equal(("changed", "up", 4.1m, "effective", "22"), (
            s.GetProperty("outcome").GetString(), s.GetProperty("direction").GetString(), s.GetProperty("finalScore").GetDecimal(),
            s.GetProperty("finalGrade").GetString(), s.GetProperty("clause").GetString()));
        Assert.Equal((2, 1, "oral"), (s.GetProperty("votesFor").GetInt32(), s.GetProperty("votesAgainst").GetInt32(), s.GetProperty("objectionForm").GetString()));
        var deputy = record.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("servantId").GetGuid() == body["deputy"]);
        Assert.Equal(("against", "deputy дәлелі"), (deputy.GetProperty("vote").GetString(), deputy.GetProperty("argument").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "calibration-session-closed"), (again.Status, again.Code));
        Assert.Contains("no more votes", again.Title, StringComparison.Ordinal);

        var pdf = await hr.GetAsync(url + "/protocol?lang=kk&format=pdf");
        var docx = await (await world.As("spec1")).GetAsync(url + "/protocol?lang=ru&format=docx");
        var badFormat = await Problem(await hr.GetAsync(url + "/protocol?lang=en&format=pdf"));
        Assert.Equal((HttpStatusCode.OK, "application/pdf"), (pdf.StatusCode, pdf.Content.Headers.ContentType?.MediaType));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var file = DocumentFiles.ReadDocx(await docx.Content.ReadAsByteArrayAsync());
        Assert.Empty(file.Errors);
        Assert.Contains("Протокол калибровочной сессии", file.Text, StringComparison.Ordinal);
        Assert.Contains(file.TableRows, row => row.Contains("2 / 1") && row.Any(c => c.Contains("Қызметші spec1", StringComparison.Ordinal)));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-document-request"), (badFormat.Status, badFormat.Code));

        world.Today(7, 30);
        hr = await world.As("hr");
        var posted = await Json(await hr.PostAsJsonAsync(url + "/protocol", new { version = record.GetProperty("version").GetInt32() }));
        Assert.Equal(("protocol-posted", "2026-07-30", false), (posted.GetProperty("state").GetString(), posted.GetProperty("protocolPostedOn").GetString(), posted.GetProperty("protocolLate").GetBoolean()));

        var feedbackUrl = $"{world.Api}/feedback-meetings/{world.SheetId}";
        var before = await Json(await (await world.As("head")).GetAsync(feedbackUrl));
        var meeting = new { version = before.GetProperty("version").GetInt32(), achievements = "Жоспар орындалды", skills = "Талдау дағдысы өсті", potential = "Бөлім басшысы лауазымына дайын" };
        var byTheServant = await Problem(await (await world.As("spec1")).PutAsJsonAsync(feedbackUrl, meeting));
        var recorded = await (await world.As("head")).PutAsJsonAsync(feedbackUrl, meeting);
        var stale = await Problem(await (await world.As("head")).PutAsJsonAsync(feedbackUrl, meeting));
        var seen = await Json(await (await world.As("spec1")).GetAsync(feedbackUrl));

        Assert.True(before.GetProperty("canRecord").GetBoolean());
        Assert.Equal((HttpStatusCode.Forbidden, "not-allowed"), (byTheServant.Status, byTheServant.Code));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal((HttpStatusCode.Conflict, "concurrency-conflict"), (stale.Status, stale.Code));
        Assert.Equal(("Бөлім басшысы лауазымына дайын", "2026-07-30", 4.1m, false), (
            seen.GetProperty("potential").GetString(), seen.GetProperty("heldOn").GetString(), seen.GetProperty("finalScore").GetDecimal(), seen.GetProperty("canRecord").GetBoolean()));
    }

    [Fact]
    public void CalibrationTexts_ExistInKazakhRussianAndEnglish_WithNoEmptyValue()
    {
        var manager = new System.Resources.ResourceManager("Bagalau.Web.Resources.CalibrationText", typeof(Bagalau.Web.CalibrationText).Assembly);
        Dictionary<string, string> Texts(string culture) => manager
            .GetResourceSet(culture.Length == 0 ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo(culture), true, false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        var kk = Texts(string.Empty);
        var ru = Texts("ru");
        var en = Texts("en");

        Assert.True(kk.Count > 50);
        Assert.Equal(kk.Keys.Order(StringComparer.Ordinal), ru.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(kk.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(kk.Values.Concat(ru.Values).Concat(en.Values), string.IsNullOrWhiteSpace);
        Assert.NotEqual(kk["title"], ru["title"]);
    }
}
