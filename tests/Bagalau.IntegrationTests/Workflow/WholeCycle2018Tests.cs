using Bagalau.Application.Acquaintance;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Workflow;

/// <summary>
/// The 2018 cycle past the KPI sheet, through the services: quarterly notes, fact files, the
/// competency sheet, the Commission (schedule, quorum, open vote, the chair's casting vote),
/// the protocol and its approval, acquaintance and the appeal, under mdai and under
/// sjc-apparatus (whose working body is the Administrative Department, categories B-).
/// </summary>
public class WholeCycle2018Tests
{
    public static readonly DateOnly Opened = new(2022, 1, 4);
    public static readonly DateOnly Sitting = new(2022, 12, 20);

    public static TheoryData<string, string, string, string, string> Packs
    {
        get
        {
            var data = new TheoryData<string, string, string, string, string>();
            foreach (var provider in TestDatabases.Providers)
            {
                data.Add(provider, "mdai", "dept", "C-4", "C-1");
                data.Add(provider, "sjc-apparatus", "administrative-department", "B-4", "B-2");
            }

            return data;
        }
    }

    public static TheoryData<string> Providers => TestDatabases.Providers;

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task WholeCycle_NotesFactsCompetenciesCommissionTieProtocolAcquaintanceAppeal(string provider, string pack, string unit, string staff, string supervisor)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app, unit, staff, supervisor);
        var version = app.Services.GetRequiredService<PackCatalog>().Catalogue.Find(pack)!.VersionOn(new DateOnly(2022, 1, 1))!;
        var (plan, sheet) = await Cycle.ToSentSheetAsync(app, world, pack, achieved: n => n != 3);

        // Quarterly monitoring: the direct supervisor writes, the servant reads, the outsider does not.
        Assert.Equal("not-allowed", (await Sheets(app, s => s.RecordNoteAsync(world.User("servant"), plan.Id, 1, null, [new(1, "жүріп жатыр")], "ұсыныс", new DateOnly(2022, 4, 5)))).Refusal?.Code);
        Assert.Equal("required", (await Sheets(app, s => s.RecordNoteAsync(world.User("supervisor"), plan.Id, 1, null, [new(1, "жүріп жатыр")], " ", new DateOnly(2022, 4, 5)))).Refusal?.Code);
        var note = await Sheets(app, s => s.RecordNoteAsync(world.User("supervisor"), plan.Id, 1, null, [new(1, "30%"), new(2, "50%")], "3-НМИ бойынша жұмысты жеделдету", new DateOnly(2022, 4, 5)));
        Assert.False(note.IsRefused, note.Refusal?.ToString());
        var seen = await app.WithAsync<SheetService, Outcome<IReadOnlyList<MonitoringNote>>>(s => s.NotesAsync(world.User("servant"), plan.Id));
        Assert.Equal(("3-НМИ бойынша жұмысты жеделдету", 2), (seen.Value!.Single().Recommendations, seen.Value!.Single().Progress.Count));
        Assert.Equal("not-found", (await app.WithAsync<SheetService, Outcome<IReadOnlyList<MonitoringNote>>>(s => s.NotesAsync(world.User("outsider"), plan.Id))).Refusal?.Code);

        // Competency sheet: the group's indicators; 3/4 rule from the engine; unobserved listed.
        var opened = await app.WithAsync<SheetService, Outcome<CompetencySheet>>(s => s.OpenCompetencySheetAsync(world.User("supervisor"), plan.Id, new DateOnly(2022, 12, 1)));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var view = (await app.WithAsync<SheetService, Outcome<CompetencySheetView>>(s => s.CompetencySheetAsync(world.User("supervisor"), opened.Value!.Id))).Value!;
        Assert.All(view.Competencies, c => Assert.NotEmpty(c.Indicators));
        var position = new Position(staff, null);
        var first = view.Competencies[0];
        foreach (var competency in view.Competencies)
        {
            // The first competency: only its first indicator observed; the others: all observed.
            var observed = competency.Id == first.Id ? [1] : Enumerable.Range(1, competency.Indicators.Count).ToList();
            var current = await CompetencyOf(app, view.Sheet.Id);
            var ticked = await app.WithAsync<SheetService, Outcome>(s => s.TickAsync(world.User("supervisor"), current.Id, current.Version, competency.Id, observed));
            Assert.False(ticked.IsRefused, ticked.Refusal?.ToString());
        }

        var competencySheet = await CompetencyOf(app, view.Sheet.Id);
        Assert.Equal("not-allowed", (await app.WithAsync<SheetService, Outcome>(s => s.SignCompetencySheetAsync(world.User("superior"), competencySheet.Id, competencySheet.Version, new DateOnly(2022, 12, 5)))).Refusal?.Code);
        Assert.False((await app.WithAsync<SheetService, Outcome>(s => s.SignCompetencySheetAsync(world.User("supervisor"), competencySheet.Id, competencySheet.Version, new DateOnly(2022, 12, 5)))).IsRefused);
        competencySheet = await CompetencyOf(app, view.Sheet.Id);
        var expected = CompetencyLevelDecision.Decide(version, position, first.Id, [1], true);
        var firstResult = competencySheet.Results.Single(r => r.Competency == first.Id);
        Assert.Equal(expected.Answer!.Level, firstResult.Level);
        Assert.Equal(expected.Answer.Unobserved, firstResult.Unobserved);
        Assert.Equal("does-not-meet", firstResult.Level);
        Assert.All(competencySheet.Results.Where(r => r.Competency != first.Id), r => Assert.Equal("meets", r.Level));
        Assert.False((await app.WithAsync<SheetService, Outcome>(s => s.SendCompetencySheetAsync(world.User("hr"), competencySheet.Id, competencySheet.Version, new DateOnly(2022, 12, 6)))).IsRefused);

        // Commission: the authorized person sets it; HR builds the schedule; the chair agrees; the evaluator is notified.
        var cycleId = plan.CycleId;
        Assert.Equal("not-allowed", (await Compose(app, world, "hr", cycleId)).Refusal?.Code);
        var commission = await Compose(app, world, "authorized", cycleId);
        Assert.False(commission.IsRefused, commission.Refusal?.ToString());
        var schedule = (await app.WithAsync<CommissionService, Outcome<CommissionSchedule>>(s => s.BuildScheduleAsync(world.User("hr"), cycleId, [Sitting], [world.Servant], new DateOnly(2022, 12, 1)))).Value!;
        Assert.Equal("not-allowed", (await app.WithAsync<CommissionService, Outcome>(s => s.AgreeScheduleAsync(world.User("hr"), schedule.Id, schedule.Version, new DateOnly(2022, 12, 1)))).Refusal?.Code);
        Assert.False((await app.WithAsync<CommissionService, Outcome>(s => s.AgreeScheduleAsync(world.User("chair"), schedule.Id, schedule.Version, new DateOnly(2022, 12, 1)))).IsRefused);
        schedule = (await app.WithAsync<CommissionService, Outcome<CommissionSchedule>>(s => s.ScheduleOfAsync(world.User("hr"), schedule.Id))).Value!;
        var notice = DeadlineDecision.Decide(version, "schedule-notice", Sitting, app.Services.GetRequiredService<PackCatalog>().Catalogue.Calendar);
        Assert.Equal((notice.Answer!.Due, notice.Provenance!.Clause), (schedule.NoticeDue!.Value, schedule.NoticeClause));
        var notified = await app.WithAsync<BagalauDbContext, List<string>>(db => db.Notifications.Where(n => n.RecipientServantId == world.Servants["supervisor"] && n.Kind == "schedule-notice").Select(n => n.TextEn).ToListAsync());
        Assert.Contains($"clause {notice.Provenance.Clause}", Assert.Single(notified), StringComparison.Ordinal);

        // Sitting: no quorum, then the secretary's vote is refused, then a tie decided by the chair revising.
        var sitting = (await app.WithAsync<CommissionService, Outcome<CommissionSitting>>(s => s.OpenSittingAsync(world.User("hr"), schedule.Id, Sitting))).Value!;
        sitting = await Step(app, sitting, (s, v) => s.MarkPresentAsync(world.User("secretary"), sitting.Id, v, [world.Servants["chair"], world.Servants["member1"], world.Servants["secretary"]]));
        Assert.Equal("no-quorum", (await app.WithAsync<CommissionService, Outcome>(s => s.RecordCaseAsync(world.User("secretary"), sitting.Id, sitting.Version, world.Servant, null, null))).Refusal?.Code);
        sitting = await Step(app, sitting, (s, v) => s.MarkPresentAsync(world.User("secretary"), sitting.Id, v, [world.Servants["chair"], world.Servants["member1"], world.Servants["member2"], world.Servants["member3"], world.Servants["secretary"]]));
        Assert.Equal("secretary-does-not-vote", (await app.WithAsync<CommissionService, Outcome>(s => s.VoteAsync(world.User("secretary"), sitting.Id, sitting.Version, world.Servant, "approve"))).Refusal?.Code);
        sitting = await Step(app, sitting, (s, v) => s.VoteAsync(world.User("chair"), sitting.Id, v, world.Servant, "revise"));
        sitting = await Step(app, sitting, (s, v) => s.VoteAsync(world.User("member1"), sitting.Id, v, world.Servant, "revise"));
        sitting = await Step(app, sitting, (s, v) => s.VoteAsync(world.User("member2"), sitting.Id, v, world.Servant, "approve"));
        sitting = await Step(app, sitting, (s, v) => s.VoteAsync(world.User("member3"), sitting.Id, v, world.Servant, "approve"));
        Assert.Equal("corrected-grade-required", (await app.WithAsync<CommissionService, Outcome>(s => s.RecordCaseAsync(world.User("secretary"), sitting.Id, sitting.Version, world.Servant, null, "ұсыныс"))).Refusal?.Code);
        sitting = await Step(app, sitting, (s, v) => s.RecordCaseAsync(world.User("secretary"), sitting.Id, v, world.Servant, "excellent", "Кәсіби даму жоспарын жасау"));
        var decided = Assert.Single(sitting.Cases);
        Assert.Equal(("revise", 2, 2, CommissionVote.Revise, "excellent"), (decided.Decision, decided.Approve, decided.Revise, decided.ChairVote, decided.CorrectedGrade));
        Assert.Equal(version.Rules.Commission!.Clause, decided.Clause);

        // Protocol: HR draws it, only the authorized person approves; acquaintance opens with the corrected result.
        Assert.Equal("before-sitting-day", (await app.WithAsync<CommissionService, Outcome>(s => s.DrawProtocolAsync(world.User("hr"), sitting.Id, sitting.Version, Sitting.AddDays(-1)))).Refusal?.Code);
        sitting = await Step(app, sitting, (s, v) => s.DrawProtocolAsync(world.User("hr"), sitting.Id, v, Sitting));
        Assert.Equal("not-allowed", (await app.WithAsync<CommissionService, Outcome>(s => s.ApproveProtocolAsync(world.User("hr"), sitting.Id, sitting.Version, Sitting.AddDays(1)))).Refusal?.Code);
        sitting = await Step(app, sitting, (s, v) => s.ApproveProtocolAsync(world.User("authorized"), sitting.Id, v, Sitting.AddDays(1)));
        var protocol = (await app.WithAsync<CommissionService, Outcome<ProtocolView>>(s => s.ProtocolAsync(world.User("authorized"), sitting.Id))).Value!;
        var row = Assert.Single(protocol.Rows);
        Assert.Equal(("effective", "excellent"), (row.KpiGrade, row.CorrectedGrade));
        Assert.Equal(pack == "sjc-apparatus", protocol.WorkingBody.Kk.Contains("Әкімшілік бөлім", StringComparison.Ordinal));
        var acquaintance = await app.WithAsync<BagalauDbContext, ResultAcquaintance>(db => db.Acquaintances.AsNoTracking().SingleAsync(a => a.Id == row.AcquaintanceId));
        Assert.Contains(version.Rules.KpiAnnualGrade!.Steps.Single(s => s.Grade == "excellent").Title.Kk, acquaintance.ResultKk, StringComparison.Ordinal);

        // Acquaintance after the deadline: allowed and flagged; the result enters the service record.
        var late = acquaintance.Due.AddDays(7);
        Assert.False((await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("servant"), acquaintance.Id, acquaintance.Version, late))).IsRefused);
        acquaintance = await app.WithAsync<BagalauDbContext, ResultAcquaintance>(db => db.Acquaintances.AsNoTracking().SingleAsync(a => a.Id == row.AcquaintanceId));
        Assert.True(acquaintance.Late);
        Assert.Equal(1, await app.WithAsync<BagalauDbContext, int>(db => db.ServiceRecordEntries.CountAsync(e => e.ServantId == world.Servant)));

        // Appeal: 10 working days counted from the Commission's decision (the protocol drawn on the
        // sitting's day), not from the approval the next day; later refused with the clause; in time
        // recorded; re-evaluation reopens the sheets.
        var due = DeadlineDecision.Decide(version, "appeal", Sitting, app.Services.GetRequiredService<PackCatalog>().Catalogue.Calendar);
        var last = due.Answer!.Due;
        var tooLate = await app.WithAsync<AppealService, Outcome<EvaluationAppeal>>(s => s.FileAsync(world.User("hr"), sitting.Id, world.Servant, null, last.AddDays(1)));
        Assert.Equal("appeal-late", tooLate.Refusal?.Code);
        Assert.Contains($"clause {due.Provenance!.Clause}", tooLate.Refusal!.Message.En, StringComparison.Ordinal);
        var appeal = (await app.WithAsync<AppealService, Outcome<EvaluationAppeal>>(s => s.FileAsync(world.User("hr"), sitting.Id, world.Servant, "ҚР Мемлекеттік қызмет істері агенттігі", last))).Value!;
        Assert.Equal("not-found", (await app.WithAsync<AppealService, Outcome<EvaluationAppeal>>(s => s.GetAsync(world.User("outsider"), appeal.Id))).Refusal?.Code);
        Assert.False((await app.WithAsync<AppealService, Outcome>(s => s.RecordOutcomeAsync(world.User("hr"), appeal.Id, appeal.Version, "re-evaluate", "Агенттік қайта бағалауды ұсынды", last.AddDays(20)))).IsRefused);
        var reopened = await app.WithAsync<BagalauDbContext, KpiSheet>(db => db.KpiSheets.AsNoTracking().SingleAsync(s => s.Id == sheet.Id));
        Assert.Equal((KpiSheetState.Draft, (Guid?)appeal.Id), (reopened.State, reopened.ReopenedByAppealId));
        Assert.Equal((Guid?)appeal.Id, (await CompetencyOf(app, competencySheet.Id)).ReopenedByAppealId);

        // Confidentiality of the Commission's records and the competency sheet.
        Assert.Equal("not-found", (await app.WithAsync<CommissionService, Outcome<CommissionSitting>>(s => s.SittingAsync(world.User("outsider"), sitting.Id))).Refusal?.Code);
        Assert.Equal("not-found", (await app.WithAsync<SheetService, Outcome<CompetencySheetView>>(s => s.CompetencySheetAsync(world.User("outsider"), competencySheet.Id))).Refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FactFiles_AreCheckedStoredListedAndRemovableOnlyWhileTheSheetIsEditable(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var (_, sheet) = await Cycle.ToOpenSheetAsync(app, world, "mdai");

        var exe = await Facts(app, s => s.AttachFactAsync(world.User("supervisor"), sheet.Id, 1, "program.exe", [0x4D, 0x5A, 0x90], Opened));
        Assert.Equal("fact-type-not-allowed", exe.Refusal?.Code);
        var fake = await Facts(app, s => s.AttachFactAsync(world.User("supervisor"), sheet.Id, 1, "photo.png", Pdf, Opened));
        Assert.Equal("fact-content-mismatch", fake.Refusal?.Code);
        var huge = await Facts(app, s => s.AttachFactAsync(world.User("supervisor"), sheet.Id, 1, "big.pdf", [.. Pdf, .. new byte[FactFileRule.MaxBytes]], Opened));
        Assert.Equal("fact-too-large", huge.Refusal?.Code);
        Assert.Equal("not-found", (await Facts(app, s => s.AttachFactAsync(world.User("outsider"), sheet.Id, 1, "a.pdf", Pdf, Opened))).Refusal?.Code);

        var fact = await Facts(app, s => s.AttachFactAsync(world.User("supervisor"), sheet.Id, 2, "акт.pdf", Pdf, Opened));
        Assert.False(fact.IsRefused, fact.Refusal?.ToString());
        var listed = await app.WithAsync<SheetService, Outcome<IReadOnlyList<KpiFactInfo>>>(s => s.FactsAsync(world.User("servant"), sheet.Id));
        Assert.Equal(("акт.pdf", 2, "application/pdf"), (listed.Value!.Single().FileName, listed.Value!.Single().KpiNumber, listed.Value!.Single().ContentType));
        var stored = await app.WithAsync<SheetService, Outcome<KpiFact>>(s => s.FactAsync(world.User("superior"), sheet.Id, fact.Value!.Id));
        Assert.Equal(Pdf, stored.Value!.Content);

        await Cycle.SignAsync(app, world, sheet);
        Assert.Equal("wrong-state", (await app.WithAsync<SheetService, Outcome>(s => s.RemoveFactAsync(world.User("supervisor"), sheet.Id, fact.Value!.Id))).Refusal?.Code);
        Assert.Equal("wrong-state", (await Facts(app, s => s.AttachFactAsync(world.User("supervisor"), sheet.Id, 1, "b.pdf", Pdf, Opened))).Refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CompetencySheet_ForAServantWithoutPublicServices_SkipsThePublicServiceCompetencies(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        await app.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(world.User("hr"), world.BodyId, "mdai", 2022, Opened));
        var plan = await app.WithAsync<BagalauDbContext, WorkPlan>(db => db.WorkPlans.AsNoTracking().SingleAsync(p => p.ServantId == world.Servants["outsider"]));

        var opened = await app.WithAsync<SheetService, Outcome<CompetencySheet>>(s => s.OpenCompetencySheetAsync(world.User("supervisor"), plan.Id, new DateOnly(2022, 12, 1)));
        var view = (await app.WithAsync<SheetService, Outcome<CompetencySheetView>>(s => s.CompetencySheetAsync(world.User("supervisor"), opened.Value!.Id))).Value!;

        var version = app.Services.GetRequiredService<PackCatalog>().Catalogue.Find("mdai")!.VersionOn(new DateOnly(2022, 1, 1))!;
        var publicService = version.Rules.Competencies!.Items.Where(c => c.PublicService).Select(c => c.Id).ToList();
        Assert.NotEmpty(publicService);
        Assert.DoesNotContain(view.Competencies, c => publicService.Contains(c.Id));
        Assert.Equal(version.Rules.Competencies.Items.Count - publicService.Count, view.Competencies.Count);
        var sheet = await CompetencyOf(app, view.Sheet.Id);
        Assert.Equal("competency-not-assessed", (await app.WithAsync<SheetService, Outcome>(s => s.TickAsync(world.User("supervisor"), sheet.Id, sheet.Version, publicService[0], [1]))).Refusal?.Code);
        Assert.Equal("indicator-out-of-range", (await app.WithAsync<SheetService, Outcome>(s => s.TickAsync(world.User("supervisor"), sheet.Id, sheet.Version, view.Competencies[0].Id, [99]))).Refusal?.Code);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Commission_WithFourVotingMembers_IsRefusedUnderMdai(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        var opened = await app.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(world.User("hr"), world.BodyId, "mdai", 2022, Opened));

        var small = await app.WithAsync<CommissionService, Outcome<EvaluationCommission>>(s => s.ComposeAsync(world.User("authorized"), opened.Value!.Cycle.Id, null,
            [new(world.Servants["chair"], "chair"), new(world.Servants["member1"], "member"), new(world.Servants["member2"], "member"), new(world.Servants["member3"], "member"), new(world.Servants["secretary"], "secretary")], Opened));

        Assert.Equal("commission-too-small", small.Refusal?.Code);
    }

    private static Task<Outcome<EvaluationCommission>> Compose(TestApp app, World world, string who, Guid cycleId) =>
        app.WithAsync<CommissionService, Outcome<EvaluationCommission>>(s => s.ComposeAsync(world.User(who), cycleId, null,
        [
            new(world.Servants["chair"], "chair"),
            new(world.Servants["member1"], "member"),
            new(world.Servants["member2"], "member"),
            new(world.Servants["member3"], "member"),
            new(world.Servants["member4"], "member"),
            new(world.Servants["secretary"], "secretary"),
        ], Opened));

    private static Task<Outcome<MonitoringNote>> Sheets(TestApp app, Func<SheetService, Task<Outcome<MonitoringNote>>> action) => app.WithAsync(action);

    private static Task<Outcome<KpiFactInfo>> Facts(TestApp app, Func<SheetService, Task<Outcome<KpiFactInfo>>> action) => app.WithAsync(action);

    private static Task<CompetencySheet> CompetencyOf(TestApp app, Guid id) =>
        app.WithAsync<BagalauDbContext, CompetencySheet>(db => db.Set<CompetencySheet>().AsNoTracking().SingleAsync(s => s.Id == id));

    /// <summary>Runs a sitting step that must succeed and returns the sitting as saved.</summary>
    private static async Task<CommissionSitting> Step(TestApp app, CommissionSitting sitting, Func<CommissionService, int, Task<Outcome>> step)
    {
        var outcome = await app.WithAsync<CommissionService, Outcome>(s => step(s, sitting.Version));
        Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());
        return await app.WithAsync<BagalauDbContext, CommissionSitting>(db => db.Set<CommissionSitting>().AsNoTracking().SingleAsync(s => s.Id == sitting.Id));
    }
}

