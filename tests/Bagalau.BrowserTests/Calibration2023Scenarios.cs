using Bagalau.Application.Accounts;
using Bagalau.Application.Demo;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.BrowserTests.Infrastructure;
using Bagalau.Domain.Evaluation2023;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bagalau.BrowserTests;

/// <summary>
/// Calibration of an nhrc quarterly result in the demo body, in a real browser (the servant on a
/// phone): the sheet is prepared through the services (Q2 2026 scheduled, approved, the finance
/// servant's sheet submitted by the head of finance with 3.40 and acknowledged on Monday 13.07),
/// then apply, decide and set the panel, the session raising the score, the protocol, the feedback.
/// </summary>
public class Calibration2023Scenarios
{
    private static string Email(string prefix) => DemoSeeder.Accounts.Single(a => a.Email.StartsWith(prefix + "@", StringComparison.Ordinal)).Email;

    private static readonly SheetScoreInput[] Scores =
    [
        new("quality", 3, null), new("timeliness", 3, null), new("initiative", 3, null), new("discipline", 4, null), new("no-sanctions", 4, null),
    ];

    private sealed record Prepared(Guid BodyId, Guid SheetId, IReadOnlyList<string> Panel);

    private static async Task<T> WithAsync<TService, T>(AppServer app, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static async Task<string> UserIdAsync(AppServer app, string email) =>
        await WithAsync<UserManager<BagalauUser>, string>(app, async users => (await users.FindByEmailAsync(email))!.Id);

    private static async Task<Prepared> PrepareAsync(AppServer app, MovableClock clock)
    {
        var bodyId = await WithAsync<BagalauDbContext, Guid>(app, db => db.StateBodies.Select(b => b.Id).SingleAsync());
        var hr = await UserIdAsync(app, Email("hr"));
        var scheduled = await WithAsync<QuarterlyEvaluationService, WorkflowResult<QuarterRound>>(app, s => s.ScheduleAsync(hr, bodyId, "nhrc", "2026-Q2", new DateOnly(2026, 7, 10)));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var authorized = await UserIdAsync(app, Email("authorized"));
        var approved = await WithAsync<QuarterlyEvaluationService, WorkflowResult<RoundView>>(app, s => s.ApproveAsync(authorized, bodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());

        var servantUser = await UserIdAsync(app, Email("servant"));
        var evaluatorUser = await UserIdAsync(app, Email("evaluator"));
        var (servant, evaluator, hrHead, commission) = await WithAsync<BagalauDbContext, (Guid, Guid, Guid, Guid)>(app, async db =>
        {
            async Task<Guid> ServantOf(string prefix)
            {
                var email = Email(prefix);
                var user = await db.Users.SingleAsync(u => u.Email == email);
                return await db.BodyMemberships.Where(m => m.UserId == user.Id && m.ServantId != null).Select(m => m.ServantId!.Value).FirstAsync();
            }

            return (await ServantOf("servant"), await ServantOf("evaluator"), await ServantOf("hr-head"), await ServantOf("commission"));
        });
        var sheet = await WithAsync<BagalauDbContext, RatingSheet>(app, db => db.RatingSheets.AsNoTracking().SingleAsync(s => s.RoundId == scheduled.Value!.Id && s.ServantId == servant));
        Assert.Equal(evaluator, sheet.EvaluatorId);

        clock.Now = new DateTimeOffset(2026, 7, 10, 9, 0, 0, TimeSpan.Zero);
        var submitted = await WithAsync<QuarterlyEvaluationService, WorkflowResult<RatingSheet>>(app, s => s.SubmitAsync(evaluatorUser, bodyId, sheet.Id, sheet.Version, Scores));
        Assert.True(submitted.IsSuccess, submitted.Refusal?.ToString());
        clock.Now = new DateTimeOffset(2026, 7, 13, 9, 0, 0, TimeSpan.Zero);
        var acknowledged = await WithAsync<QuarterlyEvaluationService, WorkflowResult<RatingSheet>>(app, s => s.AcknowledgeAsync(servantUser, bodyId, sheet.Id));
        Assert.True(acknowledged.IsSuccess, acknowledged.Refusal?.ToString());

        // nhrc 19: the head of HR and two other evaluators of the round (not the servant's, not the commission member, who stays an outsider).
        var panel = await WithAsync<BagalauDbContext, List<string>>(app, async db =>
        {
            var evaluators = await db.RatingSheets.AsNoTracking()
                .Where(s => s.RoundId == scheduled.Value!.Id && s.EvaluatorId != null)
                .Select(s => s.EvaluatorId!.Value).Distinct().ToListAsync();
            var chosen = evaluators.Where(e => e != evaluator && e != servant && e != hrHead && e != commission).Take(2).Append(hrHead).ToList();
            return await db.Servants.Where(s => chosen.Contains(s.Id)).Select(s => s.FullName).ToListAsync();
        });
        Assert.Equal(3, panel.Count);
        return new Prepared(bodyId, sheet.Id, panel);
    }

    private static async Task SignInAsync(IPage page, AppServer app, string email)
    {
        await OrganisationScenarios.SignInAsync(page, app, email);
        await page.WaitForSelectorAsync("[data-test=nav-calibration]");
    }

    [BrowserFact]
    public async Task Servant_AppliesOnAPhone_AuthorizedSetsThePanel_HrRecordsASessionThatRaisesTheScore_ProtocolAndFeedbackFollow()
    {
        var clock = new MovableClock(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = AppServer.Start(seedDemo: true, clock);
        var prepared = await PrepareAsync(app, clock);
        await using var browser = await Browser.LaunchAsync();

        // Monday 20.07, the fifth working day after acquaintance: the servant applies from a phone.
        clock.Now = new DateTimeOffset(2026, 7, 20, 9, 0, 0, TimeSpan.Zero);
        var servant = await browser.NewPageAsync(phone: true);
        await SignInAsync(servant, app, Email("servant"));
        await servant.Locator("[data-test=nav-calibration]").ClickAsync();
        await Assertions.Expect(servant.Locator("[data-test=result-row]")).ToContainTextAsync("2026-Q2");
        await servant.Locator("[data-test=apply]").ClickAsync();
        await Assertions.Expect(servant.Locator("[data-test=result-score]")).ToContainTextAsync("3,40");
        await servant.Locator("[data-test=statement]").FillAsync("Бағаммен келіспеймін: тоқсанда барлық тапсырма мерзімінде және сапалы орындалды.");
        await Browser.ScreenshotAsync(servant, "calibration-apply-phone");
        await servant.Locator("[data-test=submit-application]").ClickAsync();
        await Assertions.Expect(servant.Locator("[data-test=case-state]")).ToHaveTextAsync("Өтініш берілді");
        var caseUrl = servant.Url;

        // Wednesday 22.07: the authorized person decides; an even panel is refused by the engine, then three members are approved.
        clock.Now = new DateTimeOffset(2026, 7, 22, 9, 0, 0, TimeSpan.Zero);
        var authorized = await browser.NewPageAsync();
        await SignInAsync(authorized, app, Email("authorized"));
        await authorized.Locator("[data-test=nav-calibration]").ClickAsync();
        await authorized.Locator("[data-test=case-row] a").First.ClickAsync();
        foreach (var name in prepared.Panel.Take(2))
        {
            await authorized.Locator($"[data-test=candidate][data-name='{name}']").CheckAsync();
        }

        await authorized.Locator("[data-test=convene]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=form-errors]")).ToContainTextAsync("even-count");
        foreach (var name in prepared.Panel)
        {
            await authorized.Locator($"[data-test=candidate][data-name='{name}']").CheckAsync();
        }

        await Browser.ScreenshotAsync(authorized, "calibration-panel");
        await authorized.Locator("[data-test=convene]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=member]")).ToHaveCountAsync(3);
        await Assertions.Expect(authorized.Locator("[data-test=case-state]")).ToHaveTextAsync("Құрам бекітілді");

        // Confidentiality: the commission member is not a participant and gets "not found".
        var outsider = await browser.NewPageAsync();
        await SignInAsync(outsider, app, Email("commission"));
        var refused = await outsider.GotoAsync(caseUrl);
        Assert.Equal(404, refused!.Status);

        // An HR officer outside the panel sees that the case exists and its state, and cannot open it (nhrc 13).
        var officer = await browser.NewPageAsync();
        await SignInAsync(officer, app, Email("hr"));
        await officer.Locator("[data-test=nav-calibration]").ClickAsync();
        await Assertions.Expect(officer.Locator("[data-test=case-state-only]")).ToHaveCountAsync(1);
        Assert.Equal(404, (await officer.GotoAsync(caseUrl))!.Status);

        // Tuesday 28.07: the head of HR (a panel member) records the session; two members vote for 4.10, one against: the score goes up.
        clock.Now = new DateTimeOffset(2026, 7, 28, 9, 0, 0, TimeSpan.Zero);
        var hr = await browser.NewPageAsync();
        await SignInAsync(hr, app, Email("hr-head"));
        await hr.GotoAsync(caseUrl);
        await hr.Locator("[data-test=session-link]").ClickAsync();
        await hr.Locator("[data-test=justification]").FillAsync("Тоқсандық жоспардың екі тармағы кешіктірілді, баға соған сай қойылды.");
        await hr.Locator("[data-test=objection-oral]").CheckAsync();
        await hr.Locator("[data-test=objection]").FillAsync("Кешігу басқа бөлімнің деректері уақытында келмегенінен болды.");
        await hr.Locator("[data-test=proposed-score]").FillAsync("4,10");
        var ballots = hr.Locator("[data-test=ballot]");
        for (var i = 0; i < 3; i++)
        {
            await ballots.Nth(i).Locator("[data-test=vote]").SelectOptionAsync(i < 2 ? "for" : "against");
            await ballots.Nth(i).Locator("[data-test=argument]").FillAsync(i < 2 ? "Кешігу себебі расталды" : "Жоспар кестесі бұзылды");
        }

        await Browser.ScreenshotAsync(hr, "calibration-session");
        await hr.Locator("[data-test=record-session]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=protocol-final-score]")).ToContainTextAsync("4,10");

        // Thursday 30.07: HR posts the protocol and downloads it (sign-ins follow the app's clock: sign in again after the move).
        var protocolUrl = hr.Url;
        clock.Now = new DateTimeOffset(2026, 7, 30, 9, 0, 0, TimeSpan.Zero);
        await SignInAsync(hr, app, Email("hr-head"));
        await hr.GotoAsync(protocolUrl);
        await hr.Locator("[data-test=post-protocol]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=protocol-posted]")).ToContainTextAsync("30");
        var download = await hr.RunAndWaitForDownloadAsync(() => hr.Locator("[data-test=download-kk-pdf]").ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        await Browser.ScreenshotAsync(hr, "calibration-protocol");

        // The head of finance records the feedback meeting; the servant reads it on the phone.
        var evaluator = await browser.NewPageAsync();
        await SignInAsync(evaluator, app, Email("evaluator"));
        await evaluator.GotoAsync(app.Url($"/bodies/{prepared.BodyId}/feedback/{prepared.SheetId}").ToString());
        await evaluator.Locator("[data-test=achievements]").FillAsync("Бюджеттік өтінімдер мерзімінде дайындалды.");
        await evaluator.Locator("[data-test=skills]").FillAsync("Талдау және келіссөз дағдылары өсті.");
        await evaluator.Locator("[data-test=potential]").FillAsync("Басқарма басшысының орынбасары лауазымына дайындалуға ниетті.");
        await Browser.ScreenshotAsync(evaluator, "calibration-feedback-form");
        await evaluator.Locator("[data-test=save-feedback]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=feedback-date]")).ToBeVisibleAsync();

        await SignInAsync(servant, app, Email("servant"));
        await servant.Locator("[data-test=nav-calibration]").ClickAsync();
        await servant.Locator("[data-test=feedback-row] a").First.ClickAsync();
        await Assertions.Expect(servant.Locator("[data-test=view-potential]")).ToContainTextAsync("орынбасары лауазымына");
        await Assertions.Expect(servant.Locator("[data-test=feedback-final-score]")).ToContainTextAsync("4,10");
        await Browser.ScreenshotAsync(servant, "calibration-feedback-phone");
    }
}
