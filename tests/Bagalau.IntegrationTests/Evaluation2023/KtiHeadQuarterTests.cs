using Bagalau.Application.Demo;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using static Bagalau.IntegrationTests.Evaluation2023.QuarterlyEvaluationTests;

namespace Bagalau.IntegrationTests.Evaluation2023;

/// <summary>
/// oskemen 3, 2.4, 4: the head of the apparatus (E-2) is evaluated by KTIs, not on a rating
/// sheet; the scored KTI plan is the quarter result and the annual score is their average, a
/// quarter without a plan left out. nhrc keeps a sheet for everyone.
/// </summary>
public class KtiHeadQuarterTests
{
    private const string Oskemen = "oskemen-maslikhat";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly Actor Hr = Actor.WithRoles("hr (test)", null, Actor.Hr);

    /// <summary>Body2023 with a head of the apparatus (E-2) in the centre, reporting to the chair.</summary>
    private static async Task<(Body2023 Body, Guid Apparatus)> BodyAsync(TestApp app, string code, DateOnly? appointed = null)
    {
        var body = await Body2023.CreateAsync(app, code, new DateOnly(2020, 1, 1));
        var apparatus = Guid.Empty;
        await app.WithAsync<BagalauDbContext>(async db =>
        {
            var centre = await db.StructuralUnits.SingleAsync(u => u.StateBodyId == body.BodyId && u.Code == "centre");
            var position = Position.Create(body.BodyId, "p-apparatus", "Мәслихат аппаратының басшысы", null, null, centre.Id, "E-2", PositionQualifier.None).Value;
            var servant = Servant.Create(body.BodyId, Body2023.NextIin(), "Аппарат басшысы", null, null, false).Value;
            servant.Appoint(position.Id, appointed ?? new DateOnly(2020, 1, 1), null);
            db.Positions.Add(position);
            db.Servants.Add(servant);
            db.ReportingLines.Add(ReportingLine.Create(body.BodyId, servant.Id, ReportingLineKind.DirectSupervisor, body["chair"], new ReportingStructure([])).Value);
            await db.SaveChangesAsync();
            apparatus = servant.Id;
        });
        return (body, apparatus);
    }

    private static async Task<QuarterRound> ApprovedRoundAsync(TestApp app, Body2023 body, string packId, int year, int quarter)
    {
        var evaluation = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(4);
        var scheduled = await app.WithAsync<QuarterRoundService, Outcome<QuarterRound>>(s => s.ScheduleAsync(body.User("hr"), body.BodyId, packId, $"{year}-Q{quarter}", evaluation));
        Assert.True(scheduled.IsSuccess, scheduled.Refusal?.ToString());
        var approved = await app.WithAsync<QuarterRoundService, Outcome<RoundView>>(s => s.ApproveAsync(body.User("authorized"), body.BodyId, scheduled.Value!.Id, scheduled.Value.Version));
        Assert.True(approved.IsSuccess, approved.Refusal?.ToString());
        return approved.Value!.Round;
    }

