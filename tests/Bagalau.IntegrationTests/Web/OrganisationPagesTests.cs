using System.Net;
using Bagalau.Application.Accounts;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Web;

public class OrganisationPagesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UserOfOneBody_Gets404OnEveryPageOfAnotherBody(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var a = await host.CreateBodyAsync("body-a");
        var b = await host.CreateBodyAsync("body-b");
        var (unitB, positionB, servantB) = await host.CreateStaffAsync(b);
        await host.CreateMemberAsync("hr-a@example.kz", a, BodyRole.Administrator);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr-a@example.kz");

        var paths = new[]
        {
            $"/bodies/{b}", $"/bodies/{b}/units", $"/bodies/{b}/units/new", $"/bodies/{b}/units/{unitB}/edit",
            $"/bodies/{b}/positions", $"/bodies/{b}/positions/{positionB}/edit", $"/bodies/{b}/servants",
            $"/bodies/{b}/servants/new", $"/bodies/{b}/servants/{servantB}", $"/bodies/{b}/servants/{servantB}/edit", $"/bodies/{b}/audit",
        };
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }

        // Records of body B are not reachable through body A's pages either.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/bodies/{a}/servants/{servantB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/bodies/{a}/units/{unitB}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/bodies/{a}/units")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PostToAnotherBody_IsRefusedAndChangesNothing(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var a = await host.CreateBodyAsync("body-a");
        var b = await host.CreateBodyAsync("body-b");
        await host.CreateMemberAsync("hr-a@example.kz", a);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr-a@example.kz");

        var response = await Forms.PostAsync(client, $"/bodies/{a}/units/new",
            new Dictionary<string, string> { ["Input.Code"] = "intruder", ["Input.NameKk"] = "Бөгде" }, $"/bodies/{b}/units/new");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await host.WithDbAsync(db => db.StructuralUnits.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Servant_SeesTheDashboardButNotTheOrganisation(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("servant@example.kz", body, BodyRole.Servant);
        var client = host.Client();
        await Forms.SignInAsync(client, "servant@example.kz");

        var home = await client.GetAsync("/");
        var dashboard = await client.GetAsync($"/bodies/{body}");
        var servants = await client.GetAsync($"/bodies/{body}/servants");
        var newUnit = await Forms.PostAsync(client, $"/bodies/{body}",
            new Dictionary<string, string> { ["Input.Code"] = "x", ["Input.NameKk"] = "X" }, $"/bodies/{body}/units/new");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal($"/bodies/{body}", home.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.DoesNotContain("nav-servants", await dashboard.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, servants.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newUnit.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UserOfTwoBodies_ChoosesTheBodyOnTheHomePage(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var a = await host.CreateBodyAsync("body-a");
        var b = await host.CreateBodyAsync("body-b");
        await host.CreateMemberAsync("hr@example.kz", a);
        await host.WithAsync<AccountService, Result>(async accounts =>
        {
            var user = await host.WithDbAsync(db => db.Users.SingleAsync());
            return await accounts.GrantAsync(user.Id, b, BodyRole.Hr);
        });
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var home = await client.GetStringAsync("/");
        var switched = await client.GetAsync($"/?body={b}");

        Assert.Contains("Сынақ органы", home);
        Assert.Contains("data-test=\"body-switcher\"", home);
        Assert.Contains($"/bodies/{a}", home);
        Assert.Contains($"/bodies/{b}", home);
        Assert.Equal($"/bodies/{b}", switched.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateUnit_UnderAParent_AppearsInTheTree(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var top = await Forms.PostAsync(client, $"/bodies/{body}/units/new",
            new Dictionary<string, string> { ["Input.Code"] = "finance", ["Input.NameKk"] = "Қаржы департаменті", ["Input.NameRu"] = "Департамент финансов" });
        var parent = await host.WithDbAsync(db => db.StructuralUnits.SingleAsync());
        var child = await Forms.PostAsync(client, $"/bodies/{body}/units/new",
            new Dictionary<string, string> { ["Input.Code"] = "budget", ["Input.NameKk"] = "Бюджет басқармасы", ["Input.ParentId"] = parent.Id.ToString() });
        var tree = await client.GetStringAsync($"/bodies/{body}/units");

        Assert.Equal(HttpStatusCode.Redirect, top.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, child.StatusCode);
        Assert.Contains("Қаржы департаменті", tree);
        Assert.Contains("Бюджет басқармасы", tree);
        Assert.Equal(parent.Id, (await host.WithDbAsync(db => db.StructuralUnits.SingleAsync(u => u.Code == "budget"))).ParentId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MoveUnit_UnderItsOwnChild_IsRefusedWithTheMessage(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var top = (await host.WithAsync<OrganisationService, Result<StructuralUnit>>(o => o.CreateUnitAsync(body, new UnitInput("top", "Жоғары", null, null, null)))).Value;
        var child = (await host.WithAsync<OrganisationService, Result<StructuralUnit>>(o => o.CreateUnitAsync(body, new UnitInput("child", "Төменгі", null, null, top.Id)))).Value;
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var response = await Forms.PostAsync(client, $"/bodies/{body}/units/{top.Id}/edit", new Dictionary<string, string>
        {
            ["Input.Code"] = "top",
            ["Input.NameKk"] = "Жоғары",
            ["Input.ParentId"] = child.Id.ToString(),
            ["Input.Version"] = top.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("«top» бөлімшесін өзінің ішіне орналастыруға болмайды.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null((await host.WithDbAsync(db => db.StructuralUnits.SingleAsync(u => u.Code == "top"))).ParentId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreatePosition_WithUnknownCategory_ShowsTheMessageAndSavesNothing(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body, language: "en");
        var unit = (await host.WithAsync<OrganisationService, Result<StructuralUnit>>(o => o.CreateUnitAsync(body, new UnitInput("top", "Жоғары", null, null, null)))).Value;
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var response = await Forms.PostAsync(client, $"/bodies/{body}/positions/new", new Dictionary<string, string>
        {
            ["Input.Code"] = "p-1",
            ["Input.TitleKk"] = "Бас сарапшы",
            ["Input.UnitId"] = unit.Id.ToString(),
            ["Input.Category"] = "Z-9",
            ["Input.Qualifier"] = string.Empty,
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Category 'Z-9' is not in the register", html);
        Assert.Contains("value=\"p-1\"", html);
        Assert.Equal(0, await host.WithDbAsync(db => db.Positions.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateServant_WithBadIin_ShowsTheMessageNextToTheFieldAndSavesNothing(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");
        var bad = WebTestHost.ValidIin[..11] + (char)('0' + ((WebTestHost.ValidIin[11] - '0' + 1) % 10));

        var response = await Forms.PostAsync(client, $"/bodies/{body}/servants/new", new Dictionary<string, string>
        {
            ["Input.Iin"] = bad,
            ["Input.FullName"] = "Серікбаева Айгүл Болатқызы",
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"data-test=\"error-iin\"[^>]*>ЖСН «{bad}» бақылау цифры дұрыс емес", html);
        Assert.Contains("value=\"Серікбаева Айгүл Болатқызы\"", html);
        Assert.Equal(0, await host.WithDbAsync(db => db.Servants.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateServant_Valid_OpensTheDetails(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var response = await Forms.PostAsync(client, $"/bodies/{body}/servants/new", new Dictionary<string, string>
        {
            ["Input.Iin"] = WebTestHost.ValidIin,
            ["Input.FullName"] = "Серікбаева Айгүл Болатқызы",
            ["Input.Email"] = "aigul@example.kz",
            ["Input.ProvidesPublicServices"] = "true",
        });
        var details = await client.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Серікбаева Айгүл Болатқызы", details);
        Assert.Contains(WebTestHost.ValidIin, details);
        var saved = await host.WithDbAsync(db => db.Servants.SingleAsync());
        Assert.True(saved.ProvidesPublicServices);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EditServant_FromAStaleCopy_ShowsTheConflictAndKeepsTheInput(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        var (_, _, servantId) = await host.CreateStaffAsync(body);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");
        var read = await host.WithDbAsync(db => db.Servants.SingleAsync());
        // Someone else saves first.
        var other = await host.WithAsync<OrganisationService, Result<Servant>>(o => o.UpdateServantAsync(body, servantId, read.Version,
            new ServantInput(read.Iin, read.FullName, "other@example.kz", null, false)));
        Assert.True(other.IsSuccess);

        var response = await Forms.PostAsync(client, $"/bodies/{body}/servants/{servantId}/edit", new Dictionary<string, string>
        {
            ["Input.Iin"] = read.Iin,
            ["Input.FullName"] = "Әбенов Асқар Серікұлы",
            ["Input.Email"] = "mine@example.kz",
            ["Input.Version"] = read.Version.ToString(),
        });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Бұл жазбаны сіз ашқаннан кейін басқа біреу өзгертті.", html);
        Assert.Contains("value=\"mine@example.kz\"", html);
        Assert.Equal("other@example.kz", (await host.WithDbAsync(db => db.Servants.SingleAsync())).Email);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ServantList_ShowsFiftyPerPageAndSearchesByNameAndIin(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body);
        for (var i = 0; i < 55; i++)
        {
            var iin = WebTestHost.Iin("850101", 3, 10 + (i * 13));
            var name = i == 7 ? "Жұмабекова Динара Маратқызы" : $"Қызметші {i:D2} Тестұлы";
            var created = await host.WithAsync<OrganisationService, Result<Servant>>(o => o.CreateServantAsync(body, new ServantInput(iin, name, null, null, false)));
            Assert.True(created.IsSuccess, string.Join("; ", created.Errors));
        }

        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var first = await client.GetStringAsync($"/bodies/{body}/servants");
        var second = await client.GetStringAsync($"/bodies/{body}/servants?page=2");
        var byName = await client.GetStringAsync($"/bodies/{body}/servants?q=динара");
        var dinara = await host.WithDbAsync(db => db.Servants.SingleAsync(s => s.FullName.StartsWith("Жұмабекова")));
        var byIin = await client.GetStringAsync($"/bodies/{body}/servants?q={dinara.Iin[..8]}");

        Assert.Equal(50, CountRows(first));
        Assert.Equal(5, CountRows(second));
        Assert.Contains("data-test=\"pager-next\"", first);
        Assert.Equal(1, CountRows(byName));
        Assert.Contains("Жұмабекова Динара Маратқызы", byName);
        Assert.Contains("Жұмабекова Динара Маратқызы", byIin);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AddAbsence_EndingBeforeItStarts_ShowsTheMessageAndSavesNothing_ThenAValidOneIsListed(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body, language: "ru");
        var (_, _, servantId) = await host.CreateStaffAsync(body);
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");
        var page = $"/bodies/{body}/servants/{servantId}";

        var bad = await Forms.PostAsync(client, page, new Dictionary<string, string>
        {
            ["Absence.Kind"] = "sick",
            ["Absence.From"] = "2025-03-10",
            ["Absence.To"] = "2025-03-01",
        }, page + "?handler=Absence");
        var badHtml = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        var good = await Forms.PostAsync(client, page, new Dictionary<string, string>
        {
            ["Absence.Kind"] = "trip",
            ["Absence.From"] = "2025-03-01",
            ["Absence.To"] = "2025-03-05",
        }, page + "?handler=Absence");
        var details = await client.GetStringAsync(page);

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Окончание отсутствия (2025-03-01) раньше его начала (2025-03-10).", badHtml);
        Assert.Contains("value=\"2025-03-10\"", badHtml);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Командировка", details);
        Assert.Contains("01.03.2025", details);
        var absence = await host.WithDbAsync(db => db.Absences.SingleAsync());
        Assert.Equal(AbsenceKind.Trip, absence.Kind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReportingLine_ThatWouldCloseACycle_IsRefusedWithTheMessage(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body, language: "en");
        var (_, _, boss) = await host.CreateStaffAsync(body);
        var staffIin = WebTestHost.Iin("920704", 4, 55);
        var staff = (await host.WithAsync<OrganisationService, Result<Servant>>(o => o.CreateServantAsync(body, new ServantInput(staffIin, "Оспанова Мадина Асанқызы", null, null, false)))).Value;
        var bossIin = (await host.WithDbAsync(db => db.Servants.SingleAsync(s => s.Id == boss))).Iin;
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var first = await Forms.PostAsync(client, $"/bodies/{body}/servants/{staff.Id}",
            new Dictionary<string, string> { ["Reporting.Kind"] = "direct-supervisor", ["Reporting.SupervisorIin"] = bossIin },
            $"/bodies/{body}/servants/{staff.Id}?handler=Reporting");
        var cycle = await Forms.PostAsync(client, $"/bodies/{body}/servants/{boss}",
            new Dictionary<string, string> { ["Reporting.Kind"] = "direct-supervisor", ["Reporting.SupervisorIin"] = staffIin },
            $"/bodies/{body}/servants/{boss}?handler=Reporting");
        var html = WebUtility.HtmlDecode(await cycle.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cycle.StatusCode);
        Assert.Contains("Direct-supervisor lines form a cycle", html);
        Assert.Equal(1, await host.WithDbAsync(db => db.ReportingLines.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AuditPage_ForAdministrators_ListsChangesAndVerifiesTheChain(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("admin@example.kz", body, BodyRole.Administrator, "en");
        await host.CreateMemberAsync("hr@example.kz", body);
        var admin = host.Client();
        await Forms.SignInAsync(admin, "admin@example.kz");
        await Forms.PostAsync(admin, $"/bodies/{body}/units/new", new Dictionary<string, string> { ["Input.Code"] = "finance", ["Input.NameKk"] = "Қаржы" });

        var page = await admin.GetStringAsync($"/bodies/{body}/audit");
        var verified = await Forms.PostAsync(admin, $"/bodies/{body}/audit", new Dictionary<string, string>(), $"/bodies/{body}/audit?handler=Verify");
        var hr = host.Client();
        await Forms.SignInAsync(hr, "hr@example.kz");

        Assert.Contains("admin@example.kz", page);
        Assert.Contains("StructuralUnit", page);
        Assert.Contains("Audit chain intact", await verified.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await hr.GetAsync($"/bodies/{body}/audit")).StatusCode);
    }

    private static int CountRows(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        return body.Split("<tr>").Length - 1;
    }
}
