using System.Text;
using Bagalau.Application.Demo;
using Bagalau.BrowserTests.Infrastructure;
using Bagalau.Domain.Organisation;
using Microsoft.Playwright;

namespace Bagalau.BrowserTests;

/// <summary>HR maintains the demo body in a real browser.</summary>
public class OrganisationScenarios
{
    private static readonly string Hr = DemoSeeder.Accounts.Single(a => a.Email.StartsWith("hr@", StringComparison.Ordinal)).Email;

    [BrowserFact]
    public async Task Hr_CreatesAUnit_ThenAServant_AfterABadIinIsRefused()
    {
        await using var app = AppServer.Start(seedDemo: true);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(page, app, Hr);

        // A new unit under the finance department.
        await page.Locator("[data-test=nav-units]").ClickAsync();
        await page.Locator("[data-test=new-unit]").ClickAsync();
        await page.GetByLabel("Коды").FillAsync("audit-division");
        await page.GetByLabel("Жоғары тұрған бөлімше").SelectOptionAsync(new SelectOptionValue { Label = "\u00a0\u00a0\u00a0Қаржы департаменті (finance)" });
        await page.GetByLabel("Атауы (қазақша)").FillAsync("Ішкі аудит бөлімі");
        await page.GetByLabel("Атауы (орысша)").FillAsync("Отдел внутреннего аудита");
        await page.Locator("[data-test=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=unit-audit-division]")).ToContainTextAsync("Ішкі аудит бөлімі");

        // A servant: first with a wrong check digit, then right.
        await page.Locator("[data-test=nav-servants]").ClickAsync();
        await page.Locator("[data-test=new-servant]").ClickAsync();
        var iin = ValidIin("930418", 4, 501);
        var wrong = iin[..11] + (char)('0' + ((iin[11] - '0' + 1) % 10));
        await page.GetByLabel("ЖСН").FillAsync(wrong);
        await page.GetByLabel("Тегі, аты, әкесінің аты").FillAsync("Мұқанова Ләззат Ерланқызы");
        await page.Locator("[data-test=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=error-iin]")).ToContainTextAsync($"ЖСН «{wrong}» бақылау цифры дұрыс емес");
        await Assertions.Expect(page.GetByLabel("Тегі, аты, әкесінің аты")).ToHaveValueAsync("Мұқанова Ләззат Ерланқызы");
        await Browser.ScreenshotAsync(page, "servant-bad-iin");

        await page.Locator("[data-test=nav-servants]").ClickAsync();
        await page.Locator("[data-test=servant-search]").FillAsync("Ләззат Ерланқызы");
        await page.Locator("[data-test=servant-search]").PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-test=no-servants]")).ToBeVisibleAsync();

        await page.Locator("[data-test=new-servant]").ClickAsync();
        await page.GetByLabel("ЖСН").FillAsync(iin);
        await page.GetByLabel("Тегі, аты, әкесінің аты").FillAsync("Мұқанова Ләззат Ерланқызы");
        await page.Locator("[data-test=save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=servant-name]")).ToHaveTextAsync("Мұқанова Ләззат Ерланқызы");
        await Assertions.Expect(page.Locator("[data-test=servant-iin]")).ToHaveTextAsync(iin);
        await Browser.ScreenshotAsync(page, "servant-created");
    }

    [BrowserFact]
    public async Task Hr_ImportsAFileWithAnError_SeesTheReport_ThenImportsAGoodOne()
    {
        await using var app = AppServer.Start(seedDemo: true);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await SignInAsync(page, app, Hr);
        await page.Locator("[data-test=language-en]").ClickAsync();
        await page.WaitForSelectorAsync("html[lang=en]");

        var good = ValidIin("870923", 3, 700);
        var badCsv = $"iin,full_name,email\n{good},Бекболатов Айдос Нұрланұлы,aidos@example.kz\n12345678,Қате Жол,\n";
        await page.Locator("[data-test=nav-import]").ClickAsync();
        await page.Locator("[data-test=import-files]").SetInputFilesAsync(new FilePayload
        {
            Name = "servants.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(badCsv),
        });
        await page.Locator("[data-test=import-submit]").ClickAsync();
        var issues = page.Locator("[data-test=import-issues] tbody tr");
        await Assertions.Expect(issues).ToHaveCountAsync(1);
        await Assertions.Expect(issues.First).ToContainTextAsync("servants.csv");
        await Assertions.Expect(issues.First).ToContainTextAsync("IIN '12345678' must be exactly 12 digits.");
        await Browser.ScreenshotAsync(page, "import-rejected");

        var goodCsv = $"iin,full_name,email\n{good},Бекболатов Айдос Нұрланұлы,aidos@example.kz\n";
        await page.Locator("[data-test=import-files]").SetInputFilesAsync(new FilePayload
        {
            Name = "servants.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(goodCsv),
        });
        await page.Locator("[data-test=import-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=import-summary]")).ToContainTextAsync("All rows were saved.");
        await Browser.ScreenshotAsync(page, "import-done");

        await page.Locator("[data-test=nav-servants]").ClickAsync();
        await page.Locator("[data-test=servant-search]").FillAsync(good);
        await page.Locator("[data-test=servant-search]").PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-test=servant-table] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-test=servant-table]")).ToContainTextAsync("Бекболатов Айдос Нұрланұлы");
    }

    [BrowserFact]
    public async Task OnAPhone_TheServantListAndDetailsAreUsable()
    {
        await using var app = AppServer.Start(seedDemo: true);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(phone: true);
        await SignInAsync(page, app, Hr);

        await Browser.ScreenshotAsync(page, "phone-dashboard", fullPage: false);
        await Browser.ClickMenuAsync(page, "nav-servants");
        await Assertions.Expect(page.Locator("[data-test=servant-table] tbody tr")).ToHaveCountAsync(42);
        // No horizontal scrolling of the page itself on a 390 px wide screen.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The servant list is wider than the phone screen.");
        await Browser.ScreenshotAsync(page, "phone-servants", fullPage: false);

        await page.Locator("[data-test=servant-table] tbody tr a").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=servant-name]")).ToBeVisibleAsync();
        var detailOverflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(detailOverflow, "The servant page is wider than the phone screen.");
        await Browser.ScreenshotAsync(page, "phone-servant", fullPage: false);
    }

    internal static async Task SignInAsync(IPage page, AppServer app, string email)
    {
        await page.GotoAsync(app.Url("/Account/SignIn").ToString());
        await page.GetByLabel("Электрондық пошта").FillAsync(email);
        await page.GetByLabel("Құпиясөз").FillAsync(DemoSeeder.DemoPassword);
        await page.Locator("[data-test=sign-in]").ClickAsync();
        // Attached, not visible: on a phone the sign-out button is in the folded menu.
        await page.WaitForSelectorAsync("[data-test=sign-out]", new() { State = WaitForSelectorState.Attached });
    }

    private static string ValidIin(string birth, int centuryDigit, int serial)
    {
        for (; ; serial++)
        {
            var eleven = birth + centuryDigit.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (serial % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            if (IinRule.CheckDigit(eleven) is { } check)
            {
                return eleven + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