    /// <summary>The head's plan of the quarter opened by HR, written by the chair (evaluator), agreed, with actual values and scored with <paramref name="score"/> for each of three KTIs.</summary>
    private static async Task ScoredPlanAsync(TestApp app, Body2023 body, Guid apparatus, QuarterRound round, decimal score)
    {
        var lastMonth = round.Quarter * 3;
        var opened = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.OpenAsync(body.User("hr"), body.BodyId, round.Id, apparatus, body["chair"]));
        Assert.True(opened.IsSuccess, opened.Refusal?.ToString());
        var ktis = Enumerable.Range(1, 3).Select(i => new KpiEntry($"ТНИ {i}", "%", "100", new DateOnly(round.Year, lastMonth, 20), $"Күтілетін нәтиже {i}")).ToList();
        var set = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.SetKtisAsync(body.User("authorized"), body.BodyId, opened.Value!.Id, opened.Value.Version, ktis));
        Assert.True(set.IsSuccess, set.Refusal?.ToString());
        var agreed = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.AgreeAsync(body.User("hr"), body.BodyId, set.Value!.Id, set.Value.Version));
        Assert.True(agreed.IsSuccess, agreed.Refusal?.ToString());
        SetToday(app, round.Year, lastMonth, 28);
        var actuals = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.EnterActualsAsync(
            body.User("hr"), body.BodyId, agreed.Value!.Id, agreed.Value.Version, [new(1, "90", 90), new(2, "90", 90), new(3, "90", 90)]));
        Assert.True(actuals.IsSuccess, actuals.Refusal?.ToString());
        var scored = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.ScoreAsync(
            body.User("authorized"), body.BodyId, actuals.Value!.Id, actuals.Value.Version, [new(1, score, null), new(2, score, null), new(3, score, null)]));
        Assert.True(scored.IsSuccess, scored.Refusal?.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Approve_Oskemen_GivesTheHeadOfApparatusNoSheet_AndTheRoundListsThemAsEvaluatedByKtiClause3(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, apparatus) = await BodyAsync(app, "kti-h");
        SetToday(app, 2024, 4, 3);

        var round = await ApprovedRoundAsync(app, body, Oskemen, 2024, 2);
        var sheets = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<SheetSummary>>>(s => s.SheetsOfRoundAsync(body.User("hr"), body.BodyId, round.Id));
        var before = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<KtiEvaluatedRow>>>(s => s.KtiEvaluatedAsync(body.User("hr"), body.BodyId, round.Id));
        var opened = await app.WithAsync<KtiPlanService, Outcome<KtiPlan>>(s => s.OpenAsync(body.User("hr"), body.BodyId, round.Id, apparatus, body["chair"]));
        var after = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<KtiEvaluatedRow>>>(s => s.KtiEvaluatedAsync(body.User("hr"), body.BodyId, round.Id));
        var forServant = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<KtiEvaluatedRow>>>(s => s.KtiEvaluatedAsync(body.User("spec1"), body.BodyId, round.Id));

        Assert.Equal(9, sheets.Value!.Count); // Body2023 without the newcomer (appointed in 2026) and the head of the apparatus
        Assert.DoesNotContain(sheets.Value, s => s.ServantId == apparatus);
        Assert.Contains(sheets.Value, s => s.ServantId == body["head"]);
        var row = Assert.Single(before.Value!);
        Assert.Equal((apparatus, "3", (Guid?)null, (Refusal?)null), (row.ServantId, row.Clause, row.PlanId, row.NotRequired));
        Assert.True(opened.IsSuccess, opened.Refusal?.ToString());
        Assert.Equal((opened.Value!.Id, "draft"), (Assert.Single(after.Value!).PlanId!.Value, Assert.Single(after.Value!).PlanState));
        Assert.Equal("not-allowed", forServant.Refusal!.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HeadAppointedWithUnderThreeMonthsLeft_IsListedWithTheClause22Reason(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, _) = await BodyAsync(app, "kti-u", new DateOnly(2024, 4, 20));
        SetToday(app, 2024, 4, 22);

        var round = await ApprovedRoundAsync(app, body, Oskemen, 2024, 2);
        var rows = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<KtiEvaluatedRow>>>(s => s.KtiEvaluatedAsync(body.User("hr"), body.BodyId, round.Id));

        var row = Assert.Single(rows.Value!);
        Assert.Null(row.PlanId);
        Assert.Equal("kti-not-required", row.NotRequired!.Code);
        Assert.Contains("22", row.NotRequired.Message.En, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HeadsScoredKtiPlans_AreTheQuarterResults_AndTheAnnualScoreLeavesOutTheQuarterWithoutAPlan(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, apparatus) = await BodyAsync(app, "kti-y");
        var scores = new Dictionary<int, decimal> { [1] = 5, [2] = 4, [4] = 3 };
        var reports = new List<QuarterCloseReport>();
        for (var q = 1; q <= 4; q++)
        {
            SetToday(app, 2024, (q * 3) - 2, 3);
            var round = await ApprovedRoundAsync(app, body, Oskemen, 2024, q);
            if (scores.TryGetValue(q, out var score))
            {
                await ScoredPlanAsync(app, body, apparatus, round, score);
            }

            var closeOn = new DateOnly(2024, q * 3, 1).AddMonths(1).AddDays(7);
            SetToday(app, closeOn.Year, closeOn.Month, closeOn.Day);
            var closed = await app.WithAsync<QuarterCloseService, Outcome<QuarterCloseReport>>(s => s.CloseRoundAsync(Hr, round.Id, closeOn));
            Assert.True(closed.IsSuccess, closed.Refusal?.ToString());
            reports.Add(closed.Value!);
        }

        var annual = await app.WithAsync<BagalauDbContext, AnnualResult>(db => db.AnnualResults.AsNoTracking().SingleAsync(a => a.ServantId == apparatus));
        var view = await app.WithAsync<AnnualScoreService, Outcome<AnnualView>>(s => s.AnnualAsync(body.User("hrhead"), body.BodyId, apparatus, Oskemen, 2024));
        var ktiView = await app.WithAsync<KtiPlanService, Outcome<AnnualView>>(s => s.AnnualAsync(body.User("hrhead"), body.BodyId, apparatus, 2024));
        var acquaintances = await app.WithAsync<BagalauDbContext, int>(db => db.Acquaintances.CountAsync(a => a.ServantId == apparatus && a.SubjectType == QuarterCloseService.KtiAcquaintanceSubject));
        var sheets = await app.WithAsync<BagalauDbContext, int>(db => db.RatingSheets.CountAsync(s => s.ServantId == apparatus));

        Assert.Equal(0, sheets);
        Assert.Equal(new[] { 1, 1, 0, 1 }, reports.Select(r => r.Evaluated).ToArray());
        Assert.Equal((4.00m, "effective", 3, "4"), (annual.Score, annual.Grade, annual.QuartersCounted, annual.Clause));
        Assert.Equal(((decimal?)5.00m, (decimal?)4.00m, (decimal?)null, (decimal?)3.00m), (annual.Q1, annual.Q2, annual.Q3, annual.Q4));
        Assert.Equal(3, acquaintances);
        Assert.True(view.IsSuccess, view.Refusal?.ToString());
        Assert.Equal((4.00m, "effective", 3), (view.Value!.Score, view.Value.Grade, view.Value.QuartersCounted));
        Assert.Equal(
            new[] { KtiScored, KtiScored, AnnualScoreService.KtiNoPlan, KtiScored },
            view.Value.Quarters.Select(q => q.Status).ToArray());
        Assert.Equal(new decimal?[] { 1.67m, 1.33m, null, 1.00m }, view.Value.Quarters.Select(q => q.Share).ToArray());
        Assert.Equal((view.Value.Score, view.Value.QuartersCounted), (ktiView.Value!.Score, ktiView.Value.QuartersCounted));
    }

    /// <summary>The quarter status of a scored KTI plan (KtiQuarterResults.Scored).</summary>
    private const string KtiScored = "evaluated-by-kti";

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Approve_Nhrc_IsUnchanged_TheE2ServantGetsASheet_AndTheHeadTheLeaderSheet(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (body, apparatus) = await BodyAsync(app, "kti-n2");
        SetToday(app, 2026, 7, 1);

        var round = await ApprovedRoundAsync(app, body, "nhrc", 2026, 2);
        var sheets = (await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<SheetSummary>>>(s => s.SheetsOfRoundAsync(body.User("hr"), body.BodyId, round.Id))).Value!.ToDictionary(s => s.ServantId);
        var kti = await app.WithAsync<QuarterRoundService, Outcome<IReadOnlyList<KtiEvaluatedRow>>>(s => s.KtiEvaluatedAsync(body.User("hr"), body.BodyId, round.Id));

        Assert.Equal(11, sheets.Count);
        Assert.Equal("leader", sheets[body["head"]].FormId);
        Assert.Equal("non-leader", sheets[apparatus].FormId);
        Assert.Empty(kti.Value!);
    }
}
