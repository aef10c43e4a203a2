using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Decisions;

public class ProcedureTests
{
    private static readonly PackVersion Almaty = Version("almaty-akimat", "2021-12-31");
    private static readonly PackVersion Nhrc = Version("nhrc", "2026-06-30");

    private static EligibilityInput Input(Period period, string appointed, Absence[]? absences = null, string? probation = null, string? dismissed = null, string? evaluation = null) =>
        new(period, D(appointed), probation is null ? null : D(probation), absences ?? [], dismissed is null ? null : D(dismissed), evaluation is null ? null : D(evaluation));

    [Theory]
    [InlineData("2021-09-30", "yes")] // +3 months = 30 December: evaluated
    [InlineData("2021-10-01", "no")]  // +3 months = 1 January: after the year
    public void Tenure_IsCountedToThePeriodsLastDay(string appointed, string evaluate) =>
        Assert.Equal(evaluate, EligibilityDecision.Decide(Almaty, Input(Period.OfYear(2021), appointed), Kz).Answer!.Evaluate);

    [Fact]
    public void Tenure_RestartsAfterSocialLeave()
    {
        var result = EligibilityDecision.Decide(Almaty, Input(Period.OfYear(2021), "2015-01-01", [new Absence("social-leave", D("2019-01-01"), D("2021-11-15"))]), Kz);
        Assert.Equal("tenure-under-3-months", result.Answer!.Reason);
        Assert.Equal("4", result.Provenance!.Clause);
    }

    [Fact]
    public void Probation_CoveringTheEvaluationDate_IsNotEvaluated() =>
        Assert.Equal("probation", EligibilityDecision.Decide(Almaty, Input(Period.OfYear(2021), "2020-01-01", probation: "2022-01-31"), Kz).Answer!.Reason);

    [Fact]
    public void SickOnTheEvaluationDate_IsEvaluatedFiveWorkingDaysAfterReturning()
    {
        // Sick to Saturday 20 March 2021; Nauryz 21-23 March (21st a Sunday, moved to the 24th): back Thursday 25 March.
        var result = EligibilityDecision.Decide(Almaty, Input(Period.OfYear(2020), "2015-01-01", [new Absence("sick", D("2021-03-10"), D("2021-03-20"))], evaluation: "2021-03-15"), Kz);
        Assert.Equal("after-return", result.Answer!.Evaluate);
        Assert.Equal(D("2021-04-01"), result.Answer.Due);
    }

    [Fact]
    public void NhrcLeaveLeavingFewerThan15WorkedDays_IsNotEvaluated() =>
        Assert.Equal("under-15-working-days", EligibilityDecision.Decide(Nhrc, Input(Period.OfQuarter(2026, 3), "2019-02-01", [new Absence("leave", D("2026-07-01"), D("2026-09-18"))]), Kz).Answer!.Reason);

    [Fact]
    public void NhrcDismissedInTheQuarter_IsEvaluatedWithoutParticipation()
    {
        var result = EligibilityDecision.Decide(Nhrc, Input(Period.OfQuarter(2026, 3), "2019-02-01", dismissed: "2026-09-10"), Kz);
        Assert.Equal("without-participation", result.Answer!.Evaluate);
        Assert.Equal("6", result.Provenance!.Clause);
    }

    [Fact]
    public void OskemenAbsentAtTheEvaluation_IsWithoutParticipationOnlyUntilTheSunset()
    {
        var absence = new[] { new Absence("leave", D("2023-09-25"), D("2023-10-20")) };
        var q3 = Input(Period.OfQuarter(2023, 3), "2020-01-01", absence);
        Assert.Equal("absent-evaluate-without-participation", EligibilityDecision.Decide(Version("oskemen-maslikhat", "2023-08-31"), q3, Kz).Answer!.Reason);
        Assert.Equal("eligible", EligibilityDecision.Decide(Version("oskemen-maslikhat", "2023-09-01"), q3, Kz).Answer!.Reason);
    }

