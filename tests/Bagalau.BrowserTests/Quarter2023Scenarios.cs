using Bagalau.Application.Demo;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.BrowserTests.Infrastructure;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bagalau.BrowserTests;

/// <summary>
/// One nhrc quarter (Q2 2026) for the demo body in a real browser, "today" 1 July 2026: HR
/// schedules, the authorized person approves, HR sees who is evaluated and how, the evaluator
/// fills a non-leader and a leader sheet live (the leader has a reprimand in May: the cap), the
/// servant acknowledges on a phone, and the annual score comes from four quarters (Q1, Q3 and Q4
/// are prepared through the services).
/// </summary>
public class Quarter2023Scenarios
{
    /// <summary>The demo servant (servant@) and the head of the budget division (position P-005), both under the evaluator.</summary>
    private static string Servant = string.Empty;

    private static string Leader = string.Empty;

    private static string Email(string start) => DemoSeeder.Accounts.Single(a => a.Email.StartsWith(start, StringComparison.Ordinal)).Email;

    [BrowserFact]
    public async Task NhrcQuarter_LeaderAndNonLeaderSheets_ReprimandCap_Acquaintance_AndTheAnnualScoreFromFourQuarters()
    {
        var clock = new ScenarioClock(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero));
        await using var app = AppServer.Start(seedDemo: true, clock);
        var bodyId = await WithAsync(app, (BagalauDbContext db) => db.StateBodies.Select(b => b.Id).SingleAsync());
        var servantUser = await UserIdAsync(app, Email("servant@"));
        Servant = await WithAsync(app, (BagalauDbContext db) => db.BodyMemberships.Where(m => m.UserId == servantUser && m.ServantId != null)
            .Join(db.Servants, m => m.ServantId, s => s.Id, (m, s) => s.FullName).FirstAsync());
        Leader = await WithAsync(app, (BagalauDbContext db) => db.Positions.Where(p => p.Code == "P-005")
            .Join(db.Appointments, p => p.Id, a => a.PositionId, (p, a) => a.ServantId)
            .Join(db.Servants, id => id, s => s.Id, (id, s) => s.FullName).FirstAsync());
        await WithAsync(app, async (BagalauDbContext db) =>
        {
            var leader = await db.Servants.Include(s => s.Sanctions).SingleAsync(s => s.FullName == Leader);
            leader.AddSanction(SanctionKind.Reprimand, new DateOnly(2026, 5, 12), null, "Тапсырма мерзімін бұзғаны үшін");
            return await db.SaveChangesAsync();
        });
        await QuarterThroughServicesAsync(app, bodyId, "2026-Q1", new DateOnly(2026, 4, 10), 4m);

        await using var browser = await Browser.LaunchAsync();

