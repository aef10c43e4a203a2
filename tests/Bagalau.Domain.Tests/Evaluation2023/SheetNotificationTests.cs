using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Evaluation2023;

public class SheetNotificationTests
{
    private static readonly Guid Body = Guid.NewGuid();
    private static readonly Guid Servant = Guid.NewGuid();
    private static readonly Guid Evaluator = Guid.NewGuid();
    private static readonly Actor Hr = Actor.WithRoles("hr", Guid.NewGuid(), Actor.Hr);
    private static readonly Actor TheEvaluator = new("evaluator", Evaluator);
    private static readonly Actor TheServant = new("servant", Servant);
    private static readonly DateOnly Submitted = D("2026-07-10");

    private static readonly Dictionary<string, decimal> AllFours = new()
    {
        ["quality"] = 4, ["timeliness"] = 4, ["initiative"] = 4, ["discipline"] = 4, ["no-sanctions"] = 4,
    };

    /// <summary>An nhrc Q2 2026 sheet, submitted on 10 July; the servant dismissed on 20 June when <paramref name="dismissed"/>.</summary>
    private static RatingSheet SubmittedSheet(bool dismissed)
    {
        var round = QuarterRound.Schedule(Body, Catalogue.Find("nhrc")!, Period.OfQuarter(2026, 2), D("2026-07-15"), Kz, Hr).Value!;
        var version = round.VersionIn(Catalogue.Find("nhrc")!);
        var eligibility = EligibilityDecision.Decide(
            version, new EligibilityInput(round.Period, D("2020-01-01"), null, [], dismissed ? D("2026-06-20") : null, round.EvaluationDate), Kz);
        var sheet = RatingSheet.Create(round, Servant, eligibility, Outcome<SheetAssignment>.Ok(new SheetAssignment("non-leader", Evaluator, "16"))).Value!;
        Assert.Null(sheet.Submit(version, round.Period, TheEvaluator, AllFours, new Dictionary<string, string?>(), [], Submitted));
        return sheet;
    }

    [Fact]
    public void Notify_DismissedServant_ByHr_CountsAsAcquaintedOnThatDate()
    {
        var sheet = SubmittedSheet(dismissed: true);
        Assert.Equal(NotificationRule.WithoutParticipation, sheet.Participation);
        Assert.True(sheet.AwaitsAcquaintance);

        var refusal = sheet.RecordNotification(Hr, NotificationChannel.RegisteredLetter, D("2026-07-14"), D("2026-07-20"));

        Assert.Null(refusal);
        Assert.Equal(NotificationChannel.RegisteredLetter, sheet.NotificationChannel);
        Assert.Equal(D("2026-07-14"), sheet.NotifiedOn);
        Assert.Equal(D("2026-07-14"), sheet.AcquaintedOn);
        Assert.Equal("hr", sheet.NotifiedBy);
        Assert.False(sheet.AwaitsAcquaintance);
        Assert.Null(sheet.AcknowledgedOn);
    }

    [Fact]
    public void Notify_ServantEvaluatedWithParticipation_IsRefused_TheyAcknowledgeThemselves()
    {
        var sheet = SubmittedSheet(dismissed: false);

        var refusal = sheet.RecordNotification(Hr, NotificationChannel.Sms, D("2026-07-14"), D("2026-07-20"));

        Assert.Equal("servant-present", refusal?.Code);
        Assert.Null(sheet.NotifiedOn);
    }

    [Fact]
    public void Notify_ByANonHrUser_IsRefused()
    {
        var sheet = SubmittedSheet(dismissed: true);

        Assert.Equal("not-allowed", sheet.RecordNotification(TheEvaluator, NotificationChannel.Sms, D("2026-07-14"), D("2026-07-20"))?.Code);
        Assert.Equal("not-allowed", sheet.RecordNotification(TheServant, NotificationChannel.Sms, D("2026-07-14"), D("2026-07-20"))?.Code);
        Assert.Null(sheet.NotifiedOn);
    }

    [Theory]
    [InlineData("2026-07-21", "notification-in-future")]
    [InlineData("2026-07-09", "notification-before-result")]
    public void Notify_DateOutsideSubmissionToToday_IsRefused(string date, string code)
    {
        var sheet = SubmittedSheet(dismissed: true);

        Assert.Equal(code, sheet.RecordNotification(Hr, NotificationChannel.Email, D(date), D("2026-07-20"))?.Code);
        Assert.Null(sheet.NotifiedOn);
    }

    [Fact]
    public void Notify_OnTheSubmissionDayAndOnToday_IsAccepted()
    {
        Assert.Null(SubmittedSheet(dismissed: true).RecordNotification(Hr, NotificationChannel.Email, Submitted, D("2026-07-20")));
        Assert.Null(SubmittedSheet(dismissed: true).RecordNotification(Hr, NotificationChannel.Telegram, D("2026-07-20"), D("2026-07-20")));
    }

    [Fact]
    public void Notify_Twice_IsRefused_AndTheFirstStays()
    {
        var sheet = SubmittedSheet(dismissed: true);
        Assert.Null(sheet.RecordNotification(Hr, NotificationChannel.Sms, D("2026-07-14"), D("2026-07-20")));

        var again = sheet.RecordNotification(Hr, NotificationChannel.Email, D("2026-07-15"), D("2026-07-20"));

        Assert.Equal("wrong-state", again?.Code);
        Assert.Equal(NotificationChannel.Sms, sheet.NotificationChannel);
        Assert.Equal(D("2026-07-14"), sheet.NotifiedOn);
    }

    [Fact]
    public void Notify_BeforeTheSheetIsSubmitted_IsRefused()
    {
        var round = QuarterRound.Schedule(Body, Catalogue.Find("nhrc")!, Period.OfQuarter(2026, 2), D("2026-07-15"), Kz, Hr).Value!;
        var version = round.VersionIn(Catalogue.Find("nhrc")!);
        var eligibility = EligibilityDecision.Decide(version, new EligibilityInput(round.Period, D("2020-01-01"), null, [], D("2026-06-20"), round.EvaluationDate), Kz);
        var sheet = RatingSheet.Create(round, Servant, eligibility, Outcome<SheetAssignment>.Ok(new SheetAssignment("non-leader", Evaluator, "16"))).Value!;

        Assert.Equal("wrong-state", sheet.RecordNotification(Hr, NotificationChannel.Sms, D("2026-07-14"), D("2026-07-20"))?.Code);
    }

    [Fact]
    public void Notify_ByAnUnlistedMeans_IsRefused()
    {
        var sheet = SubmittedSheet(dismissed: true);

        Assert.Equal("unknown-channel", sheet.RecordNotification(Hr, NotificationChannel.Other, D("2026-07-14"), D("2026-07-20"))?.Code);
    }

    [Fact]
    public void Acknowledge_AfterHrNotified_IsRefused()
    {
        var sheet = SubmittedSheet(dismissed: true);
        Assert.Null(sheet.RecordNotification(Hr, NotificationChannel.Sms, D("2026-07-14"), D("2026-07-20")));

        Assert.Equal("wrong-state", sheet.Acknowledge(TheServant, D("2026-07-20"))?.Code);
    }

    [Fact]
    public void Notify_AfterTheServantAcknowledged_IsRefused()
    {
        var sheet = SubmittedSheet(dismissed: true);
        Assert.Null(sheet.Acknowledge(TheServant, D("2026-07-12")));

        Assert.Equal("wrong-state", sheet.RecordNotification(Hr, NotificationChannel.Sms, D("2026-07-14"), D("2026-07-20"))?.Code);
    }
}
