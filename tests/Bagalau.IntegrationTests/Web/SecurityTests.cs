using System.Net;
using System.Text.Json;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

public class SecurityTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Client();

        foreach (var path in new[] { "/Account/SignIn", "/api/v1/me", "/no-such-page", "/css/site.css" })
        {
            var response = await client.GetAsync(path);
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cookies_AreHttpOnlyAndSameSite(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();

        var signIn = await Forms.SignInAsync(client, "hr@example.kz");

        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        var auth = Assert.Single(cookies, c => c.StartsWith("bagalau.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
        Assert.All(cookies, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UnhandledError_ShowsAGenericPageWithoutDetails(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Client();

        var page = await client.GetAsync(WebTestHost.ThrowPath);
        var html = await page.Content.ReadAsStringAsync();
        var api = await client.GetAsync(WebTestHost.ApiThrowPath);
        var json = await api.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.Contains("Қате орын алды", html);
        Assert.DoesNotContain("SECRET-STACK-DETAIL", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(" at ", html);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("SECRET-STACK-DETAIL", json);
        Assert.DoesNotContain("InvalidOperationException", json);
        Assert.Equal("server-error", JsonDocument.Parse(json).RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UnknownPage_Shows404Page(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Client().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Табылмады", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LanguageSwitch_WithoutAntiforgeryToken_IsRejected(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Client();

        var response = await client.PostAsync("/Account/Language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "ru" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("bagalau.culture", StringComparison.Ordinal));
    }
}
