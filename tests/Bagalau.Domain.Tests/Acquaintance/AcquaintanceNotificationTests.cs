using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Tests.Acquaintance;

public class AcquaintanceNotificationTests
{
    private static readonly Actor Hr = new("hr", null, new HashSet<string>(StringComparer.Ordinal) { Actor.Hr });

    private static readonly DateOnly ResultOn = new(2026, 7, 17);

    private static ResultAcquaintance Opened() => ResultAcquaintance.Open(
        Guid.NewGuid(), Guid.NewGuid(), "quarter-sheet", Guid.NewGuid(), new LocalizedText("жақсы", "хорошо", "good"), ResultOn,
        Decided<DeadlineAnswer>.Ok(new DeadlineAnswer(new DateOnly(2026, 7, 21)), new Provenance("oskemen-maslikhat", "2023-09", "11"))).Value!;

    [Fact]
    public void Notification_DatedBeforeTheResult_IsRefusedWithItsOwnCode_InEveryLanguage()
    {
        var acquaintance = Opened();

        var refusal = acquaintance.RecordNotification(Hr, NotificationChannel.Sms, ResultOn.AddDays(-1), null, servantAbsentOrDismissed: true, today: ResultOn).Refusal;

        Assert.Equal("notification-before-result", refusal?.Code);
        Assert.Contains("17.07.2026", refusal!.Message.Kk, StringComparison.Ordinal);
        Assert.Contains("раньше", refusal.Message.Ru, StringComparison.Ordinal);
        Assert.Equal(AcquaintanceState.Pending, acquaintance.State);
    }

    [Fact]
    public void Notification_DatedAfterToday_IsRefusedAsInTheFuture()
    {
        var acquaintance = Opened();

        var refusal = acquaintance.RecordNotification(Hr, NotificationChannel.Sms, ResultOn.AddDays(2), null, servantAbsentOrDismissed: true, today: ResultOn.AddDays(1)).Refusal;

        Assert.Equal("notification-in-future", refusal?.Code);
        Assert.Null(acquaintance.NotifiedOn);
    }

    [Fact]
    public void Notification_BeforeTheRecordOpened_ButAfterTheResultWasKnown_IsRecorded()
    {
        var acquaintance = Opened();

        var outcome = acquaintance.RecordNotification(Hr, NotificationChannel.RegisteredLetter, ResultOn.AddDays(-1), null, servantAbsentOrDismissed: true, today: ResultOn, resultKnownOn: ResultOn.AddDays(-2));

        Assert.False(outcome.IsRefused);
        Assert.Equal((AcquaintanceState.Notified, (DateOnly?)ResultOn.AddDays(-1)), (acquaintance.State, acquaintance.NotifiedOn));
    }
}
