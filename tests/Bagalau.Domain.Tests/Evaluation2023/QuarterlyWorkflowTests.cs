using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Evaluation2023;

public class QuarterlyWorkflowTests
{
    private static readonly Guid Body = Guid.NewGuid();
    private static readonly Guid Servant = Guid.NewGuid();
    private static readonly Guid Evaluator = Guid.NewGuid();
    private static readonly Actor Hr = Actor.WithRoles("hr", Guid.NewGuid(), Actor.Hr);
    private static readonly Actor Authorized = Actor.WithRoles("authorized", Guid.NewGuid(), Actor.AuthorizedPerson);
    private static readonly Actor TheEvaluator = new("evaluator", Evaluator);
    private static readonly Actor TheServant = new("servant", Servant);

    private static readonly Dictionary<string, decimal> AllFours = new()
    {
        ["quality"] = 4, ["timeliness"] = 4, ["initiative"] = 4, ["discipline"] = 4, ["no-sanctions"] = 4,
    };

    private static QuarterRound NhrcRound(string evaluationDate = "2026-07-15")
    {
        var outcome = QuarterRound.Schedule(Body, Catalogue.Find("nhrc")!, Period.OfQuarter(2026, 2), D(evaluationDate), Kz, Hr);
        Assert.False(outcome.IsRefused, outcome.Refusal?.ToString());
        return outcome.Value!;
    }

    private static RatingSheet OpenSheet(QuarterRound round, string form = "non-leader")
    {
        var version = round.VersionIn(Catalogue.Find(round.PackId)!);
        var eligibility = EligibilityDecision.Decide(version, new EligibilityInput(round.Period, D("2020-01-01"), null, [], null, round.EvaluationDate), Kz);
        var sheet = RatingSheet.Create(round, Servant, eligibility, Outcome<SheetAssignment>.Ok(new SheetAssignment(form, Evaluator, "16")));
        return sheet.Value!;
    }

    [Fact]
    public void Schedule_Nhrc_TakesTheDeadlineFromTheEngine_20thOfNextMonth()
    {
        var round = NhrcRound();

        Assert.Equal(D("2026-07-20"), round.Due);
        Assert.Equal("4", round.DueClause);
        Assert.Equal(RoundState.Scheduled, round.State);
    }

    [Fact]
    public void Schedule_Oskemen_IsDueOnThe10thAndNotifiesByThe5th()
    {
        var round = QuarterRound.Schedule(Body, Catalogue.Find("oskemen-maslikhat")!, Period.OfQuarter(2024, 1), D("2024-04-05"), Kz, Hr).Value!;

        Assert.Equal(D("2024-04-10"), round.Due);
        Assert.Equal(D("2024-04-05"), round.NotifyBy);
    }

    [Fact]
    public void Schedule_ByANonHrUser_IsRefused()
    {
        var outcome = QuarterRound.Schedule(Body, Catalogue.Find("nhrc")!, Period.OfQuarter(2026, 2), D("2026-07-15"), Kz, TheServant);

        Assert.Equal("not-allowed", outcome.Refusal?.Code);
    }

    [Fact]
    public void Approve_OnlyByTheAuthorizedPerson_AndOnlyOnce()
    {
        var round = NhrcRound();

        Assert.Equal("not-allowed", round.Approve(Hr, D("2026-07-01"))?.Code);
        Assert.Null(round.Approve(Authorized, D("2026-07-01")));
        Assert.Equal("wrong-state", round.Approve(Authorized, D("2026-07-02"))?.Code);
    }

    [Theory]
    [InlineData("B-1", PositionQualifier.UnitHead, "leader", "direct")]
    [InlineData("C-O-1", PositionQualifier.None, "leader", "direct")]
    [InlineData("C-3", PositionQualifier.DivisionHead, "leader", "unit-head")]
    [InlineData("C-4", PositionQualifier.None, "non-leader", "unit-head")]
    public void Assign_Nhrc16_FormAndEvaluatorByPosition(string category, PositionQualifier qualifier, string form, string who)
    {
        var direct = Guid.NewGuid();
        var head = Guid.NewGuid();

        var assignment = SheetAssignmentRule.Assign(Version("nhrc", "2026-06-30"), new AssignmentInput(category, qualifier, direct, head)).Value!;

        Assert.Equal(form, assignment.FormId);
        Assert.Equal(who == "direct" ? direct : head, assignment.EvaluatorId);
        Assert.Equal("16", assignment.Clause);
    }

