using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Packs;
using Bagalau.Domain.Decisions;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Workflow;

/// <summary>
/// The whole 2018 cycle through /api/v1/evaluation-2018 with the web app's own authorization,
/// the clock standing on each step's day: every step by its actor, and the refusals a client
/// sees (403 wrong actor, 404 outsider, 409 stale copy or wrong state, 422 rule with its clause).
/// </summary>
public class Api2018Tests
{
    public static TheoryData<string, string, string, string, string> Packs => WholeCycle2018Tests.Packs;

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task WholeCycle_ThroughTheApi(string provider, string pack, string unit, string staff, string supervisor)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var world = await World.BuildAsync(new Scopes(host.Services), unit, staff, supervisor);
        var api = new Dictionary<string, HttpClient>();
        var path = $"/api/v1/bodies/{world.BodyId}/evaluation-2018";

        // Tokens follow the clock: on each new day everyone signs in again.
        async Task MoveTo(DateOnly day)
        {
            host.Today = day;
            foreach (var name in new[] { "hr", "supervisor", "superior", "servant", "outsider", "authorized", "chair", "member1", "member2", "member3", "secretary" })
            {
                api[name] = await host.SignedInAsync($"{name}@wf.example");
            }
        }

        // Cycle and plan: the fourth KPI missing is refused by the engine; then five, approved.
        await MoveTo(new DateOnly(2022, 1, 4));
        await Expect(api["supervisor"].PostAsJsonAsync($"{path}/cycles", new { bodyId = world.BodyId, packId = pack, year = 2022 }), HttpStatusCode.Forbidden, "not-allowed");
        var cycle = await Ok(api["hr"].PostAsJsonAsync($"{path}/cycles", new { bodyId = world.BodyId, packId = pack, year = 2022 }));
        var cycleId = cycle.GetProperty("id").GetGuid();
        var plans = await Ok(api["supervisor"].GetAsync($"{path}/cycles/{cycleId}/plans"));
        var plan = plans.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("servantId").GetGuid() == world.Servant);
        var planId = plan.GetProperty("id").GetGuid();
        await Expect(api["outsider"].GetAsync($"{path}/plans/{planId}"), HttpStatusCode.NotFound, "not-found");

        // The body's own route only: under another body the plan is not found; the pre-body
        // route still answers for one release, marked deprecated.
        await Expect(api["hr"].GetAsync($"/api/v1/bodies/{Guid.NewGuid()}/evaluation-2018/plans/{planId}"), HttpStatusCode.NotFound, "not-found");
        var alias = await api["supervisor"].GetAsync($"/api/v1/evaluation-2018/plans/{planId}");
        Assert.Equal((HttpStatusCode.OK, "true"), (alias.StatusCode, alias.Headers.GetValues("Deprecation").Single()));
        var kpis = Enumerable.Range(1, 5).Select(n => new { name = $"НМИ {n}", unit = "%", planned = "100", due = "2022-11-30", result = $"Нәтиже {n}" }).ToList();
        await NoContent(api["supervisor"].PutAsJsonAsync($"{path}/plans/{planId}/kpis", new { version = await PlanVersion(), kpis = kpis.Take(4) }));
        await Expect(api["supervisor"].PostAsJsonAsync($"{path}/plans/{planId}/submit", new { version = await PlanVersion() }), HttpStatusCode.UnprocessableEntity, "kpi-plan-invalid");

        // Save and submit in one step: a refused submission keeps nothing of the save.
        var renamed = Enumerable.Range(1, 4).Select(n => new { name = $"Өзгертілген {n}", unit = "%", planned = "90", due = "2022-11-30", result = "—" }).ToList();
        await Expect(api["supervisor"].PutAsJsonAsync($"{path}/plans/{planId}/kpis", new { version = await PlanVersion(), kpis = renamed, submit = true }), HttpStatusCode.UnprocessableEntity, "kpi-plan-invalid");
        var kept = await Ok(api["supervisor"].GetAsync($"{path}/plans/{planId}"));
        Assert.Equal(("draft", "НМИ 1"), (kept.GetProperty("state").GetString(), kept.GetProperty("kpis")[0].GetProperty("name").GetString()));
        await NoContent(api["supervisor"].PutAsJsonAsync($"{path}/plans/{planId}/kpis", new { version = await PlanVersion(), kpis, submit = true }));
        Assert.Equal("submitted", (await Ok(api["supervisor"].GetAsync($"{path}/plans/{planId}"))).GetProperty("state").GetString());
        await NoContent(api["superior"].PostAsJsonAsync($"{path}/plans/{planId}/approve", new { version = await PlanVersion() }));
        await Expect(api["supervisor"].PutAsJsonAsync($"{path}/plans/{planId}/kpis", new { version = await PlanVersion(), kpis }), HttpStatusCode.UnprocessableEntity, "plan-frozen");

        // Quarterly note, read by the servant.
        await MoveTo(new DateOnly(2022, 4, 5));
        await Ok(api["supervisor"].PutAsJsonAsync($"{path}/plans/{planId}/notes/1", new { progress = new[] { new { number = 1, progress = "30%" } }, recommendations = "Жеделдету" }));
        var notes = await Ok(api["servant"].GetAsync($"{path}/plans/{planId}/notes"));
        Assert.Equal("Жеделдету", notes[0].GetProperty("recommendations").GetString());
        await Expect(api["outsider"].GetAsync($"{path}/plans/{planId}/notes"), HttpStatusCode.NotFound, "not-found");

        // KPI sheet: facts (a refused type, a PDF), concurrent edits, the signature of the direct supervisor only.
        await MoveTo(new DateOnly(2022, 12, 5));
        var sheet = await Ok(api["supervisor"].PostAsync($"{path}/plans/{planId}/kpi-sheet", null));
        var sheetId = sheet.GetProperty("id").GetGuid();
        await Expect(api["supervisor"].PostAsync($"{path}/kpi-sheets/{sheetId}/facts", Upload(2, "virus.exe", [0x4D, 0x5A])), HttpStatusCode.UnprocessableEntity, "fact-type-not-allowed");
        var fact = await Ok(api["supervisor"].PostAsync($"{path}/kpi-sheets/{sheetId}/facts", Upload(2, "акт.pdf", WholeCycle2018Tests.Pdf)));
        var download = await api["servant"].GetAsync($"{path}/kpi-sheets/{sheetId}/facts/{fact.GetProperty("id").GetGuid()}");
        Assert.Equal(WholeCycle2018Tests.Pdf, await download.Content.ReadAsByteArrayAsync());
        await Expect(api["outsider"].GetAsync($"{path}/kpi-sheets/{sheetId}/facts"), HttpStatusCode.NotFound, "not-found");
        var seenVersion = sheet.GetProperty("version").GetInt32();
        // Every KPI ticked, but the third reached 90 of the planned 100: kpi-achieved (clause 18)
        // makes it not achieved; a reason would be needed to keep the tick.
        var results = Enumerable.Range(1, 5).Select(n => new { number = n, actual = n == 3 ? "90" : "100", achieved = true }).ToList();
        await NoContent(api["supervisor"].PutAsJsonAsync($"{path}/kpi-sheets/{sheetId}/results", new { version = seenVersion, results }));
        await Expect(api["supervisor"].PutAsJsonAsync($"{path}/kpi-sheets/{sheetId}/results", new { version = seenVersion, results = new[] { new { number = 1, actual = "басқа", achieved = false } } }), HttpStatusCode.Conflict, "concurrency-conflict");
        var filled = (await Ok(api["hr"].GetAsync($"{path}/kpi-sheets/{sheetId}"))).GetProperty("rows");
        Assert.Equal("100", filled[0].GetProperty("actual").GetString());
        Assert.Equal((false, false), (filled[2].GetProperty("achieved").GetBoolean(), filled[2].GetProperty("computed").GetBoolean()));
        await Expect(api["superior"].PostAsJsonAsync($"{path}/kpi-sheets/{sheetId}/sign", new { version = await SheetVersion() }), HttpStatusCode.Forbidden, "not-allowed");
        await NoContent(api["supervisor"].PostAsJsonAsync($"{path}/kpi-sheets/{sheetId}/sign", new { version = await SheetVersion() }));
        await NoContent(api["superior"].PostAsJsonAsync($"{path}/kpi-sheets/{sheetId}/agree", new { version = await SheetVersion() }));
        await NoContent(api["hr"].PostAsJsonAsync($"{path}/kpi-sheets/{sheetId}/send", new { version = await SheetVersion() }));
        Assert.Equal("effective", (await Ok(api["servant"].GetAsync($"{path}/kpi-sheets/{sheetId}"))).GetProperty("grade").GetString());

        // Competency sheet: every indicator observed, ticked and signed in one step; a signature
        // with a competency left out is refused and keeps none of the ticks.
        var competency = await Ok(api["supervisor"].PostAsync($"{path}/plans/{planId}/competency-sheet", null));
        var competencyId = competency.GetProperty("id").GetGuid();
        var marks = competency.GetProperty("competencies").EnumerateArray()
            .Select(c => new { competency = c.GetProperty("id").GetString(), observed = Enumerable.Range(1, c.GetProperty("indicators").GetArrayLength()).ToList() })
            .ToList();
        await Expect(api["supervisor"].PutAsJsonAsync($"{path}/competency-sheets/{competencyId}/marks", new { version = await CompetencyVersion(), marks = new object?[] { null } }), HttpStatusCode.BadRequest, "invalid-input");
        await Expect(api["supervisor"].PutAsJsonAsync($"{path}/competency-sheets/{competencyId}/marks", new { version = await CompetencyVersion(), marks = marks.Skip(1), sign = true }), HttpStatusCode.BadRequest, "required");
        var untouched = await Ok(api["supervisor"].GetAsync($"{path}/competency-sheets/{competencyId}"));
        Assert.All(untouched.GetProperty("competencies").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("observed").GetArrayLength()));
        await NoContent(api["supervisor"].PutAsJsonAsync($"{path}/competency-sheets/{competencyId}/competencies/{marks[0].competency}", new { version = await CompetencyVersion(), marks[0].observed }));
        await NoContent(api["supervisor"].PutAsJsonAsync($"{path}/competency-sheets/{competencyId}/marks", new { version = await CompetencyVersion(), marks, sign = true }));
        var signed = await Ok(api["servant"].GetAsync($"{path}/competency-sheets/{competencyId}"));
        Assert.All(signed.GetProperty("competencies").EnumerateArray(), c => Assert.Equal("meets", c.GetProperty("level").GetString()));
        await NoContent(api["hr"].PostAsJsonAsync($"{path}/competency-sheets/{competencyId}/send", new { version = await CompetencyVersion() }));

        // Commission, schedule, sitting: quorum, the secretary's vote refused, a tie the chair decides.
        await MoveTo(new DateOnly(2022, 12, 1));
        var seats = new[] { ("chair", "chair"), ("member1", "member"), ("member2", "member"), ("member3", "member"), ("member4", "member"), ("secretary", "secretary") }
            .Select(s => new { servantId = world.Servants[s.Item1], role = s.Item2 }).ToList();
        await Expect(api["hr"].PutAsJsonAsync($"{path}/cycles/{cycleId}/commission", new { seats }), HttpStatusCode.Forbidden, "not-allowed");
        await Ok(api["authorized"].PutAsJsonAsync($"{path}/cycles/{cycleId}/commission", new { seats }));
        // The notice period is checked where HR sets the day: four days ahead is too late to notify.
        await Expect(api["hr"].PostAsJsonAsync($"{path}/cycles/{cycleId}/schedules", new { sittings = new[] { "2022-12-05" }, servants = new[] { world.Servant } }), HttpStatusCode.UnprocessableEntity, "notice-too-late");
        var schedule = await Ok(api["hr"].PostAsJsonAsync($"{path}/cycles/{cycleId}/schedules", new { sittings = new[] { "2022-12-20" }, servants = new[] { world.Servant } }));
        var scheduleId = schedule.GetProperty("id").GetGuid();
        await NoContent(api["chair"].PostAsJsonAsync($"{path}/schedules/{scheduleId}/agree", new { version = schedule.GetProperty("version").GetInt32() }));
        Assert.Equal("agreed", (await Ok(api["hr"].GetAsync($"{path}/schedules/{scheduleId}"))).GetProperty("state").GetString());

        await MoveTo(new DateOnly(2022, 12, 20));
        var sitting = await Ok(api["hr"].PostAsJsonAsync($"{path}/schedules/{scheduleId}/sittings", new { on = "2022-12-20" }));
        var sittingId = sitting.GetProperty("id").GetGuid();
        await Expect(api["outsider"].GetAsync($"{path}/sittings/{sittingId}"), HttpStatusCode.NotFound, "not-found");
        await NoContent(api["secretary"].PutAsJsonAsync($"{path}/sittings/{sittingId}/attendance", new { version = await SittingVersion(), present = new[] { world.Servants["chair"], world.Servants["secretary"] } }));
        await Expect(api["secretary"].PostAsJsonAsync($"{path}/sittings/{sittingId}/cases", new { version = await SittingVersion(), servantId = world.Servant }), HttpStatusCode.UnprocessableEntity, "no-quorum");
        var present = new[] { "chair", "member1", "member2", "member3", "secretary" }.Select(n => world.Servants[n]).ToList();
        await NoContent(api["secretary"].PutAsJsonAsync($"{path}/sittings/{sittingId}/attendance", new { version = await SittingVersion(), present }));
        await Expect(api["secretary"].PostAsJsonAsync($"{path}/sittings/{sittingId}/votes", new { version = await SittingVersion(), servantId = world.Servant, vote = "approve" }), HttpStatusCode.UnprocessableEntity, "secretary-does-not-vote");
        foreach (var (member, vote) in new[] { ("chair", "revise"), ("member1", "revise"), ("member2", "approve"), ("member3", "approve") })
        {
            await NoContent(api[member].PostAsJsonAsync($"{path}/sittings/{sittingId}/votes", new { version = await SittingVersion(), servantId = world.Servant, vote }));
        }

        await NoContent(api["secretary"].PostAsJsonAsync($"{path}/sittings/{sittingId}/cases", new { version = await SittingVersion(), servantId = world.Servant, correctedGrade = "excellent", recommendations = "Тәлімгерлік" }));
        await NoContent(api["hr"].PostAsJsonAsync($"{path}/sittings/{sittingId}/protocol", new { version = await SittingVersion() }));

        // The authorized person approves the next day: the appeal deadline still counts from the
        // Commission's decision (clause 43 "шешім шыққан күннен бастап"), not from the approval.
        await MoveTo(new DateOnly(2022, 12, 21));
        await Expect(api["hr"].PostAsJsonAsync($"{path}/sittings/{sittingId}/protocol/approve", new { version = await SittingVersion() }), HttpStatusCode.Forbidden, "not-allowed");
        await NoContent(api["authorized"].PostAsJsonAsync($"{path}/sittings/{sittingId}/protocol/approve", new { version = await SittingVersion() }));
        var protocol = await Ok(api["authorized"].GetAsync($"{path}/sittings/{sittingId}/protocol"));
        var row = protocol.GetProperty("rows")[0];
        Assert.Equal(("revise", "excellent"), (row.GetProperty("decision").GetString(), row.GetProperty("correctedGrade").GetString()));
        var acquaintanceId = row.GetProperty("acquaintanceId").GetGuid();

        // Refusal act by HR; the result enters the service record.
        var acquaintance = await Ok(api["servant"].GetAsync($"/api/v1/acquaintances/{acquaintanceId}"));
        var act = new { date = "2022-12-21", hrName = "Қызметші hr", hrPosition = "Кадр", witness1Name = "Қызметші member1", witness1Position = "Бас маман", witness2Name = "Қызметші member2", witness2Position = "Жетекші маман", note = "Қол қоюдан бас тартты" };
        await MoveTo(new DateOnly(2022, 12, 21));
        await Expect(api["servant"].PostAsJsonAsync($"{path}/acquaintances/{acquaintanceId}/refusal-act", new { version = acquaintance.GetProperty("version").GetInt32(), act }), HttpStatusCode.Forbidden, "not-allowed");
        await NoContent(api["hr"].PostAsJsonAsync($"{path}/acquaintances/{acquaintanceId}/refusal-act", new { version = acquaintance.GetProperty("version").GetInt32(), act }));

        // Appeal: late refused with the clause; in time recorded; re-evaluation reopens the KPI sheet.
        var version = host.Services.GetRequiredService<PackCatalog>().Catalogue.Find(pack)!.VersionOn(new DateOnly(2022, 1, 1))!;
        var due = DeadlineDecision.Decide(version, "appeal", new DateOnly(2022, 12, 20), host.Services.GetRequiredService<PackCatalog>().Catalogue.Calendar);
        await MoveTo(due.Answer!.Due.AddDays(5));
        var late = await Expect(api["hr"].PostAsJsonAsync($"{path}/sittings/{sittingId}/appeals", new { servantId = world.Servant, filedOn = due.Answer.Due.AddDays(1) }), HttpStatusCode.UnprocessableEntity, "appeal-late");
        Assert.Contains(due.Provenance!.Clause!, late.GetProperty("title").GetString(), StringComparison.Ordinal);
        var appeal = await Ok(api["hr"].PostAsJsonAsync($"{path}/sittings/{sittingId}/appeals", new { servantId = world.Servant, filedOn = due.Answer.Due }));
        await Expect(api["outsider"].GetAsync($"{path}/appeals/{appeal.GetProperty("id").GetGuid()}"), HttpStatusCode.NotFound, "not-found");
        await NoContent(api["hr"].PostAsJsonAsync($"{path}/appeals/{appeal.GetProperty("id").GetGuid()}/outcome", new { version = appeal.GetProperty("version").GetInt32(), outcome = "re-evaluate", note = "Қайта бағалау" }));
        var reopened = await Ok(api["hr"].GetAsync($"{path}/kpi-sheets/{sheetId}"));
        Assert.Equal(("draft", appeal.GetProperty("id").GetGuid()), (reopened.GetProperty("state").GetString(), reopened.GetProperty("reopenedByAppealId").GetGuid()));

        async Task<int> PlanVersion() => (await Ok(api["hr"].GetAsync($"{path}/plans/{planId}"))).GetProperty("version").GetInt32();
        async Task<int> SheetVersion() => (await Ok(api["hr"].GetAsync($"{path}/kpi-sheets/{sheetId}"))).GetProperty("version").GetInt32();
        async Task<int> CompetencyVersion() => (await Ok(api["hr"].GetAsync($"{path}/competency-sheets/{competencyId}"))).GetProperty("version").GetInt32();
        async Task<int> SittingVersion() => (await Ok(api["hr"].GetAsync($"{path}/sittings/{sittingId}"))).GetProperty("version").GetInt32();
    }

    private static MultipartFormDataContent Upload(int kpi, string name, byte[] content)
    {
        var form = new MultipartFormDataContent { { new StringContent(kpi.ToString(System.Globalization.CultureInfo.InvariantCulture)), "kpi" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        return form;
    }

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task NoContent(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> Expect(Task<HttpResponseMessage> call, HttpStatusCode status, string code)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {text}");
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }
}

/// <summary>The web app on a test database with a clock the test sets (Kazakhstan's date is the clock's day).</summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly FixedClock _clock = new(new DateTimeOffset(2022, 1, 4, 6, 0, 0, TimeSpan.Zero));

    private ApiHost(TestDatabase database)
    {
        _database = database;
        Factory = new WebApplicationFactory<Bagalau.Web.WebApp>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", database.Options.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Bagalau", database.Options.ConnectionString);
            builder.UseSetting("Bagalau:SeedDemo", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Eleven people sign in again on every day the test moves the clock to, from one address.
            builder.UseSetting("Bagalau:SignInRateLimit:PermitLimit", "1000");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
    }

    public WebApplicationFactory<Bagalau.Web.WebApp> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public DateOnly Today
    {
        set => _clock.Now = new DateTimeOffset(value.Year, value.Month, value.Day, 6, 0, 0, TimeSpan.Zero);
    }

    public static async Task<ApiHost> StartAsync(string provider)
    {
        var host = new ApiHost(await TestDatabases.CreateAsync(provider));
        _ = host.Factory.Server;
        return host;
    }

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = World.Password });
        var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.TryGetProperty("accessToken", out var access), body.ToString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access.GetString());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }
}
