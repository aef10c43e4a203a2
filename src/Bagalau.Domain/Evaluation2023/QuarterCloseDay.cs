using Bagalau.Domain.Calendar;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>
/// The day from which a round is closed without anyone asking (the quarter-close job): the
/// quarter's sheets may be signed until the end of the round's evaluation deadline, so it is
/// closed the day after; and a year's last quarter no later than the pack's
/// <c>annual-final</c> date, when the act has one, since the annual score must exist by then.
/// </summary>
public static class QuarterCloseDay
{
    /// <param name="pack">The round's pack (the annual rule is the version in force at the year's end, as at the close).</param>
    public static DateOnly Of(QuarterRound round, Pack pack, KzCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(pack);

        // nhrc 4, oskemen 4: evaluated no later than the 20th / 10th of the next month (round.Due).
        var day = round.Due.AddDays(1);
        if (round.Quarter != 4)
        {
            return day;
        }

        // nhrc 4: the final annual score is computed no later than 30 January of the next year.
        var yearEnd = new DateOnly(round.Year, 12, 31);
        var annualVersion = pack.VersionOn(yearEnd) ?? round.VersionIn(pack);
        if (!annualVersion.Rules.Deadlines.ContainsKey("annual-final"))
        {
            return day;
        }

        var annualFinal = DeadlineDecision.Decide(annualVersion, "annual-final", yearEnd, calendar).Answer?.Due;
        return annualFinal is { } last && last < day && last > yearEnd ? last : day;
    }

    /// <summary>True when an approved round's close day has come (a scheduled or closed round is never due).</summary>
    public static bool IsDue(QuarterRound round, Pack pack, KzCalendar calendar, DateOnly today) =>
        round.State == RoundState.Approved && today >= Of(round, pack, calendar);
}