    [Fact]
    public void Schedule_EvaluationDayAfterTheQuarterDeadline_NeedsAConfirmationWithTheClause()
    {
        // nhrc 4: by the 20th of the month after the quarter (20.07.2026 for Q2).
        var refused = QuarterRound.Schedule(Body, Catalogue.Find("nhrc")!, Period.OfQuarter(2026, 2), D("2026-07-21"), Kz, Hr);
        var confirmed = QuarterRound.Schedule(Body, Catalogue.Find("nhrc")!, Period.OfQuarter(2026, 2), D("2026-07-21"), Kz, Hr, confirmedLate: true);

        Assert.Equal("evaluation-after-deadline", refused.Refusal!.Code);
        Assert.Contains("20.07.2026", refused.Refusal.Message.Kk, StringComparison.Ordinal);
        Assert.Contains("4-тармақ", refused.Refusal.Message.Kk, StringComparison.Ordinal);
        Assert.False(confirmed.IsRefused);
    }

    [Fact]
    public void Assign_Oskemen_OneFormByTheUnitHead()
    {
        var head = Guid.NewGuid();

        var assignment = SheetAssignmentRule.Assign(Version("oskemen-maslikhat", "2024-06-30"), new AssignmentInput("B-4", PositionQualifier.None, Guid.NewGuid(), head)).Value!;

        Assert.Equal("non-leader", assignment.FormId);
        Assert.Equal(head, assignment.EvaluatorId);
        Assert.Equal("3", assignment.Clause);
    }

    [Fact]
    public void Assign_OskemenUnitHead_ByTheDirectSupervisor()
    {
        var supervisor = Guid.NewGuid();

        var assignment = SheetAssignmentRule.Assign(Version("oskemen-maslikhat", "2024-06-30"), new AssignmentInput("B-1", PositionQualifier.UnitHead, supervisor, Guid.NewGuid())).Value!;

        Assert.Equal("non-leader", assignment.FormId);
        Assert.Equal(supervisor, assignment.EvaluatorId);
    }

    [Fact]
    public void Assign_WithoutAnySupervisor_LeavesTheEvaluatorToHr()
    {
        var outcome = SheetAssignmentRule.Assign(Version("nhrc", "2026-06-30"), new AssignmentInput("C-4", PositionQualifier.None, null, null));
        var round = NhrcRound();
        var version = round.VersionIn(Catalogue.Find("nhrc")!);
        var eligibility = EligibilityDecision.Decide(version, new EligibilityInput(round.Period, D("2020-01-01"), null, [], null, null), Kz);
        var sheet = RatingSheet.Create(round, Servant, eligibility, outcome).Value!;

        Assert.Null(outcome.Value!.EvaluatorId);
        Assert.Equal("not-allowed", sheet.Submit(version, round.Period, TheEvaluator, AllFours, new Dictionary<string, string?>(), [], D("2026-07-10"))?.Code);
        Assert.Equal("not-allowed", sheet.AssignEvaluator(TheServant, Evaluator)?.Code);
        Assert.Null(sheet.AssignEvaluator(Hr, Evaluator));
        Assert.Null(sheet.Submit(version, round.Period, TheEvaluator, AllFours, new Dictionary<string, string?>(), [], D("2026-07-10")));
    }

