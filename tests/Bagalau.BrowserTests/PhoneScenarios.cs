using Bagalau.Application.Demo;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.BrowserTests.Infrastructure;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Bagalau.BrowserTests;

/// <summary>
/// A 390x844 phone in Kazakh: every demo role's main pages pass axe-core without a critical
/// violation, the menu button shows every menu item on the screen, and the live result of the
/// rating sheet never covers the field being typed in.
/// </summary>
public class PhoneScenarios(ITestOutputHelper output)
{
    private const int Width = 390;
    private const int Height = 844;

    private static readonly string[] Roles = ["hr", "evaluator", "servant", "commission", "authorized", "admin"];

    [BrowserFact]
    public async Task EveryDemoRole_OnAPhoneInKazakh_ItsMainPages_HaveNoCriticalAxeViolation()
    {
        await using var app = AppServer.Start(seedDemo: true);
        await using var browser = await Browser.LaunchAsync();
        var critical = new List<string>();
        var serious = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var role in Roles)
        {
            var page = await browser.NewPageAsync(phone: true);
            await OrganisationScenarios.SignInAsync(page, app, Email(role));
            Assert.Equal("kk", await page.GetAttributeAsync("html", "lang"));

            // Home, then every page the menu leads to (My tasks and the role's working pages).
            var links = await page.Locator("#main-menu a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var path in new[] { "/" }.Concat(links).Distinct(StringComparer.Ordinal))
            {
                var response = await page.GotoAsync(app.Url(path).ToString());
                Assert.True(response!.Ok, $"{role} {path}: {response.Status}");
                Check(await page.RunAxe(), $"{role} {path}", critical, serious);
            }

            await page.Context.CloseAsync();
        }

        Report(serious);
        Assert.True(critical.Count == 0, "Critical axe violations:\n" + string.Join('\n', critical));
    }

