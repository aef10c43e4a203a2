namespace Bagalau.Domain.Calendar;

/// <summary>Why a day is not worked (or, for a decree Saturday, why it is).</summary>
public sealed record CalendarDay(DateOnly Date, bool Working, string Reason);

/// <summary>
/// The Kazakhstan working-day calendar (kz-calendar.md): Monday-Friday, minus statutory holidays,
/// minus the next working day after a non-religious holiday falling on a weekend (Labour Code
/// art. 85), with the Government's decree transfers. Immutable and thread-safe: every day off is
/// computed once, when the calendar is built.
/// </summary>
public sealed class KzCalendar
{
    /// <summary>Years for which the rules are expanded into days; outside it only weekends are days off.</summary>
    public const int FirstYear = 1992;

    public const int LastYear = 2100;

    private readonly Dictionary<DateOnly, string> _daysOff = [];
    private readonly Dictionary<DateOnly, string> _workdays = [];

    private KzCalendar(CalendarData data)
    {
        Data = data;
        Build();
    }

    private KzCalendar(KzCalendar source, IEnumerable<DateOnly> extraHolidays, IEnumerable<DateOnly> extraWorkdays)
    {
        Data = source.Data;
        _daysOff = new Dictionary<DateOnly, string>(source._daysOff);
        _workdays = new Dictionary<DateOnly, string>(source._workdays);
        foreach (var day in extraHolidays)
        {
            _workdays.Remove(day);
            _daysOff[day] = "extra holiday";
        }

        foreach (var day in extraWorkdays)
        {
            _daysOff.Remove(day);
            _workdays[day] = "extra working day";
        }
    }

    public CalendarData Data { get; }

    public static KzCalendar From(CalendarData data) => new(data);

    /// <summary>A calendar with more data merged in (next year's decree, a new holiday).</summary>
    public KzCalendar Merge(CalendarData extra) => new(Data.Merge(extra));

    /// <summary>A calendar with single days overridden: extra days off and extra working days (these win).</summary>
    public KzCalendar With(IEnumerable<DateOnly> extraHolidays, IEnumerable<DateOnly> extraWorkdays) =>
        new(this, extraHolidays, extraWorkdays);

    public bool IsWorkingDay(DateOnly date) =>
        _workdays.ContainsKey(date)
        || (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.ContainsKey(date));

    public CalendarDay Describe(DateOnly date)
    {
        if (_workdays.TryGetValue(date, out var work))
        {
            return new CalendarDay(date, true, work);
        }

        if (_daysOff.TryGetValue(date, out var off))
        {
            return new CalendarDay(date, false, off);
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new CalendarDay(date, false, "weekend")
            : new CalendarDay(date, true, "working day");
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="from"/> (which is not counted);
    /// for a negative n, the n-th working day before it. n = 0 gives <paramref name="from"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int n)
    {
        var step = n >= 0 ? 1 : -1;
        var remaining = Math.Abs(n);
        var day = from;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>Working days in (from, to]; negative when <paramref name="to"/> is before <paramref name="from"/>.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    private void Build()
    {
        // Statutory and movable holidays for every year, with whether they move off a weekend.
        var holidays = new List<(DateOnly Date, bool Religious, string Name)>();
        for (var year = FirstYear; year <= LastYear; year++)
        {
            foreach (var h in Data.Holidays.Where(h => h.AppliesIn(year)))
            {
                if (h.Month == 2 && h.Day == 29 && !DateTime.IsLeapYear(year))
                {
                    continue;
                }

                holidays.Add((new DateOnly(year, h.Month, h.Day), h.Religious, h.Name.En));
            }
        }

        foreach (var m in Data.Movable)
        {
            holidays.AddRange(m.Dates.Select(d => (d, m.Religious, m.Name.En)));
        }

        foreach (var h in holidays)
        {
            _daysOff.TryAdd(h.Date, h.Name);
        }

        foreach (var t in Data.Transfers)
        {
            _daysOff.TryAdd(t.DayOff, "decree day off " + t.Decree);
            if (t.Workday is { } w)
            {
                _workdays[w] = "decree working day " + t.Decree;
            }
        }

        // Labour Code art. 85: a non-religious holiday on Saturday or Sunday moves to the next working day.
        foreach (var h in holidays.Where(h => !h.Religious && IsWeekend(h.Date)).OrderBy(h => h.Date))
        {
            var day = h.Date.AddDays(1);
            while (IsWeekend(day) || _daysOff.ContainsKey(day))
            {
                day = day.AddDays(1);
            }

            _daysOff[day] = "moved from " + h.Name;
        }
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
