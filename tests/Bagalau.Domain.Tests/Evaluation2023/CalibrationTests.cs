using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Evaluation2023;

public class CalibrationTests
{
    private static readonly Guid Servant = Guid.NewGuid();
    private static readonly Guid Evaluator = Guid.NewGuid();
    private static readonly Guid HrMember = Guid.NewGuid();
    private static readonly Guid M2 = Guid.NewGuid();
    private static readonly Guid M3 = Guid.NewGuid();
    private static readonly Actor Hr = Actor.WithRoles("hr", HrMember, Actor.Hr);
    private static readonly Actor Authorized = Actor.WithRoles("authorized", Guid.NewGuid(), Actor.AuthorizedPerson);
    private static readonly Actor TheServant = new("servant", Servant);

    private static (RatingSheet Sheet, PackVersion Version) AcknowledgedSheet()
    {
        var pack = Catalogue.Find("nhrc")!;
        var round = QuarterRound.Schedule(Guid.NewGuid(), pack, Period.OfQuarter(2026, 2), D("2026-07-15"), Kz, Hr).Value!;
        var version = round.VersionIn(pack);
        var eligibility = EligibilityDecision.Decide(version, new EligibilityInput(round.Period, D("2020-01-01"), null, [], null, null), Kz);
        var sheet = RatingSheet.Create(round, Servant, eligibility, Outcome<SheetAssignment>.Ok(new SheetAssignment("non-leader", Evaluator, "16"))).Value!;
        var scores = new Dictionary<string, decimal> { ["quality"] = 3, ["timeliness"] = 3, ["initiative"] = 3, ["discipline"] = 4, ["no-sanctions"] = 4 };
        Assert.Null(sheet.Submit(version, round.Period, new Actor("ev", Evaluator), scores, new Dictionary<string, string?>(), [], D("2026-07-10")));
        Assert.Null(sheet.Acknowledge(TheServant, D("2026-07-13")));
        return (sheet, version);
    }

    [Fact]
    public void Apply_OnTheFifthWorkingDay_IsAccepted_OnTheSixth_IsRefusedWithTheClause()
    {
        var (sheet, version) = AcknowledgedSheet();

        // Acquainted Monday 13.07.2026: the fifth working day after is Monday 20.07.
        var late = CalibrationCase.Apply(version, Kz, sheet, TheServant, "келіспеймін", D("2026-07-21"));
        var inTime = CalibrationCase.Apply(version, Kz, sheet, TheServant, "келіспеймін", D("2026-07-20"));

        Assert.Equal("deadline-passed", late.Refusal?.Code);
        Assert.Contains("10", late.Refusal!.Message.En, StringComparison.Ordinal);
        Assert.False(inTime.IsRefused);
        Assert.Equal(D("2026-07-23"), inTime.Value!.DecisionDue);
    }

