using Bagalau.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Bagalau.BrowserTests;

public class SignInScenarios
{
    [BrowserFact]
    public async Task SignIn_InKazakh_ThenSwitchLanguage_RussianThenEnglish()
    {
        await using var app = AppServer.Start();
        await app.CreateUserAsync("hr@example.kz");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(app.Url("/").ToString());
        Assert.Contains("/Account/SignIn", page.Url);
        Assert.Equal("kk", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Жүйеге кіру", await page.Locator("h1").InnerTextAsync());
        await Browser.ScreenshotAsync(page, "sign-in-kk");

        await page.GetByLabel("Электрондық пошта").FillAsync("hr@example.kz");
        await page.GetByLabel("Құпиясөз").FillAsync(AppServer.Password);
        await page.Locator("[data-test=sign-in]").ClickAsync();
        await page.WaitForURLAsync(app.Url("/").ToString());
        Assert.Equal("Шығу", (await page.Locator("[data-test=sign-out]").InnerTextAsync()).Trim());

        await page.Locator("[data-test=language-ru]").ClickAsync();
        await page.WaitForSelectorAsync("html[lang=ru]");
        Assert.Equal("Выйти", (await page.Locator("[data-test=sign-out]").InnerTextAsync()).Trim());

        await page.Locator("[data-test=language-en]").ClickAsync();
        await page.WaitForSelectorAsync("html[lang=en]");
        Assert.Equal("Sign out", (await page.Locator("[data-test=sign-out]").InnerTextAsync()).Trim());
        await Browser.ScreenshotAsync(page, "home-en");
    }

    [BrowserFact]
    public async Task SignIn_WithWrongPassword_ShowsTheMessage()
    {
        await using var app = AppServer.Start();
        await app.CreateUserAsync("hr@example.kz");
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(app.Url("/Account/SignIn").ToString());
        await page.GetByLabel("Электрондық пошта").FillAsync("hr@example.kz");
        await page.GetByLabel("Құпиясөз").FillAsync("Wrong-Password-1");
        await page.Locator("[data-test=sign-in]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=sign-in-error]")).ToHaveTextAsync("Электрондық пошта немесе құпиясөз қате.");
    }
}