/// <summary>Drives a servant's plan and KPI sheet through the existing steps (shared by the cycle's tests).</summary>
public static class Cycle
{
    public static KpiInput Kpi(int n) => new($"НМИ {n}", "%", "100", new DateOnly(2022, 11, 30), $"Күтілетін нәтиже {n}");

    public static async Task<(WorkPlan Plan, KpiSheet Sheet)> ToOpenSheetAsync(TestApp app, World world, string pack)
    {
        var opened = await app.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(world.User("hr"), world.BodyId, pack, 2022, WholeCycle2018Tests.Opened));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var plan = await PlanOf(app, world.Servant);
        await Ok(app, s => s.SetKpisAsync(world.User("supervisor"), plan.Id, plan.Version, Enumerable.Range(1, 5).Select(Kpi).ToList()));
        plan = await PlanOf(app, world.Servant);
        await Ok(app, s => s.SubmitPlanAsync(world.User("supervisor"), plan.Id, plan.Version, WholeCycle2018Tests.Opened));
        plan = await PlanOf(app, world.Servant);
        await Ok(app, s => s.ApprovePlanAsync(world.User("superior"), plan.Id, plan.Version, WholeCycle2018Tests.Opened.AddDays(1)));
        plan = await PlanOf(app, world.Servant);
        var sheet = await app.WithAsync<Evaluation2018Service, Outcome<KpiSheet>>(s => s.OpenSheetAsync(world.User("supervisor"), plan.Id));
        Assert.False(sheet.IsRefused, sheet.Refusal?.ToString());
        return (plan, sheet.Value!);
    }

    public static async Task<(WorkPlan Plan, KpiSheet Sheet)> ToSentSheetAsync(TestApp app, World world, string pack, Func<int, bool> achieved)
    {
        var (plan, sheet) = await ToOpenSheetAsync(app, world, pack);
        await Ok(app, s => s.FillSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, Enumerable.Range(1, 5).Select(n => new KpiResultInput(n, "факт " + n, achieved(n))).ToList()));
        sheet = await SignAsync(app, world, await SheetOf(app, sheet.Id));
        await Ok(app, s => s.AgreeSheetAsync(world.User("superior"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 6)));
        sheet = await SheetOf(app, sheet.Id);
        await Ok(app, s => s.SendSheetToCommissionAsync(world.User("hr"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 7)));
        return (plan, await SheetOf(app, sheet.Id));
    }

    public static async Task<KpiSheet> SignAsync(TestApp app, World world, KpiSheet sheet)
    {
        sheet = await SheetOf(app, sheet.Id);
        if (sheet.Rows.Any(r => r.Actual is null))
        {
            await Ok(app, s => s.FillSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, Enumerable.Range(1, 5).Select(n => new KpiResultInput(n, "факт " + n, true)).ToList()));
            sheet = await SheetOf(app, sheet.Id);
        }

        await Ok(app, s => s.SignSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 5)));
        return await SheetOf(app, sheet.Id);
    }

    public static Task<WorkPlan> PlanOf(TestApp app, Guid servantId) =>
        app.WithAsync<BagalauDbContext, WorkPlan>(db => db.WorkPlans.AsNoTracking().SingleAsync(p => p.ServantId == servantId));

    public static Task<KpiSheet> SheetOf(TestApp app, Guid id) =>
        app.WithAsync<BagalauDbContext, KpiSheet>(db => db.KpiSheets.AsNoTracking().SingleAsync(s => s.Id == id));

    private static async Task Ok(TestApp app, Func<Evaluation2018Service, Task<Outcome>> step)
    {
        var outcome = await app.WithAsync(step);
        Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());
    }
}