    [BrowserFact]
    public async Task OnAPhone_TheMenuButtonShowsMyTasksAndSignOut_AndTheResultCardNeverCoversTheFocusedField()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero));
        await using var app = AppServer.Start(seedDemo: true, clock);
        var bodyId = await WithAsync(app, (BagalauDbContext db) => db.StateBodies.Select(b => b.Id).SingleAsync());
        await ScheduleAndApproveAsync(app, bodyId, "2026-Q2", new DateOnly(2026, 7, 10));
        clock.Now = new DateTimeOffset(2026, 7, 10, 4, 0, 0, TimeSpan.Zero);
        await using var browser = await Browser.LaunchAsync();

        // The administrator has the longest menu.
        var page = await browser.NewPageAsync(phone: true);
        await OrganisationScenarios.SignInAsync(page, app, Email("admin"));
        var toggle = page.Locator("[data-test=menu-toggle]");
        await Assertions.Expect(toggle).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-controls", "main-menu");
        await Assertions.Expect(page.Locator("#main-menu")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        foreach (var item in new[] { "[data-test=nav-tasks]", "[data-test=sign-out]", "[data-test=nav-audit]", "[data-test=nav-packs]" })
        {
            await Assertions.Expect(page.Locator(item)).ToBeVisibleAsync();
            await AssertOnScreenAsync(page, page.Locator(item), item);
        }

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "The page is wider than the phone.");
        await Browser.ScreenshotAsync(page, "phone-menu-kk", fullPage: false);
        await page.Locator("[data-test=nav-tasks]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tasks", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        await Assertions.Expect(page.Locator("[data-test=menu-toggle]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#main-menu")).ToBeHiddenAsync();

        // Escape closes the open menu; the keyboard's first stop is the skip link.
        await page.Locator("[data-test=menu-toggle]").ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#main-menu")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-test=menu-toggle]")).ToBeFocusedAsync();
        await page.Locator("body").EvaluateAsync("b => document.activeElement.blur()");
        await page.GotoAsync(page.Url);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-test=skip-link]")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("[data-test=skip-link]")).ToHaveTextAsync("Негізгі мазмұнға өту");
        await AssertOnScreenAsync(page, page.Locator("[data-test=skip-link]"), "skip link");

        await page.Locator("[data-test=menu-toggle]").ClickAsync();
        await page.Locator("[data-test=sign-out]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));

        // The evaluator's rating sheet: the last field focused stays on the screen, clear of the live result.
        var evaluator = await browser.NewPageAsync(phone: true);
        await OrganisationScenarios.SignInAsync(evaluator, app, Email("evaluator"));
        await evaluator.GotoAsync(app.Url($"/bodies/{bodyId}/quarters/mine").ToString());
        await evaluator.Locator("[data-test=sheet-to-fill][data-quarter='2026-Q2'] [data-test=open-sheet]").First.ClickAsync();
        var scores = evaluator.Locator("input[data-score]");
        var count = await scores.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await scores.Nth(i).FillAsync("4");
        }

        await Assertions.Expect(evaluator.Locator("[data-test=live-average]")).ToHaveTextAsync("4.00");
        await Assertions.Expect(evaluator.Locator("[data-test=live-summary]")).ToContainTextAsync("4.00");
        var card = evaluator.Locator("[data-test=live-result]");
        foreach (var field in new[] { scores.Last, evaluator.Locator("textarea[data-comment]").Last })
        {
            await field.FocusAsync();
            await Assertions.Expect(field).ToBeFocusedAsync();
            var box = await AssertOnScreenAsync(evaluator, field, "the focused field");
            var cardBox = (await card.BoundingBoxAsync())!;
            var overlaps = box.Y < cardBox.Y + cardBox.Height && cardBox.Y < box.Y + box.Height;
            Assert.False(overlaps, $"The result card ({cardBox.Y}..{cardBox.Y + cardBox.Height}) covers the field ({box.Y}..{box.Y + box.Height}).");
        }

        await evaluator.Locator("textarea[data-comment]").Last.FillAsync("Жоспар уақытында орындалды");
        await Browser.ScreenshotAsync(evaluator, "phone-rating-sheet-kk", fullPage: false);

        // The card folds to its one line and opens again.
        await evaluator.Locator("[data-test=live-result-toggle]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=live-average]")).ToBeHiddenAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=live-summary]")).ToBeVisibleAsync();
        await evaluator.Locator("[data-test=live-result-toggle]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=live-average]")).ToBeVisibleAsync();

        var critical = new List<string>();
        var serious = new SortedSet<string>(StringComparer.Ordinal);
        Check(await evaluator.RunAxe(), "evaluator rating sheet", critical, serious);

        // On a wide screen the card is sticky at the bottom: a focused field is still kept above it.
        var wide = await browser.NewPageAsync();
        await OrganisationScenarios.SignInAsync(wide, app, Email("evaluator"));
        await wide.GotoAsync(evaluator.Url);
        await wide.EvaluateAsync("() => window.scrollTo(0, 0)");
        var wideCard = wide.Locator("[data-test=live-result]");
        foreach (var field in new[] { wide.Locator("input[data-score]").Last, wide.Locator("textarea[data-comment]").Nth(1) })
        {
            await field.FocusAsync();
            var box = (await field.BoundingBoxAsync())!;
            var cardBox = (await wideCard.BoundingBoxAsync())!;
            Assert.True(box.Y + box.Height <= cardBox.Y || box.Y >= cardBox.Y + cardBox.Height,
                $"On a wide screen the result card ({cardBox.Y}..{cardBox.Y + cardBox.Height}) covers the field ({box.Y}..{box.Y + box.Height}).");
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 900, $"The field is off the screen: {box.Y}..{box.Y + box.Height}.");
        }

        Report(serious);
        Assert.True(critical.Count == 0, "Critical axe violations:\n" + string.Join('\n', critical));
    }

    private static string Email(string prefix) => DemoSeeder.Accounts.Single(a => a.Email.StartsWith(prefix + "@", StringComparison.Ordinal)).Email;

    /// <summary>The element lies wholly inside the 390x844 screen (as it is scrolled now).</summary>
    private static async Task<LocatorBoundingBoxResult> AssertOnScreenAsync(IPage page, ILocator element, string what)
    {
        var box = await element.BoundingBoxAsync();
        Assert.True(box is not null, $"{what} has no box.");
        Assert.True(box.X >= 0 && box.X + box.Width <= Width + 0.5 && box.Y >= 0 && box.Y + box.Height <= Height + 0.5,
            $"{what} is off the screen: x {box.X}, y {box.Y}, {box.Width}x{box.Height} ({page.Url}; {await page.EvaluateAsync<string>("() => window.innerWidth + 'x' + window.innerHeight + ' scrolled ' + window.scrollY + ' visual ' + (window.visualViewport && window.visualViewport.height)")}).");
        return box;
    }

    private static void Check(AxeResult result, string where, List<string> critical, SortedSet<string> serious)
    {
        Assert.True(result.Passes is { Length: > 0 }, $"{where}: axe checked nothing.");
        foreach (var violation in result.Violations ?? [])
        {
            var nodes = string.Join(" | ", (violation.Nodes ?? []).Take(3).Select(n => n.Html));
            var line = $"{where}: {violation.Id} ({violation.Impact}) {violation.Help}: {nodes}";
            if (violation.Impact == "critical")
            {
                critical.Add(line);
            }
            else if (violation.Impact == "serious")
            {
                serious.Add(line);
            }
        }
    }

    /// <summary>Serious violations do not fail the run; they are listed in the output and artifacts/axe-serious.txt.</summary>
    private void Report(SortedSet<string> serious)
    {
        foreach (var line in serious)
        {
            output.WriteLine("serious: " + line);
        }

        File.AppendAllLines(Path.Combine(Browser.ArtifactsFolder, "axe-serious.txt"), serious);
    }

    private static async Task ScheduleAndApproveAsync(AppServer app, Guid bodyId, string quarter, DateOnly evaluationDay)
    {
        var hr = await UserIdAsync(app, "hr");
        var authorized = await UserIdAsync(app, "authorized");
        var scheduled = await WithAsync(app, (QuarterRoundService s) => s.ScheduleAsync(hr, bodyId, "nhrc", quarter, evaluationDay));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var approved = await WithAsync(app, (QuarterRoundService s) => s.ApproveAsync(authorized, bodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
    }

    private static async Task<string> UserIdAsync(AppServer app, string account) =>
        await WithAsync(app, async (UserManager<BagalauUser> users) => (await users.FindByEmailAsync(Email(account)))!.Id);

    private static async Task<T> WithAsync<TService, T>(AppServer app, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