    [Fact]
    public void Submit_AllParametersScored_RecordsTheEnginesResultAndGrade()
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);

        var refusal = sheet.Submit(round.VersionIn(Catalogue.Find("nhrc")!), round.Period, TheEvaluator, AllFours, new Dictionary<string, string?> { ["quality"] = "жақсы" }, [], D("2026-07-10"));

        Assert.Null(refusal);
        Assert.Equal(SheetState.Submitted, sheet.State);
        Assert.Equal(4.00m, sheet.Score);
        Assert.Equal("effective", sheet.Grade);
        Assert.Equal("appendix-2", sheet.ResultClause);
        Assert.Equal("жақсы", sheet.Scores.Single(s => s.ParameterId == "quality").Comment);
    }

    [Fact]
    public void Submit_WithAReprimandInTheQuarter_IsCappedAndSaysWhy()
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);

        sheet.Submit(round.VersionIn(Catalogue.Find("nhrc")!), round.Period, TheEvaluator, AllFours, new Dictionary<string, string?>(), [new Domain.Decisions.Sanction("reprimand", D("2026-05-12"))], D("2026-07-10"));

        Assert.Equal(2.99m, sheet.Score);
        Assert.Equal("satisfactory", sheet.Grade);
        Assert.Equal("reprimand", sheet.CappedBy);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-1)]
    public void Submit_ScoreOutsideZeroToFive_IsRefusedAndChangesNothing(int bad)
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);
        var scores = new Dictionary<string, decimal>(AllFours) { ["quality"] = bad };

        var refusal = sheet.Submit(round.VersionIn(Catalogue.Find("nhrc")!), round.Period, TheEvaluator, scores, new Dictionary<string, string?>(), [], D("2026-07-10"));

        Assert.Equal("score-out-of-range", refusal?.Code);
        Assert.Equal(SheetState.Open, sheet.State);
        Assert.Empty(sheet.Scores);
    }

    [Fact]
    public void Submit_WithAMissingParameter_IsRefused()
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);
        var scores = new Dictionary<string, decimal>(AllFours);
        scores.Remove("initiative");

        var refusal = sheet.Submit(round.VersionIn(Catalogue.Find("nhrc")!), round.Period, TheEvaluator, scores, new Dictionary<string, string?>(), [], D("2026-07-10"));

        Assert.Equal("score-missing", refusal?.Code);
    }

    [Fact]
    public void Submit_Twice_IsRefused()
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);
        var version = round.VersionIn(Catalogue.Find("nhrc")!);
        sheet.Submit(version, round.Period, TheEvaluator, AllFours, new Dictionary<string, string?>(), [], D("2026-07-10"));

        var refusal = sheet.Submit(version, round.Period, TheEvaluator, AllFours, new Dictionary<string, string?>(), [], D("2026-07-11"));

        Assert.Equal("sheet-already-submitted", refusal?.Code);
        Assert.Equal(D("2026-07-10"), sheet.SubmittedOn);
    }

    [Fact]
    public void Submit_BySomeoneOtherThanTheEvaluator_IsRefused()
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);

        var refusal = sheet.Submit(round.VersionIn(Catalogue.Find("nhrc")!), round.Period, TheServant, AllFours, new Dictionary<string, string?>(), [], D("2026-07-10"));

        Assert.Equal("not-allowed", refusal?.Code);
    }

    [Fact]
    public void Delegate_WithTwentyEvaluatees_IsRefused_WithTwentyOne_TheDesignatedServantEvaluates()
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);
        var version = round.VersionIn(Catalogue.Find("nhrc")!);
        var designated = Guid.NewGuid();

        Assert.Equal("delegation-not-allowed", sheet.Delegate(version, TheEvaluator, designated, 20)?.Code);
        Assert.Null(sheet.Delegate(version, TheEvaluator, designated, 21));
        Assert.Equal(designated, sheet.CurrentEvaluatorId);
        Assert.Null(sheet.Submit(version, round.Period, new Actor("designated", designated), AllFours, new Dictionary<string, string?>(), [], D("2026-07-10")));
    }

    [Fact]
    public void Substitute_ForAnEvaluatorWhoIsNotAbsent_IsRefused()
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);
        var version = round.VersionIn(Catalogue.Find("nhrc")!);

        Assert.Equal("evaluator-not-absent", sheet.AssignSubstitute(version, Hr, Guid.NewGuid(), evaluatorAbsent: false)?.Code);
        Assert.Null(sheet.AssignSubstitute(version, Hr, Guid.NewGuid(), evaluatorAbsent: true));
    }

    [Fact]
    public void Feedback_NeedsAllThreeTopics()
    {
        var round = NhrcRound();
        var sheet = OpenSheet(round);
        sheet.Submit(round.VersionIn(Catalogue.Find("nhrc")!), round.Period, TheEvaluator, AllFours, new Dictionary<string, string?>(), [], D("2026-07-10"));

        Assert.Equal("required", sheet.RecordFeedback(TheEvaluator, "жетістіктер", "", "әлеует", D("2026-08-01"))?.Code);
        Assert.Null(sheet.RecordFeedback(TheEvaluator, "жетістіктер", "дағдылар", "әлеует", D("2026-08-01")));
        Assert.Equal(D("2026-08-01"), sheet.FeedbackOn);
    }
}
