using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

public class ApiAccountTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Api_WithoutCredentials_Answers401ProblemDetails(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);

        var response = await host.Client().GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unauthorized", problem.GetProperty("code").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_ForRightPassword_OpensTheApiWithBearer(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz", language: "ru");
        var client = host.Client();

        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "hr@example.kz", password = WebTestHost.Password });
        var body = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        var bearer = host.Client();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        var me = await bearer.GetAsync("/api/v1/me");
        var meBody = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("hr@example.kz", meBody.GetProperty("email").GetString());
        Assert.Equal("ru", meBody.GetProperty("language").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_Refresh_GivesANewWorkingToken(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();
        var first = JsonDocument.Parse(await (await client.PostAsJsonAsync("/api/v1/auth/token",
            new { email = "hr@example.kz", password = WebTestHost.Password })).Content.ReadAsStringAsync()).RootElement;

        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.GetProperty("refreshToken").GetString() });
        var forged = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" });
        var second = JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement;
        var bearer = host.Client();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.GetProperty("accessToken").GetString());

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_ForWrongPassword_IsAProblemInTheRequestedLanguage(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");

        var titles = new Dictionary<string, string>();
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            var client = host.Client();
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "hr@example.kz", password = "Wrong-Password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("sign-in-failed", problem.GetProperty("code").GetString());
            titles[language] = problem.GetProperty("title").GetString()!;
        }

        Assert.Equal("Электрондық пошта немесе құпиясөз қате.", titles["kk"]);
        Assert.Equal("Неверная электронная почта или пароль.", titles["ru"]);
        Assert.Equal("Wrong e-mail or password.", titles["en"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Token_MoreOftenThanTheRateLimit_IsRefusedWith429Problem(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?>
        {
            ["Bagalau:SignInRateLimit:PermitLimit"] = "2",
            ["Bagalau:SignInRateLimit:WindowSeconds"] = "600",
        });
        var client = host.Client();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "nobody@example.kz", password = "Wrong-Password-1" });
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        var problem = JsonDocument.Parse(await last.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("too-many-requests", problem.GetProperty("code").GetString());
        Assert.Equal("Too many attempts", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SetLanguage_ToAnUnknownLanguage_IsA400Problem(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var bad = await client.PutAsJsonAsync("/api/v1/me/language", new { language = "de" });
        var good = await client.PutAsJsonAsync("/api/v1/me/language", new { language = "en" });
        var me = JsonDocument.Parse(await client.GetStringAsync("/api/v1/me")).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("language-unsupported", JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NoContent, good.StatusCode);
        Assert.Equal("en", me.GetProperty("language").GetString());
    }
}
