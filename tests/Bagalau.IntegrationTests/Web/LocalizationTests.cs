using System.Globalization;
using System.Net;
using System.Resources;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

public class LocalizationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Fact]
    public void EveryUiText_ExistsInKazakhRussianAndEnglish()
    {
        var manager = new ResourceManager("Bagalau.Web.Resources.SharedResource", typeof(Bagalau.Web.SharedResource).Assembly);
        var kk = Keys(manager, CultureInfo.InvariantCulture);
        var ru = Keys(manager, CultureInfo.GetCultureInfo("ru"));
        var en = Keys(manager, CultureInfo.GetCultureInfo("en"));

        Assert.True(kk.Count > 50, "The Kazakh (neutral) resources look empty.");
        Assert.Empty(kk.Except(ru));
        Assert.Empty(kk.Except(en));
        Assert.Empty(ru.Except(kk));
        Assert.Empty(en.Except(kk));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LanguageSwitch_ChangesTheTextsAndIsStoredOnTheUser(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await host.CreateUserAsync("hr@example.kz");
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");

        var kk = await client.GetStringAsync("/");
        await Forms.PostAsync(client, "/", new Dictionary<string, string> { ["language"] = "ru", ["returnUrl"] = "/" }, "/Account/Language");
        var ru = await client.GetStringAsync("/");
        await Forms.PostAsync(client, "/", new Dictionary<string, string> { ["language"] = "en", ["returnUrl"] = "/" }, "/Account/Language");
        var en = await client.GetStringAsync("/");

        Assert.Contains("Шығу", kk);
        Assert.Contains("Выйти", ru);
        Assert.Contains("Sign out", en);
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
        Assert.Equal("en", (await users.FindByEmailAsync("hr@example.kz"))!.PreferredCulture);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DatesOnPages_FollowTheCultureOfTheLanguage(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var body = await host.CreateBodyAsync("body-a");
        await host.CreateMemberAsync("hr@example.kz", body, language: "en");
        var client = host.Client();
        await Forms.SignInAsync(client, "hr@example.kz");
        var today = Bagalau.Application.Time.KazakhstanClock.Today(TimeProvider.System);
        var dashboard = $"/bodies/{body}";

        var en = WebUtility.HtmlDecode(await client.GetStringAsync(dashboard));
        await Forms.PostAsync(client, dashboard, new Dictionary<string, string> { ["language"] = "ru", ["returnUrl"] = dashboard }, "/Account/Language");
        var ru = WebUtility.HtmlDecode(await client.GetStringAsync(dashboard));

        Assert.Contains(today.ToString("D", CultureInfo.GetCultureInfo("en-US")), en);
        Assert.Contains(today.ToString("D", CultureInfo.GetCultureInfo("ru-RU")), ru);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task LanguageSwitch_ToAnUnknownLanguage_IsRefused(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var client = host.Client();

        var response = await Forms.PostAsync(client, "/Account/SignIn", new Dictionary<string, string> { ["language"] = "de" }, "/Account/Language");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static HashSet<string> Keys(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
        Assert.NotNull(set);
        return [.. set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key)];
    }
}
