using System.Globalization;
using Bagalau.Application.Persistence;
using Bagalau.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Bagalau.BrowserTests;

/// <summary>
/// One servant of the demo body through the 2018-family annual cycle under almaty-akimat, each
/// step done by the person the methodology names, in a real browser. Screenshots are kept as
/// artifacts (bin/.../artifacts/cycle2018-*.png); docs/guide-2018.md uses them.
/// </summary>
public class Cycle2018Scenarios
{
    private const string Hr = "hr@bagalau.example";
    private const string Evaluator = "evaluator@bagalau.example";
    private const string Authorized = "authorized@bagalau.example";
    private const string Servant = "servant@bagalau.example";

    // almaty-akimat's act was in force from 2018-04-21 to 2023-06-04: the scenario evaluates
    // 2022, in the last days of that year (Kazakhstan time).
    private const int Year = 2022;
    private static readonly DateTimeOffset Now = new(2022, 12, 26, 10, 0, 0, TimeSpan.FromHours(5));

    [BrowserFact]
    public async Task OneServant_WalksThroughTheCycle_UnderAlmatyAkimat()
    {
        var clock = new MovableClock(Now);
        await using var app = AppServer.Start(seedDemo: true, clock);
        await using var browser = await Browser.LaunchAsync();
        var year = Year;
        var servantName = await ServantNameAsync(app, Servant);

        // HR opens the year's cycle under almaty-akimat: the eligibility list with reasons and dates.
        var hr = await SignedInAsync(browser, app, Hr, "en");
        await hr.Locator("[data-test=nav-cycles2018]").ClickAsync();
        await hr.Locator("[data-test=cycle-pack]").SelectOptionAsync("almaty-akimat");
        await hr.Locator("[data-test=cycle-year]").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        await Browser.ScreenshotAsync(hr, "cycle2018-01-open-cycle");
        await hr.Locator("[data-test=open-cycle]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=cycle-title]")).ToContainTextAsync(year.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(hr.Locator("[data-test=eligibility-row][data-evaluate=yes]").First).ToBeVisibleAsync();
        await Assertions.Expect(hr.Locator("[data-test=eligibility]")).ToContainTextAsync("Eligible");
        await Browser.ScreenshotAsync(hr, "cycle2018-02-eligibility");

        // The direct supervisor sees the plan task (deadline with its clause) and drafts the plan.
        var evaluator = await SignedInAsync(browser, app, Evaluator, "en");
        await evaluator.Locator("[data-test=nav-tasks]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=task][data-kind=plan-draft]").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(evaluator, "cycle2018-03-my-tasks");
        await evaluator.GoBackAsync();
        await evaluator.Locator("[data-test=nav-cycles2018]").ClickAsync();
        await evaluator.Locator("[data-test=my-plans] tr", new() { HasText = servantName }).Locator("[data-test=plan-link]").ClickAsync();
        var planUrl = evaluator.Url;
        var rows = evaluator.Locator("[data-test=kpi-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        for (var i = 0; i < 4; i++)
        {
            await FillKpiAsync(rows.Nth(i), i + 1, year);
        }

        // Four KPIs are refused with the clause; what was typed stays.
        await evaluator.Locator("[data-test=plan-submit]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=refusal]")).ToContainTextAsync("exactly 5 KPIs");
        await Assertions.Expect(rows.Nth(3).Locator("[data-test=kpi-name]")).ToHaveValueAsync(KpiName(4));
        await Browser.ScreenshotAsync(evaluator, "cycle2018-04-plan-four-kpis-refused");
        await FillKpiAsync(rows.Nth(4), 5, year);
        await evaluator.Locator("[data-test=plan-submit]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=plan-state]")).ToHaveTextAsync("Submitted");