    [Theory]
    [InlineData("nhrc", "quarter-evaluation", "2026-09-30", "2026-10-20", "4")]
    [InlineData("nhrc", "annual-final", "2026-12-31", "2027-01-30", "4")]
    [InlineData("nhrc", "calibration-session", "2026-10-20", "2026-11-04", "20")] // Republic Day 2026 on a Sunday moves to Monday
    [InlineData("oskemen-maslikhat", "survey-360", "2024-12-31", "2025-01-10", "4")]
    [InlineData("oskemen-maslikhat", "kti-notify", "2024-03-31", "2024-04-05", "26")]
    [InlineData("almaty-akimat", "schedule-notice", "2021-03-29", "2021-03-15", "29")] // back across Nauryz 2021 (21st a Sunday, moved to the 24th)
    [InlineData("almaty-akimat", "appeal", "2021-12-10", "2021-12-28", "43")] // over Independence Day 16-17 December 2021
    [InlineData("mdai", "appeal", "2021-12-10", "2021-12-28", "42")]
    public void Deadline_IsCountedAsItsClauseSays(string pack, string deadline, string from, string due, string clause)
    {
        var result = DeadlineDecision.Decide(Version(pack, from), deadline, D(from), Kz);
        Assert.Equal(D(due), result.Answer!.Due);
        Assert.Equal(clause, result.Provenance!.Clause);
    }

    [Fact]
    public void Deadline_NotInThePack_OrUnknown_IsRefused()
    {
        Assert.Equal("not-in-pack", DeadlineDecision.Decide(Nhrc, "appeal", D("2026-05-01"), Kz).Refusal!.Code);
        Assert.Equal("unknown-deadline", DeadlineDecision.Decide(Nhrc, "lunch", D("2026-05-01"), Kz).Refusal!.Code);
    }

    [Theory]
    [InlineData(6, 4, 2, 2, "approve", true, "approve")]  // exactly 2/3 present; tie decided by the chair
    [InlineData(6, 3, 3, 0, null, false, "none")]         // under 2/3: no quorum
    [InlineData(5, 4, 1, 3, "approve", true, "revise")]
    [InlineData(7, 5, 2, 1, null, true, "none")]          // abstentions: no majority of those present
    public void Commission_QuorumMajorityAndChairsCastingVote(int members, int present, int approve, int revise, string? chair, bool quorum, string decision)
    {
        var result = CommissionDecision.Decide(Almaty, members, present, approve, revise, chair).Answer!;
        Assert.Equal(quorum, result.Quorum);
        Assert.Equal(decision, result.Decision);
    }

    [Fact]
    public void Commission_TooSmallOrTooManyVotes_IsRefused()
    {
        Assert.Equal("commission-too-small", CommissionDecision.Decide(Almaty, 4, 4, 4, 0, null).Refusal!.Code);
        Assert.Equal("votes-exceed-present", CommissionDecision.Decide(Almaty, 5, 4, 3, 2, null).Refusal!.Code);
    }

    [Fact]
    public void CalibrationCheck_ListsEveryCompositionProblem()
    {
        var result = CalibrationCheckDecision.Decide(Nhrc, ["x", "y"], "x", "y", ["h"]).Answer!;
        Assert.False(result.Valid);
        Assert.Equal(["fewer-than-3", "even-count", "includes-applicant", "includes-evaluator", "no-hr-member"], result.Errors);
        Assert.True(CalibrationCheckDecision.Decide(Nhrc, ["a", "b", "h"], "x", "y", ["h"]).Answer!.Valid);
    }

    [Fact]
    public void CalibrationCheck_InOskemen_IsNotInPack() =>
        Assert.Equal("not-in-pack", CalibrationCheckDecision.Decide(Version("oskemen-maslikhat", "2024-01-01"), ["a", "b", "c"], "x", "y", ["a"]).Refusal!.Code);

    [Theory]
    [InlineData(3, 5, "changed", 3.5)]
    [InlineData(2, 4, "upheld", 2.8)]   // half of the members is not a majority
    public void CalibrationDecision_ChangesOnlyWithAMajorityOfMembers(int forChange, int members, string decision, double score)
    {
        var result = CalibrationVoteDecision.Decide(Nhrc, 2.8m, 3.5m, forChange, members - forChange, members);
        Assert.Equal(decision, result.Answer!.Decision);
        Assert.Equal((decimal)score, result.Answer.Score);
        Assert.Equal("22", result.Provenance!.Clause);
    }
}
