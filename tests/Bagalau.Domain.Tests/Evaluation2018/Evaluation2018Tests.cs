using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Bagalau.Domain.Workflow;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Evaluation2018;

public class Evaluation2018Tests
{
    private static readonly Guid Body = Guid.NewGuid();
    private static readonly Guid Servant = Guid.NewGuid();
    private static readonly Guid Supervisor = Guid.NewGuid();
    private static readonly Guid Superior = Guid.NewGuid();
    private static readonly Guid FirstHead = Guid.NewGuid();
    private static readonly Period Year = Period.OfYear(2022);
    private static readonly PackVersion Almaty = Version("almaty-akimat", "2022-01-10");
    private static readonly PackVersion Mdai = Version("mdai", "2022-01-10");
    private static readonly PackVersion Sjc = Version("sjc-apparatus", "2022-01-10");

    private static Actor As(Guid servant, params string[] roles) => new("u-" + servant, servant, roles.ToHashSet());

    private static KpiEntry Kpi(int n) => new($"НМИ {n}", "%", "100", D("2022-11-30"), $"Нәтиже {n}");

    private static WorkPlan SubmittedPlan(PackVersion version)
    {
        var plan = WorkPlan.Draft(Body, Guid.NewGuid(), Servant, Supervisor, new PlanApprover(Superior, "10"), version);
        Assert.False(plan.SetKpis(As(Supervisor), Enumerable.Range(1, 5).Select(Kpi).ToList()).IsRefused);
        Assert.False(plan.Submit(As(Supervisor), version, Year, D("2022-01-12")).IsRefused);
        return plan;
    }