    [Fact]
    public void Convene_EvenPanel_IsRefused()
    {
        var (sheet, version) = AcknowledgedSheet();
        var calibration = CalibrationCase.Apply(version, Kz, sheet, TheServant, "келіспеймін", D("2026-07-14")).Value!;

        var refusal = calibration.Convene(version, Authorized, [HrMember, M2], [HrMember], D("2026-07-15"));

        Assert.Equal("calibration-composition-invalid", refusal?.Code);
        Assert.Contains("the number of members must be odd", refusal!.Message.En, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{3,}", refusal!.Message.Kk);
        Assert.DoesNotMatch("[A-Za-z]{3,}", refusal!.Message.Ru);
        Assert.Equal(CalibrationState.Applied, calibration.State);
    }

    [Fact]
    public void Convene_WithTheApplicantsEvaluator_IsRefused()
    {
        var (sheet, version) = AcknowledgedSheet();
        var calibration = CalibrationCase.Apply(version, Kz, sheet, TheServant, "келіспеймін", D("2026-07-14")).Value!;

        var refusal = calibration.Convene(version, Authorized, [HrMember, M2, Evaluator], [HrMember], D("2026-07-15"));

        Assert.Contains("the person who evaluated the applicant cannot be a member", refusal!.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Vote_MajorityForTheChange_RaisesTheScore_ThenTheSessionIsClosed()
    {
        var (sheet, version) = AcknowledgedSheet();
        var calibration = CalibrationCase.Apply(version, Kz, sheet, TheServant, "келіспеймін", D("2026-07-14")).Value!;
        Assert.Null(calibration.Convene(version, Authorized, [HrMember, M2, M3], [HrMember], D("2026-07-15")));

        var refusal = calibration.Decide(version, Kz, Hr, sheet, Session(4.2m, ("for", HrMember), ("for", M2), ("against", M3)), D("2026-07-20"));
        var again = calibration.Decide(version, Kz, Hr, sheet, Session(4.5m, ("for", HrMember), ("for", M2), ("for", M3)), D("2026-07-21"));

        Assert.Null(refusal);
        Assert.Equal("changed", calibration.Outcome);
        Assert.Equal(4.2m, sheet.FinalScore);
        Assert.Equal("effective", sheet.FinalGrade);
        Assert.Equal(3.4m, sheet.Score);
        Assert.Equal("calibration-session-closed", again?.Code);
        Assert.Equal(("up", D("2026-07-23"), "22"), (calibration.Direction, calibration.ProtocolDue, calibration.ProtocolClause));
        Assert.Equal(("against", "arg"), (calibration.Members.Single(m => m.ServantId == M3).Vote, calibration.Members.Single(m => m.ServantId == M3).Argument));
        Assert.Null(calibration.PostProtocol(version, Kz, Hr, D("2026-07-22")));
        Assert.Equal(D("2026-07-23"), calibration.ProtocolDue);
    }

    [Fact]
    public void Vote_WithAMemberMissingOrAnOutsiderVoting_IsRefused_AndNothingChanges()
    {
        var (sheet, version) = AcknowledgedSheet();
        var calibration = CalibrationCase.Apply(version, Kz, sheet, TheServant, "келіспеймін", D("2026-07-14")).Value!;
        Assert.Null(calibration.Convene(version, Authorized, [HrMember, M2, M3], [HrMember], D("2026-07-15")));

        var missing = calibration.Decide(version, Kz, Hr, sheet, Session(4.2m, ("for", HrMember), ("for", M2)), D("2026-07-20"));
        var outsider = calibration.Decide(version, Kz, Hr, sheet, Session(4.2m, ("for", HrMember), ("for", M2), ("for", M3), ("for", Evaluator)), D("2026-07-20"));
        var sameScore = calibration.Decide(version, Kz, Hr, sheet, Session(3.4m, ("for", HrMember), ("for", M2), ("for", M3)), D("2026-07-20"));

        Assert.Equal("calibration-ballot-missing", missing?.Code);
        Assert.Equal("calibration-ballot-not-member", outsider?.Code);
        Assert.Equal("calibration-no-correction", sameScore?.Code);
        Assert.Equal((CalibrationState.Convened, 3.4m), (calibration.State, sheet.FinalScore!.Value));
    }

    [Fact]
    public void Convene_WithAMemberWhoIsNeitherEvaluatorNorHr_IsRefusedUnderClause19()
    {
        var (sheet, version) = AcknowledgedSheet();
        var calibration = CalibrationCase.Apply(version, Kz, sheet, TheServant, "келіспеймін", D("2026-07-14")).Value!;

        var refusal = calibration.Convene(version, Authorized, [HrMember, M2, M3], [HrMember], D("2026-07-15"), [M2]);

        Assert.Equal("calibration-composition-invalid", refusal?.Code);
        Assert.Contains("members are evaluators and an HR employee", refusal!.Message.En, StringComparison.Ordinal);
        Assert.Contains("пункту 19", refusal.Message.Ru, StringComparison.Ordinal);
    }

    private static CalibrationSession Session(decimal proposed, params (string Vote, Guid Member)[] ballots) =>
        new("негіздеме", "written", "қарсылық", "дәлелдер", proposed, [.. ballots.Select(b => new MemberBallot(b.Member, b.Vote, "arg"))]);
}
