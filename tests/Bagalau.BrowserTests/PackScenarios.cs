using Bagalau.Application.Demo;
using Bagalau.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Bagalau.BrowserTests;

/// <summary>Any signed-in user reads a methodology pack with the act's clause texts.</summary>
public class PackScenarios
{
    private static readonly string Hr = DemoSeeder.Accounts.Single(a => a.Email.StartsWith("hr@", StringComparison.Ordinal)).Email;

    [BrowserFact]
    public async Task User_OpensTheNhrcPack_PicksADate_AndReadsAClauseText()
    {
        await using var app = AppServer.Start(seedDemo: true);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await OrganisationScenarios.SignInAsync(page, app, Hr);

        await page.Locator("[data-test=nav-packs]").ClickAsync();
        await page.Locator("[data-test=pack-nhrc] h2 a").ClickAsync();
        await page.Locator("#asOf").FillAsync("2026-06-01");
        await page.Locator("[data-test=as-of-form] button").ClickAsync();
        await page.WaitForURLAsync("**/packs/nhrc?asOf=2026-06-01");

        var clause = page.Locator("[data-test=rules] details").Filter(new LocatorFilterOptions { HasText = "бір айдан кем болған жағдайда" }).First;
        await clause.Locator("summary").ClickAsync();
        await Assertions.Expect(clause.Locator("blockquote")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(page, "pack-nhrc");
    }
}