    [Fact]
    public void Submit_WhenPlanHasFourKpis_IsRejectedWithClause14()
    {
        var plan = WorkPlan.Draft(Body, Guid.NewGuid(), Servant, Supervisor, new PlanApprover(Superior, "10"), Almaty);
        plan.SetKpis(As(Supervisor), Enumerable.Range(1, 4).Select(Kpi).ToList());

        var outcome = plan.Submit(As(Supervisor), Almaty, Year, D("2022-01-12"));

        Assert.Equal("kpi-plan-invalid", outcome.Refusal?.Code);
        Assert.Contains("clause 14", outcome.Refusal!.Message.En, StringComparison.Ordinal);
        Assert.Contains("the number of indicators is wrong", outcome.Refusal.Message.En, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", outcome.Refusal.Message.Kk);
        Assert.DoesNotMatch("[A-Za-z]{3,}", outcome.Refusal.Message.Ru);
        Assert.Equal(WorkPlanState.Draft, plan.State);
    }

    [Fact]
    public void Submit_WhenAKpiLacksItsExpectedResult_IsRejected()
    {
        var plan = WorkPlan.Draft(Body, Guid.NewGuid(), Servant, Supervisor, new PlanApprover(Superior, "10"), Almaty);
        plan.SetKpis(As(Supervisor), [.. Enumerable.Range(1, 4).Select(Kpi), Kpi(5) with { Result = " " }]);

        Assert.Contains("a column of an indicator is empty", plan.Submit(As(Supervisor), Almaty, Year, D("2022-01-12")).Refusal!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ReturnedOnceThenResubmittedAndApproved_IsFrozenAsRevision1()
    {
        var plan = SubmittedPlan(Almaty);
        var due = DeadlineDecision.Decide(Almaty, "plan-resubmit", D("2022-01-13"), Kz);

        Assert.Equal("not-allowed", plan.Return(As(Supervisor), "КПИ 3 өлшенбейді", due).Refusal?.Code);
        Assert.Equal("required", plan.Return(As(Superior), " ", due).Refusal?.Code);
        Assert.False(plan.Return(As(Superior), "КПИ 3 өлшенбейді", due).IsRefused);
        Assert.Equal((WorkPlanState.Returned, "12"), (plan.State, plan.ResubmitClause));
        Assert.Equal(Kz.AddWorkingDays(D("2022-01-13"), 2), plan.ResubmitDue);
        Assert.False(plan.SetKpis(As(Supervisor), Enumerable.Range(1, 5).Select(Kpi).ToList()).IsRefused);
        Assert.False(plan.Submit(As(Supervisor), Almaty, Year, D("2022-01-14")).IsRefused);
        Assert.Equal(WorkPlanState.Resubmitted, plan.State);
        Assert.False(plan.Approve(As(Superior), D("2022-01-17")).IsRefused);

        Assert.Equal((WorkPlanState.Approved, 1), (plan.State, plan.Revision));
    }

    [Fact]
    public void SetKpis_AfterApproval_IsRefusedAsFrozen()
    {
        var plan = SubmittedPlan(Almaty);
        plan.Approve(As(Superior), D("2022-01-17"));

        var outcome = plan.SetKpis(As(Supervisor), Enumerable.Range(1, 5).Select(Kpi).ToList());

        Assert.Equal("plan-frozen", outcome.Refusal?.Code);
        Assert.Equal("НМИ 1", plan.Kpis[0].Name);
    }

    [Fact]
    public void Approve_ByTheServantThemselves_IsAWrongActor()
    {
        Assert.Equal("not-allowed", SubmittedPlan(Almaty).Approve(As(Servant), D("2022-01-17")).Refusal?.Code);
    }

    [Theory]
    [InlineData("almaty-akimat", true)]
    [InlineData("sjc-apparatus", true)]
    [InlineData("mdai", false)]
    public void PlanApprover_WhenTheDirectSupervisorIsTheFirstHead_IsTheFirstHeadOnlyWhereClause11Exists(string pack, bool firstHeadApproves)
    {
        var version = Version(pack, "2022-01-10");

        var approver = PlanApproverRule.Decide(version, FirstHead, Superior, FirstHead);

        Assert.Equal(firstHeadApproves ? FirstHead : Superior, approver.Value!.ServantId);
        if (firstHeadApproves)
        {
            Assert.Equal("11", approver.Value.Clause);
        }
    }

    private static KpiSheet SignedSheet(PackVersion version, int achieved)
    {
        var plan = SubmittedPlan(version);
        plan.Approve(As(Superior), D("2022-01-17"));
        var sheet = KpiSheet.Open(plan, Superior, version).Value!;
        Assert.False(sheet.Fill(As(Supervisor), version, Enumerable.Range(1, 5).Select(n => (n, (string?)"факт", n <= achieved, (string?)null)).ToList()).IsRefused);
        Assert.False(sheet.Sign(As(Supervisor), version, D("2022-12-05")).IsRefused);
        return sheet;
    }

    private static KpiSheet OpenSheet()
    {
        var plan = SubmittedPlan(Almaty);
        plan.Approve(As(Superior), D("2022-01-17"));
        return KpiSheet.Open(plan, Superior, Almaty).Value!;
    }

    [Fact]
    public void Fill_MeasuredKpiShortOfThePlan_IsNotAchievedWhateverTheTick()
    {
        var sheet = OpenSheet();

        // Planned 100: 99 is short of the plan, so the tick does not make it achieved (clause 18).
        sheet.Fill(As(Supervisor), Almaty, [(1, "99", true, null), (2, "100", true, null), (3, "120 %", false, null), (4, "ақпарат жоқ", true, null), (5, "100,0", true, null)]);

        Assert.Equal([false, true, true, true, true], sheet.Rows.Select(r => r.Achieved).ToArray());
        Assert.Equal([false, true, true, null, true], sheet.Rows.Select(r => r.Computed).ToArray());
    }

    [Fact]
    public void Fill_MarkAgainstTheEngineWithAReason_KeepsTheMarkAndTheReason()
    {
        var sheet = OpenSheet();

        sheet.Fill(As(Supervisor), Almaty, [(1, "99", true, "Жоспар министрліктің шешімімен 99-ға түзетілді"), (2, "100", true, null), (3, "100", true, null), (4, "100", true, null), (5, "100", true, null)]);

        Assert.True(sheet.Rows[0].Achieved);
        Assert.Equal("Жоспар министрліктің шешімімен 99-ға түзетілді", sheet.Rows[0].Exception);
        Assert.Null(sheet.Rows[1].Exception);
    }

    [Fact]
    public void Sign_ByAnyoneButTheDirectSupervisor_IsRefused()
    {
        var plan = SubmittedPlan(Almaty);
        plan.Approve(As(Superior), D("2022-01-17"));
        var sheet = KpiSheet.Open(plan, Superior, Almaty).Value!;
        sheet.Fill(As(Supervisor), Almaty, Enumerable.Range(1, 5).Select(n => (n, (string?)"факт", true, (string?)null)).ToList());

        Assert.Equal("not-allowed", sheet.Sign(As(Superior), Almaty, D("2022-12-05")).Refusal?.Code);
        Assert.Equal("not-allowed", sheet.Sign(As(Servant), Almaty, D("2022-12-05")).Refusal?.Code);
        Assert.Equal(KpiSheetState.Draft, sheet.State);
    }

    [Theory]
    [InlineData("almaty-akimat", "18")]
    [InlineData("mdai", "17")]
    [InlineData("sjc-apparatus", "18")]
    public void Sign_WithFourOfFiveAchieved_TakesTheGradeFromTheEngine(string pack, string clause)
    {
        var version = Version(pack, "2022-01-10");
        var sheet = SignedSheet(version, 4);

        var expected = KpiAnnualGradeDecision.Decide(version, [true, true, true, true, false]);

        Assert.Equal((expected.Answer!.Grade, 4, clause), (sheet.Grade, sheet.Achieved, sheet.GradeClause));
    }

    [Fact]
    public void Sheet_AgreedThenSentLate_IsFlaggedAgainstTheTwoWorkingDayDeadline()
    {
        var sheet = SignedSheet(Almaty, 5);
        Assert.Equal("not-allowed", sheet.Agree(As(Supervisor), D("2022-12-06"), DeadlineDecision.Decide(Almaty, "sheet-to-commission", D("2022-12-06"), Kz)).Refusal?.Code);
        sheet.Agree(As(Superior), D("2022-12-06"), DeadlineDecision.Decide(Almaty, "sheet-to-commission", D("2022-12-06"), Kz));

        Assert.Equal("not-allowed", sheet.SendToCommission(As(Supervisor), D("2022-12-07")).Refusal?.Code);
        Assert.False(sheet.SendToCommission(As(Guid.NewGuid(), Actor.Hr), sheet.CommissionDue!.Value.AddDays(1)).IsRefused);
        Assert.Equal("24", sheet.CommissionDueClause);
        Assert.True(sheet.SentLate);
    }

    private static readonly Guid Chair = Guid.NewGuid();
    private static readonly Guid[] Members = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
    private static readonly Guid Secretary = Guid.NewGuid();

    private static CommissionSitting Sitting(PackVersion version, int members = 5)
    {
        var seats = new List<CommissionSeat> { new(Chair, CommissionRole.Chair), new(Secretary, CommissionRole.Secretary) };
        seats.AddRange(Members.Take(members - 1).Select(m => new CommissionSeat(m, CommissionRole.Member)));
        var sitting = CommissionSitting.Compose(As(Guid.NewGuid(), Actor.AuthorizedPerson), version, seats);
        Assert.False(sitting.IsRefused, sitting.Refusal?.ToString());
        return sitting.Value!;
    }

    [Fact]
    public void Compose_WithFourVotingMembers_IsRefusedUnderAlmatyClause5()
    {
        var seats = new List<CommissionSeat> { new(Chair, CommissionRole.Chair), new(Secretary, CommissionRole.Secretary) };
        seats.AddRange(Members.Take(3).Select(m => new CommissionSeat(m, CommissionRole.Member)));

        Assert.Equal("commission-too-small", CommissionSitting.Compose(As(Guid.NewGuid(), Actor.AuthorizedPerson), Almaty, seats).Refusal?.Code);
        Assert.Equal("not-allowed", CommissionSitting.Compose(As(Guid.NewGuid(), Actor.Hr), Almaty, seats).Refusal?.Code);
    }

    [Fact]
    public void Decide_WithoutQuorum_IsRefusedWithTheQuorumClause()
    {
        var sitting = Sitting(Almaty, 6);
        sitting.MarkPresent(As(Secretary), [Chair, Members[0], Members[1], Secretary]);

        var outcome = sitting.Decide(Almaty, Servant);

        Assert.Equal("no-quorum", outcome.Refusal?.Code);
        Assert.Contains("clause 30", outcome.Refusal!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Vote_FromTheSecretary_IsRefused()
    {
        var sitting = Sitting(Almaty);
        sitting.MarkPresent(As(Secretary), [Chair, .. Members.Take(4), Secretary]);

        Assert.Equal("secretary-does-not-vote", sitting.Vote(As(Secretary), Almaty, Servant, CommissionVote.Approve).Refusal?.Code);
    }

    [Fact]
    public void Decide_OnATie_FollowsTheChairRevising()
    {
        var sitting = Sitting(Almaty, 6);
        sitting.MarkPresent(As(Secretary), [Chair, .. Members.Take(5), Secretary]);
        sitting.Vote(As(Chair), Almaty, Servant, CommissionVote.Revise);
        sitting.Vote(As(Members[0]), Almaty, Servant, CommissionVote.Revise);
        sitting.Vote(As(Members[1]), Almaty, Servant, CommissionVote.Revise);
        sitting.Vote(As(Members[2]), Almaty, Servant, CommissionVote.Approve);
        sitting.Vote(As(Members[3]), Almaty, Servant, CommissionVote.Approve);
        sitting.Vote(As(Members[4]), Almaty, Servant, CommissionVote.Approve);

        var decided = sitting.Decide(Almaty, Servant);

        Assert.Equal(("revise", 3, 3, "33"), (decided.Value!.Decision, decided.Value.Approve, decided.Value.Revise, decided.Value.Clause));
    }

    [Theory]
    [InlineData("almaty-akimat", "43")]
    [InlineData("mdai", "42")]
    public void Appeal_AfterTenWorkingDays_IsRefusedWithTheClause(string pack, string clause)
    {
        var version = Version(pack, "2022-01-10");
        var due = DeadlineDecision.Decide(version, "appeal", D("2022-12-23"), Kz);

        Assert.Null(AppealDeadlineRule.Check(due, due.Answer!.Due));
        var late = AppealDeadlineRule.Check(due, due.Answer.Due.AddDays(1));

        Assert.Equal("appeal-late", late?.Code);
        Assert.Contains($"clause {clause}", late!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_OpenAfterItsDueDay_IsOverdue_AndTheBeforeReminderStartsTwoWorkingDaysAhead()
    {
        var due = D("2022-01-17");
        var task = EvaluationTask.Create(Body, "plan-draft", TaskAssignee.Servant(Supervisor), new TaskSubject("work-plan", Guid.NewGuid()), null, null, "plan-set", due, new Provenance("almaty-akimat", "v1", "9")).Value!;

        Assert.Equal("open", task.StatusOn(due));
        Assert.Equal("overdue", task.StatusOn(due.AddDays(1)));
        Assert.Null(ReminderRule.ReminderOn(task, Kz.AddWorkingDays(due, -3), Kz, 2));
        Assert.Equal("before", ReminderRule.ReminderOn(task, Kz.AddWorkingDays(due, -2), Kz, 2));
        Assert.Equal("overdue", ReminderRule.ReminderOn(task, due.AddDays(1), Kz, 2));
        task.Complete(due.AddDays(3));
        Assert.Equal("done", task.StatusOn(due.AddDays(5)));
        Assert.True(task.CompletedLate);
    }

    [Fact]
    public void RefusalAct_SignedTwiceByTheSamePerson_IsRefused()
    {
        var act = new RefusalAct(D("2022-12-23"), new Signatory("А", "HR"), new Signatory("Б", "маман"), new Signatory("а", "маман"), null);

        Assert.Equal("refusal-act-same-signatory", RefusalActRule.Check(act, D("2022-12-22"), D("2022-12-23"))?.Code);
    }
}
