using Bagalau.Domain.Calendar;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>
/// By when HR notifies a servant evaluated without participation. nhrc 9: dismissed persons
/// «есепті тоқсаннан кейінгі айдың ішінде» (deadline <c>notify-dismissed</c>, counted from the
/// quarter's last day). oskemen 11 sets no separate limit: its two working days of
/// acquaintance from the result (<c>acquaint</c>) apply. A later notification is still recorded
/// (the servant must be told) and flagged late, as the 2018 rule for late acquaintance.
/// </summary>
public static class NotificationDeadline
{
    public const string NotifyDismissed = "notify-dismissed";

    public static Decided<DeadlineAnswer> Decide(PackVersion version, Period quarter, DateOnly resultOn, KzCalendar calendar) =>
        version.Rules.Deadlines.ContainsKey(NotifyDismissed)
            ? DeadlineDecision.Decide(version, NotifyDismissed, quarter.End, calendar)
            : DeadlineDecision.Decide(version, "acquaint", resultOn, calendar);
}
