namespace Bagalau.Domain.Decisions;

/// <summary>
/// "N months in the position" (2018 clause 4: three months; 2023 clause 5: one month; oskemen 22:
/// three months left for KTIs), read one way everywhere. The Civil Code counts a period in months
/// from the day after the event that starts it (art. 191) and ends it on the same-numbered day of
/// its last month (art. 192): appointed on 1 October, three months elapse on 1 January. So a
/// servant has served N months on a day when start + N months is on or before that day, and
/// someone appointed on 1 October has not served three months by 31 December.
/// </summary>
public static class MonthsInPosition
{
    public static bool Served(DateOnly start, int months, DateOnly through) => start.AddMonths(months) <= through;
}