        // HR schedules Q2.
        var hr = await browser.NewPageAsync();
        await OrganisationScenarios.SignInAsync(hr, app, Email("hr@"));
        await hr.Locator("[data-test=nav-quarters]").ClickAsync();
        await hr.Locator("[data-test=quarter]").FillAsync("2026-Q2");
        await hr.Locator("[data-test=evaluation-date]").FillAsync("2026-07-10");
        await hr.Locator("[data-test=schedule]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=round-2026-Q2] [data-test=round-state]")).ToHaveTextAsync("жоспарланған");
        await Browser.ScreenshotAsync(hr, "q23-hr-scheduled");

        // The authorized person approves: every servant gets a sheet or a reason.
        var authorized = await browser.NewPageAsync();
        await OrganisationScenarios.SignInAsync(authorized, app, Email("authorized@"));
        await authorized.GotoAsync(app.Url($"/bodies/{bodyId}/quarters").ToString());
        await authorized.Locator("[data-test=round-2026-Q2] [data-test=approve]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=round-2026-Q2] [data-test=round-state]")).ToHaveTextAsync("бекітілген");
        await Browser.ScreenshotAsync(authorized, "q23-authorized-approved");

        // HR sees who is evaluated and how.
        await hr.ReloadAsync();
        await hr.Locator("[data-test=round-2026-Q2] [data-test=round-sheets]").ClickAsync();
        await Assertions.Expect(hr.Locator($"[data-test=sheet-row][data-servant='{Servant}'] [data-test=form]")).ToHaveTextAsync("басшы емес");
        await Assertions.Expect(hr.Locator($"[data-test=sheet-row][data-servant='{Leader}'] [data-test=form]")).ToHaveTextAsync("басшы");
        await Browser.ScreenshotAsync(hr, "q23-hr-round-sheets");

        // The evaluator fills the non-leader sheet; the result appears while typing.
        var evaluator = await browser.NewPageAsync();
        await OrganisationScenarios.SignInAsync(evaluator, app, Email("evaluator@"));
        await evaluator.GotoAsync(app.Url($"/bodies/{bodyId}/quarters/mine").ToString());
        await Browser.ScreenshotAsync(evaluator, "q23-evaluator-my-sheets");
        await evaluator.Locator($"[data-test=sheet-to-fill][data-quarter='2026-Q2'][data-servant='{Servant}'] [data-test=open-sheet]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=no-sanctions]")).ToBeVisibleAsync();
        var scores = evaluator.Locator("input[data-score]");
        var count = await scores.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await scores.Nth(i).FillAsync(i == 0 ? "5" : "4");
        }

        await evaluator.Locator("textarea[data-comment]").First.FillAsync("Тапсырмалар сапалы әрі уақытылы орындалды");
        var expected = Math.Round((5m + (4m * (count - 1))) / count, 2, MidpointRounding.AwayFromZero);
        await Assertions.Expect(evaluator.Locator("[data-test=live-average]")).ToHaveTextAsync(expected.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(evaluator.Locator("[data-test=live-grade]")).ToContainTextAsync("тиімді");
        await Browser.ScreenshotAsync(evaluator, "q23-evaluator-live-sheet");
        await evaluator.Locator("[data-test=submit]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=sheet-state]")).ToHaveTextAsync("жіберілген");

        // The leader sheet: the reprimand of 12 May caps the score, and the sheet says why.
        await evaluator.GotoAsync(app.Url($"/bodies/{bodyId}/quarters/mine").ToString());
        await evaluator.Locator($"[data-test=sheet-to-fill][data-quarter='2026-Q2'][data-servant='{Leader}'] [data-test=open-sheet]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=sanctions]")).ToContainTextAsync("сөгіс");
        await Assertions.Expect(evaluator.Locator("[data-test=guidance]").First).ToContainTextAsync("Есепке алынады");
        scores = evaluator.Locator("input[data-score]");
        for (var i = 0; i < await scores.CountAsync(); i++)
        {
            await scores.Nth(i).FillAsync("5");
        }

        await Assertions.Expect(evaluator.Locator("[data-test=live-average]")).ToHaveTextAsync("5.00");
        await Assertions.Expect(evaluator.Locator("[data-test=live-score]")).ToHaveTextAsync("2.99");
        await Assertions.Expect(evaluator.Locator("[data-test=live-capped]")).ToBeVisibleAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=live-capped]")).ToContainTextAsync("сөгіс 12.05.2026");
        await Assertions.Expect(evaluator.Locator("[data-test=live-capped]")).Not.ToContainTextAsync("reprimand");
        await Browser.ScreenshotAsync(evaluator, "q23-evaluator-leader-capped");
        await evaluator.Locator("[data-test=submit]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=cap-reason]")).ToContainTextAsync("2.99");
        await Browser.ScreenshotAsync(evaluator, "q23-evaluator-leader-submitted");

        // The servant reads the result on a phone and acknowledges it.
        var phone = await browser.NewPageAsync(phone: true);
        await OrganisationScenarios.SignInAsync(phone, app, Email("servant@"));
        await phone.GotoAsync(app.Url($"/bodies/{bodyId}/quarters/mine").ToString());
        await phone.Locator("[data-quarter='2026-Q2'] [data-test=open-own]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=score]")).ToHaveTextAsync(expected.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await phone.Locator("[data-test=acknowledge]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=acknowledged-on]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(phone, "q23-servant-result-phone");

        // Q3 and Q4 through the services; the annual score counts four quarters.
        await QuarterThroughServicesAsync(app, bodyId, "2026-Q3", new DateOnly(2026, 10, 9), 3m);
        await QuarterThroughServicesAsync(app, bodyId, "2026-Q4", new DateOnly(2027, 1, 8), 4m);
        await phone.GotoAsync(app.Url($"/bodies/{bodyId}/quarters/mine").ToString());
        await phone.Locator("[data-test=annual-link]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=quarters-counted]")).ToHaveTextAsync("4");
        var annual = Math.Round((4m + expected + 3m + 4m) / 4, 2, MidpointRounding.AwayFromZero);
        await Assertions.Expect(phone.Locator("[data-test=annual-score]")).ToHaveTextAsync(annual.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await Browser.ScreenshotAsync(phone, "q23-servant-annual-phone");
    }

    /// <summary>HR schedules, the authorized person approves and the evaluator submits the demo servant's sheet with one score for every parameter.</summary>
    private static async Task QuarterThroughServicesAsync(AppServer app, Guid bodyId, string quarter, DateOnly evaluationDay, decimal score)
    {
        var hr = await UserIdAsync(app, Email("hr@"));
        var authorized = await UserIdAsync(app, Email("authorized@"));
        var evaluator = await UserIdAsync(app, Email("evaluator@"));
        var scheduled = await WithAsync(app, (QuarterlyEvaluationService s) => s.ScheduleAsync(hr, bodyId, "nhrc", quarter, evaluationDay));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var approved = await WithAsync(app, (QuarterlyEvaluationService s) => s.ApproveAsync(authorized, bodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        var sheet = await WithAsync(app, (BagalauDbContext db) => db.RatingSheets.AsNoTracking()
            .Join(db.Servants, r => r.ServantId, s => s.Id, (r, s) => new { Sheet = r, s.FullName })
            .Where(x => x.Sheet.RoundId == scheduled.Value!.Id && x.FullName == Servant).Select(x => x.Sheet).SingleAsync());
        var view = await WithAsync(app, (QuarterlyEvaluationService s) => s.GetSheetAsync(evaluator, bodyId, sheet.Id));
        Assert.True(view.IsSuccess, view.Refusal?.ToString());
        var submitted = await WithAsync(app, (QuarterlyEvaluationService s) => s.SubmitAsync(
            evaluator, bodyId, sheet.Id, sheet.Version, [.. view.Value!.Parameters.Select(p => new SheetScoreInput(p.Id, score, null))]));
        Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
        Assert.Equal(SheetState.Submitted, submitted.Value!.State);
    }

    private static async Task<string> UserIdAsync(AppServer app, string email) =>
        await WithAsync(app, async (UserManager<BagalauUser> users) => (await users.FindByEmailAsync(email))!.Id);

    private static async Task<T> WithAsync<TService, T>(AppServer app, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A clock that stands still: the scenario's "today".</summary>
    private sealed class ScenarioClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
