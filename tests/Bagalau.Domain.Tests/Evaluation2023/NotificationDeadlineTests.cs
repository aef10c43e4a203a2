using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using WorkflowActor = Bagalau.Domain.Workflow.Actor;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Evaluation2023;

/// <summary>
/// nhrc 9: dismissed persons are notified «есепті тоқсаннан кейінгі айдың ішінде»; oskemen 11
/// has no limit of its own (its two working days of acquaintance apply). Late is allowed, flagged.
/// </summary>
public class NotificationDeadlineTests
{
    private static readonly WorkflowActor Hr = new("hr", null, new HashSet<string>(StringComparer.Ordinal) { WorkflowActor.Hr });

    [Theory]
    [InlineData(2026, 1, "2026-04-30")]
    [InlineData(2026, 2, "2026-07-31")]
    [InlineData(2026, 4, "2027-01-31")]
    public void Nhrc_DismissedServants_AreNotifiedWithinTheMonthAfterTheQuarter_Clause9(int year, int quarter, string due)
    {
        var version = Catalogue.Find("nhrc")!.VersionOn(D("2026-06-01"))!;

        var decided = NotificationDeadline.Decide(version, Period.OfQuarter(year, quarter), D("2026-07-10"), Kz);

        Assert.Equal((D(due), "9"), (decided.Answer!.Due, decided.Provenance!.Clause));
    }

    [Fact]
    public void Oskemen_AbsentServants_AreNotifiedWithinTheTwoWorkingDaysOfClause11_FromTheResult()
    {
        var version = Catalogue.Find("oskemen-maslikhat")!.VersionOn(D("2023-08-15"))!;

        var decided = NotificationDeadline.Decide(version, Period.OfQuarter(2023, 2), D("2023-08-16"), Kz);

        Assert.Equal((D("2023-08-18"), "11"), (decided.Answer!.Due, decided.Provenance!.Clause));
    }

    [Theory]
    [InlineData("2026-07-31", false)]
    [InlineData("2026-08-03", true)]
    public void Notification_AfterTheMonthAfterTheQuarter_IsRecorded_ButFlaggedLate(string notifiedOn, bool late)
    {
        var version = Catalogue.Find("nhrc")!.VersionOn(D("2026-06-01"))!;
        var due = NotificationDeadline.Decide(version, Period.OfQuarter(2026, 2), D("2026-07-10"), Kz);
        var acquaintance = ResultAcquaintance.Open(Guid.NewGuid(), Guid.NewGuid(), "rating-sheet", Guid.NewGuid(), new("нәтиже", "результат", "result"), D("2026-07-10"), due).Value!;

        var outcome = acquaintance.RecordNotification(Hr, NotificationChannel.RegisteredLetter, D(notifiedOn), null, servantAbsentOrDismissed: true, D("2026-08-05"));

        Assert.False(outcome.IsRefused);
        Assert.Equal((AcquaintanceState.Notified, late), (acquaintance.State, acquaintance.Late));
        Assert.Equal(late, acquaintance.ServiceRecordEntry().Text.Kk.EndsWith("(мерзімінен кеш)", StringComparison.Ordinal));
        Assert.Contains("registered-letter", acquaintance.ServiceRecordEntry().Text.En, StringComparison.Ordinal);
    }
}
