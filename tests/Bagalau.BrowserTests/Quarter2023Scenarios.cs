using System.Globalization;
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
/// One nhrc quarter (Q2 2026) for the demo body in a real browser, the way people do it: HR schedules, the authorized person approves, HR sees who is evaluated and how;
/// on the evaluation day the evaluator fills a non-leader sheet and a leader sheet live (the
/// leader has a reprimand in May: the cap); the servant acknowledges on a phone, applies for
/// calibration, the authorized person sets the panel (an even one is refused), the head of HR -
/// a panel member - records the session that raises the score and posts the protocol, the
/// evaluator records the feedback meeting, and the annual score counts four quarters with the
/// calibrated one. Q1, Q3 and Q4 are prepared through the services.
/// </summary>
public class Quarter2023Scenarios
{
    private static string Email(string prefix) => DemoSeeder.Accounts.Single(a => a.Email.StartsWith(prefix + "@", StringComparison.Ordinal)).Email;

    private static string Invariant(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    [BrowserFact]
    public async Task NhrcQuarter_LeaderAndNonLeaderSheets_ReprimandCap_Acquaintance_CalibrationRaisesTheScore_ProtocolFeedback_AndTheAnnualScore()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero));
        await using var app = AppServer.Start(seedDemo: true, clock);
        var bodyId = await WithAsync(app, (BagalauDbContext db) => db.StateBodies.Select(b => b.Id).SingleAsync());
        var servant = await ServantNameAsync(app, "servant");
        var evaluatorName = await ServantNameAsync(app, "evaluator");
        var leader = await WithAsync(app, (BagalauDbContext db) => db.Positions.Where(p => p.Code == "P-005")
            .Join(db.Appointments, p => p.Id, a => a.PositionId, (p, a) => a.ServantId)
            .Join(db.Servants, id => id, s => s.Id, (id, s) => s.FullName).FirstAsync());
        await WithAsync(app, async (BagalauDbContext db) =>
        {
            var l = await db.Servants.Include(s => s.Sanctions).SingleAsync(s => s.FullName == leader);
            l.AddSanction(SanctionKind.Reprimand, new DateOnly(2026, 5, 12), null, "Тапсырма мерзімін бұзғаны үшін");
            return await db.SaveChangesAsync();
        });
        await QuarterThroughServicesAsync(app, bodyId, servant, "2026-Q1", new DateOnly(2026, 4, 10), 4m);

        await using var browser = await Browser.LaunchAsync();

        // Wednesday 01.07: HR schedules Q2.
        var hr = await SignedInAsync(browser, app, "hr");
        await hr.Locator("[data-test=nav-quarters]").ClickAsync();
        await hr.Locator("[data-test=quarter]").FillAsync("2026-Q2");
        await hr.Locator("[data-test=evaluation-date]").FillAsync("2026-07-10");
        await hr.Locator("[data-test=schedule]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=round-2026-Q2] [data-test=round-state]")).ToHaveTextAsync("жоспарланған");
        await Browser.ScreenshotAsync(hr, "q23-hr-scheduled");

        // The authorized person approves: every servant gets a sheet or a reason.
        var authorized = await SignedInAsync(browser, app, "authorized");
        await authorized.Locator("[data-test=nav-quarters]").ClickAsync();
        await authorized.Locator("[data-test=round-2026-Q2] [data-test=approve]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=round-2026-Q2] [data-test=round-state]")).ToHaveTextAsync("бекітілген");
        await Browser.ScreenshotAsync(authorized, "q23-authorized-approved");

        // HR sees who is evaluated and how: the servant on Appendix 2, the head of the budget division on Appendix 1.
        await hr.ReloadAsync();
        await hr.Locator("[data-test=round-2026-Q2] [data-test=round-sheets]").ClickAsync();
        await Assertions.Expect(hr.Locator($"[data-test=sheet-row][data-servant='{servant}'] [data-test=form]")).ToHaveTextAsync("басшы емес");
        await Assertions.Expect(hr.Locator($"[data-test=sheet-row][data-servant='{leader}'] [data-test=form]")).ToHaveTextAsync("басшы");
        await Browser.ScreenshotAsync(hr, "q23-hr-round-sheets");

        // Friday 10.07, the evaluation day: the evaluator fills the non-leader sheet; the result appears while typing.
        clock.Now = new DateTimeOffset(2026, 7, 10, 4, 0, 0, TimeSpan.Zero);
        var evaluator = await SignedInAsync(browser, app, "evaluator");
        await evaluator.Locator("[data-test=nav-quarters]").ClickAsync();
        await evaluator.Locator("[data-test=my-sheets]").ClickAsync();
        await Browser.ScreenshotAsync(evaluator, "q23-evaluator-my-sheets");
        await evaluator.Locator($"[data-test=sheet-to-fill][data-quarter='2026-Q2'][data-servant='{servant}'] [data-test=open-sheet]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=no-sanctions]")).ToBeVisibleAsync();
        var scores = evaluator.Locator("input[data-score]");
        Assert.Equal(5, await scores.CountAsync());
        decimal[] typed = [3, 3, 3, 4, 4];
        for (var i = 0; i < typed.Length; i++)
        {
            await scores.Nth(i).FillAsync(typed[i].ToString(CultureInfo.InvariantCulture));
        }

        await evaluator.Locator("textarea[data-comment]").First.FillAsync("Тоқсандық жоспардың екі тармағы кешіктірілді");
        var original = Math.Round(typed.Sum() / typed.Length, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(3.40m, original);
        await Assertions.Expect(evaluator.Locator("[data-test=live-average]")).ToHaveTextAsync(Invariant(original));
        await Assertions.Expect(evaluator.Locator("[data-test=live-grade]")).ToContainTextAsync("тиісті түрде");
        await Browser.ScreenshotAsync(evaluator, "q23-evaluator-live-sheet");
        await evaluator.Locator("[data-test=submit]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=sheet-state]")).ToHaveTextAsync("жіберілген");

        // The leader sheet: the reprimand of 12 May caps the score, and the sheet says why.
        await evaluator.Locator("[data-test=nav-quarters]").ClickAsync();
        await evaluator.Locator("[data-test=my-sheets]").ClickAsync();
        await evaluator.Locator($"[data-test=sheet-to-fill][data-quarter='2026-Q2'][data-servant='{leader}'] [data-test=open-sheet]").ClickAsync();
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
        await Assertions.Expect(evaluator.Locator("[data-test=sheet-state]")).ToHaveTextAsync("жіберілген");
        await Assertions.Expect(evaluator.Locator("[data-test=score]")).ToHaveTextAsync("2.99");
        await Assertions.Expect(evaluator.Locator("[data-test=cap-reason]")).ToContainTextAsync("2.99");
        await Browser.ScreenshotAsync(evaluator, "q23-evaluator-leader-submitted");

        // Monday 13.07: the servant reads the result on a phone and acknowledges it (acquaintance), then applies for
        // calibration from the same phone (nhrc 10: until the fifth working day after acquaintance, 20.07). The whole
        // scenario signs in nine times: the sign-in page allows ten posts a minute.
        clock.Now = new DateTimeOffset(2026, 7, 13, 4, 0, 0, TimeSpan.Zero);
        var phone = await SignedInAsync(browser, app, "servant", phone: true);
        await phone.GotoAsync(app.Url($"/bodies/{bodyId}/quarters/mine").ToString());
        await phone.Locator("[data-quarter='2026-Q2'] [data-test=open-own]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=score]")).ToHaveTextAsync(Invariant(original));
        await phone.Locator("[data-test=acknowledge]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=acknowledged-on]")).ToHaveTextAsync("13.07.2026");
        await Browser.ScreenshotAsync(phone, "q23-servant-result-phone");
        await Browser.ClickMenuAsync(phone, "nav-calibration");
        await Assertions.Expect(phone.Locator("[data-test=result-row]")).ToContainTextAsync("2026-Q2");
        await Assertions.Expect(phone.Locator("[data-test=result-row]")).ToContainTextAsync("20.07.2026");
        await phone.Locator("[data-test=result-row]").Filter(new() { HasText = "2026-Q2" }).Locator("[data-test=apply]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=result-score]")).ToContainTextAsync("3,40");
        await phone.Locator("[data-test=statement]").FillAsync("Бағаммен келіспеймін: тоқсанда барлық тапсырма мерзімінде және сапалы орындалды.");
        await Browser.ScreenshotAsync(phone, "calibration-apply-phone");
        await phone.Locator("[data-test=submit-application]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=case-state]")).ToHaveTextAsync("Өтініш берілді");
        var caseUrl = phone.Url;

        // Wednesday 15.07, within 3 working days: the authorized person decides (nhrc 19); the page marks the applicant and their
        // evaluator, the engine refuses an even panel without HR, then approves three members with the head of HR.
        clock.Now = new DateTimeOffset(2026, 7, 15, 4, 0, 0, TimeSpan.Zero);
        var panel = await PanelAsync(app, bodyId);
        authorized = await SignedInAsync(browser, app, "authorized");
        await authorized.Locator("[data-test=nav-calibration]").ClickAsync();
        await authorized.Locator("[data-test=case-row] a").First.ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=composition-form]")).ToContainTextAsync(servant);
        await Assertions.Expect(authorized.Locator("[data-test=composition-form] .field").Filter(new() { HasText = evaluatorName }).Locator(".badge.warn")).ToBeVisibleAsync();
        foreach (var name in panel.Evaluators)
        {
            await authorized.Locator($"[data-test=candidate][data-name='{name}']").CheckAsync();
        }

        await authorized.Locator("[data-test=convene]").ClickAsync();
        // Said in words in the reader's language, never as the engine's ids.
        await Assertions.Expect(authorized.Locator("[data-test=form-errors]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("мүшелер саны тақ|число членов должно быть нечётным|number of members must be odd"));
        await Assertions.Expect(authorized.Locator("[data-test=form-errors]")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("персонал қызметінің қызметкері|работник службы управления персоналом|an HR employee must be a member"));
        await Assertions.Expect(authorized.Locator("[data-test=form-errors]")).Not.ToContainTextAsync("even-count");
        foreach (var name in panel.Evaluators.Append(panel.HrHead))
        {
            await authorized.Locator($"[data-test=candidate][data-name='{name}']").CheckAsync();
        }

        await Browser.ScreenshotAsync(authorized, "calibration-panel");
        await authorized.Locator("[data-test=convene]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=member]")).ToHaveCountAsync(3);
        await Assertions.Expect(authorized.Locator("[data-test=case-state]")).ToHaveTextAsync("Құрам бекітілді");

        // Confidentiality: the commission member takes no part in the case and gets "not found".
        var outsider = await SignedInAsync(browser, app, "commission");
        var refused = await outsider.GotoAsync(caseUrl);
        Assert.Equal(404, refused!.Status);

        // Tuesday 21.07, within 10 working days: the head of HR, a member, records the session (nhrc 20-22); two members
        // vote for 4.10, one against: the score goes up.
        clock.Now = new DateTimeOffset(2026, 7, 21, 4, 0, 0, TimeSpan.Zero);
        var hrHead = await SignedInAsync(browser, app, "hr-head");
        await hrHead.Locator("[data-test=nav-calibration]").ClickAsync();
        await hrHead.Locator("[data-test=case-row] a").First.ClickAsync();
        await hrHead.Locator("[data-test=session-link]").ClickAsync();
        await hrHead.Locator("[data-test=justification]").FillAsync("Тоқсандық жоспардың екі тармағы кешіктірілді, баға соған сай қойылды.");
        await hrHead.Locator("[data-test=objection-oral]").CheckAsync();
        await hrHead.Locator("[data-test=objection]").FillAsync("Кешігу басқа бөлімнің деректері уақытында келмегенінен болды.");
        await hrHead.Locator("[data-test=proposed-score]").FillAsync("4,10");
        var ballots = hrHead.Locator("[data-test=ballot]");
        await Assertions.Expect(ballots).ToHaveCountAsync(3);
        for (var i = 0; i < 3; i++)
        {
            await ballots.Nth(i).Locator("[data-test=vote]").SelectOptionAsync(i < 2 ? "for" : "against");
            await ballots.Nth(i).Locator("[data-test=argument]").FillAsync(i < 2 ? "Кешігу себебі расталды" : "Жоспар кестесі бұзылды");
        }

        await Browser.ScreenshotAsync(hrHead, "calibration-session");
        await hrHead.Locator("[data-test=record-session]").ClickAsync();
        await Assertions.Expect(hrHead.Locator("[data-test=protocol-final-score]")).ToContainTextAsync("4,10");

        // The same day (nhrc 22: within 3 working days) the head of HR posts the protocol and downloads it.
        await hrHead.Locator("[data-test=post-protocol]").ClickAsync();
        await Assertions.Expect(hrHead.Locator("[data-test=protocol-posted]")).ToContainTextAsync("21.07.2026");
        var download = await hrHead.RunAndWaitForDownloadAsync(() => hrHead.Locator("[data-test=download-kk-pdf]").ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await Browser.ScreenshotAsync(hrHead, "calibration-protocol");

        // The evaluator records the feedback meeting (nhrc 23) from the Calibration menu; the servant reads it on the phone.
        evaluator = await SignedInAsync(browser, app, "evaluator");
        await evaluator.Locator("[data-test=nav-calibration]").ClickAsync();
        await evaluator.Locator("[data-test=feedback-row]").Filter(new() { HasText = $"{servant}, 2026-Q2" }).Locator("a").ClickAsync();
        await evaluator.Locator("[data-test=achievements]").FillAsync("Бюджеттік өтінімдер мерзімінде дайындалды.");
        await evaluator.Locator("[data-test=skills]").FillAsync("Талдау және келіссөз дағдылары өсті.");
        await evaluator.Locator("[data-test=potential]").FillAsync("Басқарма басшысының орынбасары лауазымына дайындалуға ниетті.");
        await Browser.ScreenshotAsync(evaluator, "calibration-feedback-form");
        await evaluator.Locator("[data-test=save-feedback]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=feedback-date]")).ToHaveTextAsync("21.07.2026");

        phone = await SignedInAsync(browser, app, "servant", phone: true);
        await Browser.ClickMenuAsync(phone, "nav-calibration");
        await phone.Locator("[data-test=feedback-row]").Filter(new() { HasText = "2026-Q2" }).Locator("a").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=view-potential]")).ToContainTextAsync("орынбасары лауазымына");
        await Assertions.Expect(phone.Locator("[data-test=feedback-final-score]")).ToContainTextAsync("4,10");
        await Browser.ScreenshotAsync(phone, "calibration-feedback-phone");

        // Q3 and Q4 through the services; the annual score counts four quarters, Q2 with its calibrated score.
        await QuarterThroughServicesAsync(app, bodyId, servant, "2026-Q3", new DateOnly(2026, 10, 9), 3m);
        await QuarterThroughServicesAsync(app, bodyId, servant, "2026-Q4", new DateOnly(2027, 1, 8), 4m);
        await phone.GotoAsync(app.Url($"/bodies/{bodyId}/quarters/mine").ToString());
        await phone.Locator("[data-quarter='2026-Q2'] [data-test=open-own]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=calibrated]")).ToContainTextAsync("4.10");
        await phone.GoBackAsync();
        await phone.Locator("[data-test=annual-link]").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-test=quarters-counted]")).ToHaveTextAsync("4");
        await Assertions.Expect(phone.Locator("[data-test=quarter-2] td").First).ToHaveTextAsync("Q2");
        await Assertions.Expect(phone.Locator("[data-test=quarter-2]")).ToContainTextAsync("4.10");
        var annual = Math.Round((4m + 4.10m + 3m + 4m) / 4, 2, MidpointRounding.AwayFromZero);
        await Assertions.Expect(phone.Locator("[data-test=annual-score]")).ToHaveTextAsync(Invariant(annual));
        await Browser.ScreenshotAsync(phone, "q23-servant-annual-phone");
    }

    /// <summary>A fresh browser context signed in as the demo account (sign-ins follow the app's clock: a new one after each move).</summary>
    private static async Task<IPage> SignedInAsync(Browser browser, AppServer app, string account, bool phone = false)
    {
        var page = await browser.NewPageAsync(phone);
        await OrganisationScenarios.SignInAsync(page, app, Email(account));
        await page.WaitForSelectorAsync("[data-test=nav-calibration]", new() { State = WaitForSelectorState.Attached });
        return page;
    }

    private sealed record Panel(IReadOnlyList<string> Evaluators, string HrHead);

    /// <summary>nhrc 19: two evaluators of the round other than the applicant's (and not the commission member, who stays an outsider), and the head of HR.</summary>
    private static async Task<Panel> PanelAsync(AppServer app, Guid bodyId)
    {
        var servant = await ServantIdAsync(app, "servant");
        var evaluator = await ServantIdAsync(app, "evaluator");
        var hrHead = await ServantIdAsync(app, "hr-head");
        var commission = await ServantIdAsync(app, "commission");
        return await WithAsync(app, async (BagalauDbContext db) =>
        {
            var round = await db.QuarterRounds.Where(r => r.StateBodyId == bodyId && r.Year == 2026 && r.Quarter == 2).Select(r => r.Id).SingleAsync();
            var evaluators = await db.RatingSheets.AsNoTracking()
                .Where(s => s.RoundId == round && s.EvaluatorId != null)
                .Select(s => s.EvaluatorId!.Value).Distinct().ToListAsync();
            var chosen = evaluators.Where(e => e != evaluator && e != servant && e != hrHead && e != commission).Order().Take(2).ToList();
            Assert.Equal(2, chosen.Count);
            var names = await db.Servants.Where(s => chosen.Contains(s.Id) || s.Id == hrHead).ToDictionaryAsync(s => s.Id, s => s.FullName);
            return new Panel([.. chosen.Select(c => names[c])], names[hrHead]);
        });
    }

    /// <summary>HR schedules, the authorized person approves and the evaluator submits the servant's sheet with one score for every parameter.</summary>
    private static async Task QuarterThroughServicesAsync(AppServer app, Guid bodyId, string servant, string quarter, DateOnly evaluationDay, decimal score)
    {
        var hr = await UserIdAsync(app, "hr");
        var authorized = await UserIdAsync(app, "authorized");
        var evaluator = await UserIdAsync(app, "evaluator");
        var scheduled = await WithAsync(app, (QuarterRoundService s) => s.ScheduleAsync(hr, bodyId, "nhrc", quarter, evaluationDay));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var approved = await WithAsync(app, (QuarterRoundService s) => s.ApproveAsync(authorized, bodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        var sheet = await WithAsync(app, (BagalauDbContext db) => db.RatingSheets.AsNoTracking()
            .Join(db.Servants, r => r.ServantId, s => s.Id, (r, s) => new { Sheet = r, s.FullName })
            .Where(x => x.Sheet.RoundId == scheduled.Value!.Id && x.FullName == servant).Select(x => x.Sheet).SingleAsync());
        var view = await WithAsync(app, (RatingSheetService s) => s.GetSheetAsync(evaluator, bodyId, sheet.Id));
        Assert.True(view.IsSuccess, view.Refusal?.ToString());
        var submitted = await WithAsync(app, (RatingSheetService s) => s.SubmitAsync(
            evaluator, bodyId, sheet.Id, sheet.Version, [.. view.Value!.Parameters.Select(p => new SheetScoreInput(p.Id, score, null))]));
        Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
        Assert.Equal(SheetState.Submitted, submitted.Value!.State);
    }

    private static async Task<string> UserIdAsync(AppServer app, string account) =>
        await WithAsync(app, async (UserManager<BagalauUser> users) => (await users.FindByEmailAsync(Email(account)))!.Id);

    private static async Task<Guid> ServantIdAsync(AppServer app, string account)
    {
        var user = await UserIdAsync(app, account);
        return await WithAsync(app, (BagalauDbContext db) => db.BodyMemberships
            .Where(m => m.UserId == user && m.ServantId != null).Select(m => m.ServantId!.Value).FirstAsync());
    }

    private static async Task<string> ServantNameAsync(AppServer app, string account)
    {
        var id = await ServantIdAsync(app, account);
        return await WithAsync(app, (BagalauDbContext db) => db.Servants.Where(s => s.Id == id).Select(s => s.FullName).SingleAsync());
    }

    private static async Task<T> WithAsync<TService, T>(AppServer app, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
