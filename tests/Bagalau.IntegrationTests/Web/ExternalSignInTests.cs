using System.Net;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Web;

/// <summary>External OpenID Connect sign-in against a local test provider (TestOidcIssuer).</summary>
public class ExternalSignInTests
{
    [Fact]
    public async Task ExternalSignIn_WithAVerifiedEmailOfALocalAccount_SignsIntoThatAccount()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var host = await StartAsync(issuer);
        await host.CreateUserAsync("alice@example.kz", language: "ru");
        issuer.NextUser = new TestOidcUser("ext-alice", "alice@example.kz", true);
        var client = host.Client();

        var (landed, _) = await SignInExternallyAsync(client, issuer);
        var home = await client.GetAsync("/");
        var logins = await host.WithDbAsync(db => db.UserLogins.ToListAsync());

        Assert.Equal("/", landed);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<html lang=\"ru\">", await home.Content.ReadAsStringAsync());
        var login = Assert.Single(logins);
        Assert.Equal("oidc", login.LoginProvider);
        Assert.Equal("ext-alice", login.ProviderKey);
    }

    [Fact]
    public async Task ExternalSignIn_WithAnEmailWithoutLocalAccount_IsRefusedAndCreatesNoAccount()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var host = await StartAsync(issuer);
        issuer.NextUser = new TestOidcUser("ext-bob", "bob@example.kz", true);
        var client = host.Client();

        var (landed, page) = await SignInExternallyAsync(client, issuer);

        Assert.StartsWith("/Account/External/Callback", landed);
        Assert.Contains("Бұл электрондық поштаға Bagalau жүйесінде тіркелгі жоқ.", page);
        Assert.Equal(0, await host.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ExternalSignIn_WithAnUnverifiedEmail_IsRefused()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var host = await StartAsync(issuer);
        await host.CreateUserAsync("alice@example.kz");
        issuer.NextUser = new TestOidcUser("ext-mallory", "alice@example.kz", false);
        var client = host.Client();

        var (landed, page) = await SignInExternallyAsync(client, issuer);

        Assert.Contains("расталған электрондық пошта мекенжайын бермеді", page);
        Assert.Equal(0, await host.WithDbAsync(db => db.UserLogins.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignInPage_WithAProvider_OffersItAndAllowsTheRedirectInTheCsp()
    {
        await using var issuer = await TestOidcIssuer.StartAsync();
        await using var host = await StartAsync(issuer);

        var response = await host.Client().GetAsync("/Account/SignIn");

        Assert.Contains("Test IdP арқылы кіру", await response.Content.ReadAsStringAsync());
        Assert.Contains("form-action 'self' " + issuer.Authority.GetLeftPart(UriPartial.Authority), response.Headers.GetValues("Content-Security-Policy").Single());
    }

    private static Task<WebTestHost> StartAsync(TestOidcIssuer issuer) =>
        WebTestHost.StartAsync("sqlite", new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = issuer.Authority.ToString().TrimEnd('/'),
            ["Authentication:Oidc:ClientId"] = TestOidcIssuer.ClientId,
            ["Authentication:Oidc:ClientSecret"] = TestOidcIssuer.ClientSecret,
            ["Authentication:Oidc:DisplayName"] = "Test IdP",
            ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        });

    /// <summary>Clicks "sign in with the provider", lets the provider answer; where the app lands and the page there.</summary>
    private static async Task<(string Landed, string Page)> SignInExternallyAsync(HttpClient client, TestOidcIssuer issuer)
    {
        var challenge = await Forms.PostAsync(client, "/Account/SignIn", new Dictionary<string, string> { ["returnUrl"] = "/" }, "/Account/External");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(issuer.Authority.ToString(), authorize.ToString());

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var provider = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, provider.StatusCode);
        var callback = provider.Headers.Location!;

        var signedIn = await client.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var next = signedIn.Headers.Location!.OriginalString;
        var local = await client.GetAsync(next);
        return local.StatusCode == HttpStatusCode.Redirect
            ? (local.Headers.Location!.OriginalString, string.Empty)
            : (next, await local.Content.ReadAsStringAsync());
    }
}
