using System.Net;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

public class SignInTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignInPage_OnFirstVisit_IsInKazakh(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        var response = await client.GetAsync("/Account/SignIn");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"kk\">", html);
        Assert.Contains("Жүйеге кіру", html);
        Assert.Contains("Құпиясөз", html);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Page_WhenAnonymous_RedirectsToSignIn(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Client().GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_WithRightPassword_OpensHomeInTheUsersLanguage(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz", language: "ru");
        var client = host.Client();

        var signIn = await Forms.SignInAsync(client, "hr@example.kz");
        var home = await client.GetAsync("/");
        var html = await home.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<html lang=\"ru\">", html);
        Assert.Contains("Выйти", html);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_WithWrongPassword_ShowsGenericErrorAndStaysSignedOut(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();

        var wrong = await Forms.SignInAsync(client, "hr@example.kz", "Wrong-Password-1");
        var unknown = await Forms.SignInAsync(client, "nobody@example.kz", "Wrong-Password-1");
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Электрондық пошта немесе құпиясөз қате.", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Электрондық пошта немесе құпиясөз қате.", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightPassword(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();

        for (var i = 0; i < 5; i++)
        {
            await Forms.SignInAsync(client, "hr@example.kz", "Wrong-Password-1");
        }

        var right = await Forms.SignInAsync(client, "hr@example.kz");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("тіркелгі уақытша бұғатталды", await right.Content.ReadAsStringAsync());
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByEmailAsync("hr@example.kz"))!));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_MoreOftenThanTheRateLimit_IsRefusedWith429(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Bagalau:SignInRateLimit:PermitLimit"] = "3",
            ["Bagalau:SignInRateLimit:WindowSeconds"] = "600",
        });
        var client = host.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await Forms.SignInAsync(client, "nobody@example.kz", "Wrong-Password-1")).StatusCode);
        }

        var page = await client.GetAsync("/Account/SignIn");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejectedAndDoesNotSignIn(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();

        var response = await client.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "hr@example.kz",
            ["Input.Password"] = WebTestHost.Password,
        }));
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SignOut_EndsTheSession(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var signOut = await Forms.PostAsync(client, "/", new Dictionary<string, string>(), "/Account/SignOut");
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ChangePassword_TooWeak_ShowsTheRuleAndKeepsTheOldPassword(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var weak = await Forms.PostAsync(client, "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = WebTestHost.Password,
            ["Input.NewPassword"] = "short1",
            ["Input.ConfirmPassword"] = "short1",
        });
        var strong = await Forms.PostAsync(client, "/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = WebTestHost.Password,
            ["Input.NewPassword"] = "Another-Pass-2027",
            ["Input.ConfirmPassword"] = "Another-Pass-2027",
        });

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Құпиясөз кемінде 8 таңбадан тұруы керек.", await weak.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, strong.StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByEmailAsync("hr@example.kz"))!, "Another-Pass-2027"));
    }
}
