using Bagalau.Application.Accounts;
using Bagalau.Application.Demo;
using Bagalau.Application.Persistence;
using Bagalau.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bagalau.BrowserTests;

/// <summary>An oskemen 360 round in a real browser: HR on a desktop, respondents on phones through their links.</summary>
public class Survey360Scenarios
{
    private static readonly string Hr = DemoSeeder.Accounts.Single(a => a.Email.StartsWith("hr@", StringComparison.Ordinal)).Email;

    /// <summary>The system clock moved by the scenario (to go past the links' expiry).</summary>
    private sealed class MovedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    [BrowserFact]
    public async Task Oskemen360_HrChoosesRespondents_ThreeAnswerOnPhones_SelfAssessment_Report_AndAnExpiredLinkIsRefused()
    {
        // 6 January 2025: the 2024 round of oskemen, whose act is in force until 06.11.2025.
        var clock = new MovedClock();
        clock.Offset = new DateTimeOffset(2025, 1, 6, 4, 0, 0, TimeSpan.Zero) - TimeProvider.System.GetUtcNow();
        await using var app = AppServer.Start(seedDemo: true, clock: clock);
        await using var browser = await Browser.LaunchAsync();
        var hr = await browser.NewPageAsync();
        await OrganisationScenarios.SignInAsync(hr, app, Hr);
        var person = await ServantOfAsync(app, "servant@bagalau.example");

        // HR launches the 2024 round (Kazakh by default).
        await hr.Locator("[data-test=nav-survey360]").ClickAsync();
        await hr.Locator("[data-test=launch-pack]").SelectOptionAsync("oskemen-maslikhat");
        await hr.Locator("[data-test=launch-year]").FillAsync("2024");
        await hr.Locator("[data-test=launch]").ClickAsync();
        // The round's own page (the list page has the same words in its heading).
        await hr.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/survey360/[0-9a-f-]{36}$"));
        await Assertions.Expect(hr.Locator("h1")).ToContainTextAsync("2024");

        // The person's proposed respondents, adjusted to four (clause 35: 3-7).
        var card = hr.Locator($"[data-test=target][data-name='{person}']");
        await Assertions.Expect(card).ToBeVisibleAsync();
        var respondents = await card.Locator("[data-test=respondent]").CountAsync();
        for (; respondents < 4; respondents++)
        {
            // The servant picker: focused empty, it lists the first servants by name; pick the first.
            await card.Locator("[data-test=add-servant]").FocusAsync();
            await card.Locator("[role=option]").First.ClickAsync();
            await card.Locator("[data-test=add]").ClickAsync();
            await Assertions.Expect(card.Locator("[data-test=respondent]")).ToHaveCountAsync(respondents + 1);
        }

        for (; respondents > 4; respondents--)
        {
            await card.Locator("button[data-test^=remove-]").First.ClickAsync();
            await Assertions.Expect(card.Locator("[data-test=respondent]")).ToHaveCountAsync(respondents - 1);
        }

        await card.ScrollIntoViewIfNeededAsync();
        await Browser.ScreenshotAsync(hr, "s360-respondents", fullPage: false);
        var expires = DateOnly.FromDateTime(clock.GetUtcNow().AddHours(5).UtcDateTime).AddDays(3);
        await card.Locator("[data-test=expires]").FillAsync(expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await card.Locator("[data-test=issue]").ClickAsync();
        card = hr.Locator($"[data-test=target][data-name='{person}']");
        await Assertions.Expect(card.Locator("[data-test=issued-links]")).ToBeVisibleAsync();
        await card.Locator("[data-test=issued-links]").ScrollIntoViewIfNeededAsync();
        await Browser.ScreenshotAsync(hr, "s360-links", fullPage: false);
        var links = card.Locator("[data-test=link]");
        var others = new List<string>();
        string? self = null;
        for (var i = 0; i < await links.CountAsync(); i++)
        {
            var href = (await links.Nth(i).GetAttributeAsync("href"))!;
            if (await links.Nth(i).GetAttributeAsync("data-relation") == "self")
            {
                self = href;
            }
            else
            {
                others.Add(href);
            }
        }

        Assert.Equal(4, others.Count);
        Assert.NotNull(self);
        var reportUrl = app.Url((await card.Locator("[data-test=report]").GetAttributeAsync("href"))!).ToString();

        // Three respondents answer from phone-sized windows without signing in; one reads it in Russian.
        for (var i = 0; i < 3; i++)
        {
            var phone = await browser.NewPageAsync(phone: true);
            await phone.GotoAsync(others[i]);
            await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("360 сауалнамасы");
            await Assertions.Expect(phone.Locator("[data-test=about]")).ToContainTextAsync(person);
            if (i == 0)
            {
                await Browser.ScreenshotAsync(phone, "s360-phone-form");
                await phone.Locator("[data-test=send]").ClickAsync();
                await Assertions.Expect(phone.Locator("[data-test=answer-error]")).ToContainTextAsync("Бағаланбаған құзыреттер");
            }

            if (i == 1)
            {
                await phone.Locator("[data-test=language-ru]").ClickAsync();
                await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync("Опрос 360");
            }

            await RateAllAsync(phone, i == 0 ? "2" : "4");
            await phone.Locator("[data-test=send]").ClickAsync();
            await Assertions.Expect(phone.Locator("[data-test=thanks]")).ToBeVisibleAsync();
            if (i == 0)
            {
                await Browser.ScreenshotAsync(phone, "s360-phone-thanks");
            }

            if (i == 1)
            {
                // Two answers so far: the report shows nothing and says why.
                await hr.GotoAsync(reportUrl);
                await Assertions.Expect(hr.Locator("[data-test=report-hidden]")).ToContainTextAsync("кемінде 3 жауап");
            }

            await phone.Context.CloseAsync();
        }

        // The link cannot be used twice.
        var again = await browser.NewPageAsync(phone: true);
        await again.GotoAsync(others[0]);
        await Assertions.Expect(again.Locator("[data-test=link-refused]")).ToHaveAttributeAsync("data-code", "link-used");
        await Browser.ScreenshotAsync(again, "s360-link-used");

        // The self-assessment, collected but left out of the averages.
        var selfPage = await browser.NewPageAsync(phone: true);
        await selfPage.GotoAsync(self!);
        await Assertions.Expect(selfPage.Locator("[data-test=self-intro]")).ToBeVisibleAsync();
        await RateAllAsync(selfPage, "5");
        await selfPage.Locator("[data-test=send]").ClickAsync();
        await Assertions.Expect(selfPage.Locator("[data-test=thanks]")).ToBeVisibleAsync();

        // The report: three answers, averages without the self-assessment.
        await hr.GotoAsync(reportUrl);
        await Assertions.Expect(hr.Locator("[data-test=report-respondents]")).ToContainTextAsync("3");
        await Assertions.Expect(hr.Locator("[data-test=report-table] [data-test=average]").First).ToHaveTextAsync("3,33");
        await Browser.ScreenshotAsync(hr, "s360-report");
        await hr.Locator("[data-test=feedback]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=feedback-servant]")).ToContainTextAsync(person);
        await Browser.ScreenshotAsync(hr, "s360-feedback");
        await hr.GoBackAsync();
        await hr.Locator("[data-test=nav-survey360]").ClickAsync();
        await hr.Locator("a[data-test^=round-]").First.ClickAsync();
        await hr.Locator("[data-test=training-needs]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=needs] tbody tr")).ToHaveCountAsync(8);
        await Browser.ScreenshotAsync(hr, "s360-training-needs");

        // The fourth respondent comes back after the links expired.
        clock.Offset += TimeSpan.FromDays(5);
        var late = await browser.NewPageAsync(phone: true);
        await late.GotoAsync(others[3]);
        await Assertions.Expect(late.Locator("[data-test=link-refused]")).ToHaveAttributeAsync("data-code", "link-expired");
        await Assertions.Expect(late.Locator("h1")).ToHaveTextAsync("Сілтеменің мерзімі өтті");
        await Browser.ScreenshotAsync(late, "s360-link-expired");
    }

    private static async Task RateAllAsync(IPage page, string value)
    {
        var competencies = page.Locator("fieldset[data-test^=competency-]");
        var count = await competencies.CountAsync();
        Assert.Equal(8, count);
        for (var i = 0; i < count; i++)
        {
            await competencies.Nth(i).Locator($"input[value='{value}']").CheckAsync();
        }
    }

    private static async Task<string> ServantOfAsync(AppServer app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var servantId = await db.BodyMemberships.Where(m => m.UserId == user.Id && m.Role == BodyRole.Servant).Select(m => m.ServantId).FirstAsync();
        return await db.Servants.Where(s => s.Id == servantId).Select(s => s.FullName).SingleAsync();
    }
}