        // The superior (here the first head, per the reporting lines) returns it once with a reason.
        var authorized = await SignedInAsync(browser, app, Authorized, "ru");
        await authorized.GotoAsync(planUrl);
        await authorized.Locator("[data-test=plan-reason]").FillAsync("ЦИ 2: плановое значение занижено");
        await authorized.Locator("[data-test=plan-return]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=plan-state]")).ToHaveTextAsync("Возвращён");
        await Assertions.Expect(authorized.Locator("[data-test=resubmit-due]")).ToContainTextAsync("п. ");
        await Browser.ScreenshotAsync(authorized, "cycle2018-05-plan-returned");

        // The supervisor corrects and resubmits; the superior approves; the plan is frozen.
        await evaluator.GotoAsync(planUrl);
        await Assertions.Expect(evaluator.Locator("[data-test=return-reason]")).ToContainTextAsync("плановое значение занижено");
        await rows.Nth(1).Locator("[data-test=kpi-planned]").FillAsync("12");
        await evaluator.Locator("[data-test=plan-submit]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=plan-state]")).ToHaveTextAsync("Resubmitted");
        await authorized.GotoAsync(planUrl);
        await authorized.Locator("[data-test=plan-approve]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=plan-frozen]")).ToBeVisibleAsync();
        await Assertions.Expect(authorized.Locator("[data-test=plan-revision]")).ToContainTextAsync("1");
        await evaluator.GotoAsync(planUrl);
        await Assertions.Expect(evaluator.Locator("[data-test=plan-save]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(evaluator, "cycle2018-06-plan-approved");

        // Quarterly monitoring: progress per KPI and written recommendations the servant sees.
        foreach (var quarter in new[] { "1", "2" })
        {
            await evaluator.Locator("[data-test=note-quarter]").SelectOptionAsync(quarter);
            var progress = evaluator.Locator("[data-test=note-progress]");
            for (var i = 0; i < 5; i++)
            {
                await progress.Nth(i).FillAsync($"{quarter}-тоқсанда {i + 2}% орындалды");
            }

            await evaluator.Locator("[data-test=note-text]").FillAsync($"{quarter}-тоқсан: өтінімдерді қарау кестесін апта сайын тексеру ұсынылады");
            await evaluator.Locator("[data-test=record-note]").ClickAsync();
        }

        await Assertions.Expect(evaluator.Locator("[data-test=note]")).ToHaveCountAsync(2);
        await Browser.ScreenshotAsync(evaluator, "cycle2018-06b-quarterly-notes");

        // KPI sheet: 4 of 5 achieved; the grade comes from the engine with its clause.
        await evaluator.Locator("[data-test=open-sheet]").ClickAsync();
        var sheetUrl = evaluator.Url;

        // The evaluator types the actual values, then attaches a fact file for KPI 1: the file is
        // listed and nothing typed is lost (the sheet is one form).
        var sheetRows = evaluator.Locator("[data-test=sheet-row]");
        await Assertions.Expect(sheetRows).ToHaveCountAsync(5);
        for (var i = 0; i < 5; i++)
        {
            await sheetRows.Nth(i).Locator("[data-test=row-actual]").FillAsync(i == 4 ? "3" : "12");
            if (i < 4)
            {
                await sheetRows.Nth(i).Locator("[data-test=row-achieved]").CheckAsync();
            }
        }

        await evaluator.Locator("[data-test=fact-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "kpi1-report.pdf",
            MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
        });
        await evaluator.Locator("[data-test=attach-fact]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=fact]")).ToContainTextAsync("kpi1-report.pdf");
        await Assertions.Expect(sheetRows.Nth(0).Locator("[data-test=row-actual]")).ToHaveValueAsync("12");
        await Assertions.Expect(sheetRows.Nth(4).Locator("[data-test=row-actual]")).ToHaveValueAsync("3");
        await Assertions.Expect(sheetRows.Nth(0).Locator("[data-test=row-achieved]")).ToBeCheckedAsync();

        await evaluator.Locator("[data-test=sheet-sign]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=sheet-grade]")).ToContainTextAsync("4 of 5 KPIs achieved");
        await Assertions.Expect(evaluator.Locator("[data-test=grade-clause]")).ToContainTextAsync("clause");
        await Browser.ScreenshotAsync(evaluator, "cycle2018-07-kpi-sheet-signed");

        // Competency sheet: the evaluator ticks the observed indicators; the 3/4 rule gives the levels.
        await evaluator.GotoAsync(planUrl);
        await evaluator.Locator("[data-test=open-competency]").ClickAsync();
        var competencies = evaluator.Locator("[data-test=competency]");
        var competencyCount = await competencies.CountAsync();
        Assert.True(competencyCount > 0, "The competency sheet shows no competency.");
        for (var i = 0; i < competencyCount; i++)
        {
            var indicators = competencies.Nth(i).Locator("[data-test=indicator]");
            var count = await indicators.CountAsync();
            // The first competency misses one indicator in two, so it shows its unobserved list.
            for (var n = 0; n < count; n++)
            {
                if (i != 0 || n % 2 == 0)
                {
                    await indicators.Nth(n).CheckAsync();
                }
            }
        }

        await evaluator.Locator("[data-test=competency-sign]").ClickAsync();
        await Assertions.Expect(evaluator.Locator("[data-test=competency-state]")).ToHaveTextAsync("Signed");
        await Assertions.Expect(evaluator.Locator("[data-test=competency-result]").First).ToContainTextAsync("Indicators not observed");
        await Browser.ScreenshotAsync(evaluator, "cycle2018-07b-competency-sheet");
        var competencyUrl = evaluator.Url;

        // The superior agrees; HR sends it to the Commission within its deadline.
        await authorized.GotoAsync(sheetUrl);
        await authorized.Locator("[data-test=sheet-agree]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=sheet-state]")).ToHaveTextAsync("Согласован");
        await hr.GotoAsync(sheetUrl);
        await Assertions.Expect(hr.Locator("[data-test=commission-due]")).ToContainTextAsync("clause");
        await hr.Locator("[data-test=sheet-send]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=sheet-state]")).ToHaveTextAsync("Sent to the Commission");
        await Browser.ScreenshotAsync(hr, "cycle2018-08-sheet-sent");
        await hr.GotoAsync(competencyUrl);
        await hr.Locator("[data-test=competency-send]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=competency-state]")).ToHaveTextAsync("Sent to the Commission");

        // The authorized person sets the Commission: a chair, four members, a secretary.
        var seats = await SeatsAsync(app);
        var commissionUrl = app.Url($"/bodies/{seats.BodyId}/cycles2018/{seats.CycleId}/commission").ToString();
        await authorized.GotoAsync(commissionUrl);
        var seatRows = authorized.Locator("[data-test=seat-row]");
        for (var i = 0; i < seats.Seats.Count; i++)
        {
            // The picker's chosen id (the picker itself is driven in the 360 scenario).
            await seatRows.Nth(i).Locator("input[data-picker-id]").EvaluateAsync("(e, v) => e.value = v", seats.Seats[i].Servant.ToString());
            await seatRows.Nth(i).Locator("[data-test=seat-role]").SelectOptionAsync(seats.Seats[i].Role);
        }

        await authorized.Locator("[data-test=compose]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=seat]")).ToHaveCountAsync(6);

        // HR schedules the sitting for the servant; the chair agrees (evaluators notified, with the clause).
        await hr.GotoAsync(commissionUrl);
        await hr.Locator("[data-test=sitting-on]").FillAsync("2023-01-10");
        await hr.Locator($"[data-test=schedule-servant][value='{seats.Servant}']").CheckAsync();
        await hr.Locator("[data-test=build-schedule]").ClickAsync();
        var chair = await SignedInAsync(browser, app, "hr-head@bagalau.example", "en");
        await chair.GotoAsync(commissionUrl);
        await chair.Locator("[data-test=agree-schedule]").ClickAsync();
        await Assertions.Expect(chair.Locator("[data-test=notice-due]")).ToContainTextAsync("clause");
        await Browser.ScreenshotAsync(chair, "cycle2018-11-commission-schedule");

        // The sitting day comes (a protocol cannot be drawn before it): everyone signs in again.
        clock.Now = new DateTimeOffset(2023, 1, 10, 10, 0, 0, TimeSpan.FromHours(5));
        hr = await SignedInAsync(browser, app, Hr, "en");
        evaluator = await SignedInAsync(browser, app, Evaluator, "en");
        authorized = await SignedInAsync(browser, app, Authorized, "ru");
        chair = await SignedInAsync(browser, app, "hr-head@bagalau.example", "en");

        // HR opens the sitting and marks attendance: four of five voting members and the secretary.
        await hr.GotoAsync(commissionUrl);
        await hr.Locator("[data-test=open-sitting]").ClickAsync();
        var sittingUrl = hr.Url;
        var present = hr.Locator("[data-test=present]");
        for (var i = 0; i < seats.Seats.Count; i++)
        {
            if (seats.Seats[i].Present)
            {
                await present.Nth(i).CheckAsync();
            }
        }

        await hr.Locator("[data-test=save-present]").ClickAsync();

        // Open vote: 2 approve, 2 revise, the chair among the revisers: the chair's vote decides.
        var member = await SignedInAsync(browser, app, "commission@bagalau.example", "en");
        foreach (var (voter, vote) in new[] { (chair, "revise"), (member, "revise"), (evaluator, "approve"), (hr, "approve") })
        {
            await voter.GotoAsync(sittingUrl);
            await voter.Locator($"[data-test=vote-{vote}]").ClickAsync();
            await Assertions.Expect(voter.Locator("[data-test=refusal]")).ToHaveCountAsync(0);
        }

        await hr.GotoAsync(sittingUrl);
        await Assertions.Expect(hr.Locator("[data-test=decision]")).ToContainTextAsync("chair's vote: Revise the result");
        await Assertions.Expect(hr.Locator("[data-test=decision]")).ToContainTextAsync("Result revised");
        await hr.Locator("[data-test=corrected-grade]").SelectOptionAsync("satisfactory");
        await hr.Locator("[data-test=recommendations]").FillAsync("Көрсеткіштерді жоспарлауды күшейту, 5-НМИ бойынша оқудан өту");
        await hr.Locator("[data-test=record-case]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=recorded-case]")).ToContainTextAsync("satisfactory");
        await Browser.ScreenshotAsync(hr, "cycle2018-12-sitting-tie-decided-by-chair");
        await hr.Locator("[data-test=draw-protocol]").ClickAsync();

        // The authorized person approves the protocol; the servant's acquaintance opens.
        await authorized.GotoAsync(sittingUrl);
        await authorized.Locator("[data-test=approve-protocol]").ClickAsync();
        await Assertions.Expect(authorized.Locator("[data-test=protocol-approved]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(authorized, "cycle2018-13-protocol-approved");

        // The servant refuses to acknowledge: HR records the refusal act with two other employees.
        await hr.GotoAsync(sittingUrl);
        await hr.Locator("[data-test=acquaintance-link]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=acquaintance-due]")).ToContainTextAsync("clause");
        await hr.Locator("[data-test=act-hr-name]").FillAsync("Серікбаева Айгүл");
        await hr.Locator("[data-test=act-hr-position]").FillAsync("Персоналды басқару қызметінің бас сарапшысы");
        await hr.Locator("[data-test=act-w1-name]").FillAsync("Қасымов Тимур");
        await hr.Locator("[data-test=act-w1-position]").FillAsync("Бас сарапшы");
        await hr.Locator("[data-test=act-w2-name]").FillAsync("Ахметова Динара");
        await hr.Locator("[data-test=act-w2-position]").FillAsync("Жетекші сарапшы");
        await hr.Locator("[data-test=record-refusal]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=refusal-act]")).ToContainTextAsync("Қасымов Тимур");
        await Browser.ScreenshotAsync(hr, "cycle2018-14-refusal-act");
        var act = await hr.RunAndWaitForDownloadAsync(() => hr.Locator("[data-test=doc-ru-docx]").ClickAsync());
        Assert.Equal("refusal-act-ru.docx", act.SuggestedFilename);

        // The appeal to the agency is recorded with its outcome; re-evaluation reopens the sheets.
        await hr.GotoAsync(sittingUrl);
        await hr.Locator("[data-test=appeal-form]").EvaluateAsync("f => f.closest('details').open = true");
        await hr.Locator("[data-test=appeal-filed-on]").FillAsync("2023-01-10");
        await hr.Locator("[data-test=appeal-body]").FillAsync("Мемлекеттік қызмет істері агенттігінің Алматы қаласы бойынша департаменті");
        await hr.Locator("[data-test=file-appeal]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=appeal-due]")).ToContainTextAsync("clause");
        await hr.Locator("[data-test=appeal-outcome-select]").SelectOptionAsync("re-evaluate");
        await hr.Locator("[data-test=record-outcome]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=appeal-outcome]")).ToContainTextAsync("Re-evaluation recommended");
        await Assertions.Expect(hr.Locator("[data-test=reopened]")).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(hr, "cycle2018-15-appeal");

        // The form downloads are real files.
        await hr.GotoAsync(sheetUrl);
        var download = await hr.RunAndWaitForDownloadAsync(() => hr.Locator("[data-test=doc-kk-pdf]").ClickAsync());
        Assert.Equal("kpi-sheet-kk.pdf", download.SuggestedFilename);

        // HR: completion and overdue work by unit for the cycle.
        await hr.Locator("[data-test=nav-cycles2018]").ClickAsync();
        await hr.Locator("[data-test=cycle-link]").First.ClickAsync();
        await hr.Locator("[data-test=completion-link]").ClickAsync();
        await Assertions.Expect(hr.Locator("[data-test=completion-row]").First).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(hr, "cycle2018-09-completion");

        // The servant sees the approved plan and the sheet, read-only, in Kazakh.
        var servant = await SignedInAsync(browser, app, Servant, "kk");
        await servant.Locator("[data-test=nav-cycles2018]").ClickAsync();
        await servant.Locator("[data-test=plan-link]").First.ClickAsync();
        await Assertions.Expect(servant.Locator("[data-test=plan-servant]")).ToHaveTextAsync(servantName);
        await Assertions.Expect(servant.Locator("[data-test=plan-approve]")).ToHaveCountAsync(0);
        await Browser.ScreenshotAsync(servant, "cycle2018-10-servant-plan", fullPage: false);
    }

    [BrowserFact]
    public async Task OnAPhone_TheKpiSheetFitsTheScreen()
    {
        await using var app = AppServer.Start(seedDemo: true, new MovableClock(Now));
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync(phone: true);
        await OrganisationScenarios.SignInAsync(page, app, Hr);
        await Browser.ClickMenuAsync(page, "nav-cycles2018");
        await page.Locator("[data-test=cycle-pack]").SelectOptionAsync("almaty-akimat");
        await page.Locator("[data-test=cycle-year]").FillAsync(Year.ToString(CultureInfo.InvariantCulture));
        await page.Locator("[data-test=open-cycle]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=eligibility-row]").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The eligibility list is wider than the phone screen.");
        await Browser.ScreenshotAsync(page, "cycle2018-phone-eligibility", fullPage: false);
    }

    private static string KpiName(int number) => $"Өтінімдерді қарау мерзімін қысқарту ({number})";

    private static async Task FillKpiAsync(ILocator row, int number, int year)
    {
        await row.Locator("[data-test=kpi-name]").FillAsync(KpiName(number));
        await row.Locator("[data-test=kpi-source]").FillAsync("Облыстың аумақтық даму жоспары, 3-көрсеткіш");
        await row.Locator("[data-test=kpi-unit]").FillAsync("%");
        await row.Locator("[data-test=kpi-planned]").FillAsync("10");
        await row.Locator("[data-test=kpi-due]").FillAsync(new DateOnly(year, 12, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await row.Locator("[data-test=kpi-result]").FillAsync("Азаматтардың өтініштері жылдам қаралады");
    }

    private static async Task<IPage> SignedInAsync(Browser browser, AppServer app, string email, string language)
    {
        var page = await browser.NewPageAsync();
        await OrganisationScenarios.SignInAsync(page, app, email);
        if (language != "kk")
        {
            await page.Locator($"[data-test=language-{language}]").ClickAsync();
            await page.WaitForSelectorAsync($"html[lang={language}]");
        }

        return page;
    }

    private sealed record Seat(Guid Servant, string Role, bool Present);

    private sealed record CommissionPlan(Guid BodyId, Guid CycleId, Guid Servant, IReadOnlyList<Seat> Seats);

    /// <summary>
    /// The Commission of the scenario: head of HR chairs; the commission member, the evaluator,
    /// the HR officer and one more servant are members (the last one absent); one more servant is
    /// the secretary.
    /// </summary>
    private static async Task<CommissionPlan> SeatsAsync(AppServer app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
        async Task<Guid> Of(string email)
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            return await db.BodyMemberships.Where(m => m.UserId == user.Id && m.ServantId != null).Select(m => m.ServantId!.Value).FirstAsync();
        }

        var chair = await Of("hr-head@bagalau.example");
        var member = await Of("commission@bagalau.example");
        var evaluator = await Of(Evaluator);
        var hr = await Of(Hr);
        var servant = await Of(Servant);
        var authorized = await Of(Authorized);
        var cycle = await db.EvaluationCycles2018.SingleAsync();
        var taken = new[] { chair, member, evaluator, hr, servant, authorized };
        var others = await db.Servants.Where(s => s.StateBodyId == cycle.StateBodyId && !taken.Contains(s.Id)).OrderBy(s => s.FullName).Select(s => s.Id).Take(2).ToListAsync();
        return new CommissionPlan(cycle.StateBodyId, cycle.Id, servant,
        [
            new(chair, "chair", true),
            new(member, "member", true),
            new(evaluator, "member", true),
            new(hr, "member", true),
            new(others[0], "member", false),
            new(others[1], "secretary", true),
        ]);
    }

    private static async Task<string> ServantNameAsync(AppServer app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var servantId = await db.BodyMemberships.Where(m => m.UserId == user.Id && m.ServantId != null).Select(m => m.ServantId).FirstAsync();
        return await db.Servants.Where(s => s.Id == servantId).Select(s => s.FullName).SingleAsync();
    }
}
