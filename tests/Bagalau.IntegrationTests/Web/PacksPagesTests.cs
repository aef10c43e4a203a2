using System.Net;
using System.Text.Json;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

public class PacksPagesTests
{
    // nhrc clause 5 (tenure and worked days), Kazakh verbatim from packs/nhrc/clauses.yaml.
    private const string NhrcClause5 = "нақты лауазымда болу мерзімі бағаланатын лауазымға тағайындалған";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PacksPage_ListsEveryPackWithItsVersions_ForAnySignedInUser(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("reader@example.kz", language: "en");
        var client = host.Client();
        await Forms.SignInAsync(client, "reader@example.kz");

        var html = await client.GetStringAsync("/packs");

        foreach (var id in new[] { "almaty-akimat", "mdai", "nhrc", "oskemen-maslikhat", "sjc-apparatus" })
        {
            Assert.Contains($"data-test=\"pack-{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("31.08.2023", html, StringComparison.Ordinal); // oskemen-maslikhat's sunset
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NhrcPackPage_ShowsEachRuleWithTheActsClauseText(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("reader@example.kz");
        var client = host.Client();
        await Forms.SignInAsync(client, "reader@example.kz");

        var html = await client.GetStringAsync("/packs/nhrc?asOf=2026-06-01");

        Assert.Contains(NhrcClause5, html, StringComparison.Ordinal);
        Assert.Contains("<details", html, StringComparison.Ordinal);
        Assert.Contains("2026-03", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Categories evaluated by the plan instead of a rating sheet")]
    [InlineData("kk", "Бағалау парағының орнына жоспар бойынша бағаланатын санаттар")]
    public void OskemenPlanRule_NamesTheCategoriesThePlanEvaluates_WithItsClause(string language, string rule)
    {
        // oskemen 3: the head of the apparatus (E-2) is evaluated by the KTI plan, not a rating sheet.
        var version = Application.Packs.PackCatalog.LoadEmbedded().Catalogue.Find("oskemen-maslikhat")!.VersionOn(new DateOnly(2024, 6, 1))!;

        var line = Assert.Single(Application.Packs.PackDescriber.Describe(version, language), l => l.Rule == rule);

        Assert.Equal(("E-2", "3"), (line.Summary, line.Clause));
        Assert.NotNull(line.ClauseText);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PackPage_BeforeAnyVersion_SaysNoVersionIsInForce(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("reader@example.kz", language: "en");
        var client = host.Client();
        await Forms.SignInAsync(client, "reader@example.kz");

        var html = await client.GetStringAsync("/packs/nhrc?asOf=2019-01-01");
        var unknown = await client.GetAsync("/packs/no-such-pack");

        Assert.Contains("data-test=\"no-version\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(NhrcClause5, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PacksPage_WithoutSignIn_RedirectsToSignIn(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Client().GetAsync("/packs/nhrc");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PacksApi_ListsPacksAndAnswersRulesInForceWithClauseTexts(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("reader@example.kz", language: "en");
        var client = host.Client();
        await Forms.SignInAsync(client, "reader@example.kz");

        var list = JsonDocument.Parse(await client.GetStringAsync("/api/v1/packs")).RootElement;
        var nhrc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/packs/nhrc?asOf=2026-06-01")).RootElement;
        var badDate = await client.GetAsync("/api/v1/packs/nhrc?asOf=2026-13-45");
        var unknown = await client.GetAsync("/api/v1/packs/no-such-pack");
        var noVersion = await client.GetAsync("/api/v1/packs/nhrc?asOf=2019-01-01");

        Assert.Equal(5, list.GetArrayLength());
        Assert.Equal("2026-03", nhrc.GetProperty("version").GetProperty("id").GetString());
        var clauseTexts = nhrc.GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray())
            .Select(r => r.GetProperty("clauseText").GetString() ?? string.Empty);
        Assert.Contains(clauseTexts, text => text.Contains(NhrcClause5, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal("pack-as-of-invalid", Code(await badDate.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("pack-unknown", Code(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
        Assert.Equal("pack-no-version", Code(await noVersion.Content.ReadAsStringAsync()));
    }

    private static string? Code(string json) => JsonDocument.Parse(json).RootElement.GetProperty("code").GetString();
}
