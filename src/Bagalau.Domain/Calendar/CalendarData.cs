using System.Globalization;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Calendar;

/// <summary>A statutory holiday on a fixed day of the year, in force for the years from/to (inclusive).</summary>
public sealed record StatutoryHoliday(string Id, int Month, int Day, bool Religious, int FromYear, int? ToYear, LocalizedText Name)
{
    public bool AppliesIn(int year) => year >= FromYear && (ToYear is null || year <= ToYear);
}

/// <summary>A holiday whose date changes every year (Kurban Ait), listed year by year.</summary>
public sealed record MovableHoliday(string Id, bool Religious, IReadOnlyList<DateOnly> Dates, LocalizedText Name);

/// <summary>A Government decree moving a day off: <see cref="DayOff"/> becomes free, <see cref="Workday"/> is worked.</summary>
public sealed record DecreeTransfer(DateOnly DayOff, DateOnly? Workday, string Decree);

/// <summary>The calendar facts as data (calendar/kz.yaml plus whatever HR adds later).</summary>
public sealed record CalendarData(
    IReadOnlyList<StatutoryHoliday> Holidays,
    IReadOnlyList<MovableHoliday> Movable,
    IReadOnlyList<DecreeTransfer> Transfers)
{
    public static CalendarData Empty { get; } = new([], [], []);

    /// <summary>Adds another file's holidays, movable dates and decrees (e.g. next year's decree).</summary>
    public CalendarData Merge(CalendarData extra)
    {
        var movable = Movable.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var m in extra.Movable)
        {
            movable[m.Id] = movable.TryGetValue(m.Id, out var existing)
                ? existing with { Dates = existing.Dates.Union(m.Dates).Order().ToList() }
                : m;
        }

        return new CalendarData(
            Holidays.Concat(extra.Holidays).ToList(),
            movable.Values.ToList(),
            Transfers.Concat(extra.Transfers).ToList());
    }

    /// <summary>Reads a calendar file tree; every problem goes to <paramref name="problems"/>.</summary>
    public static CalendarData Read(Node root, Problems problems)
    {
        var map = MapReader.Of(root, problems, "a calendar file");
        if (map is null)
        {
            return Empty;
        }

        map.Skip("country", "source", "note", "weekend-transfer", "assumption");
        var holidays = map.Items("holidays", ReadHoliday, required: false);
        var movable = map.Items("movable", ReadMovable, required: false);
        var transfers = map.Items("transfers", ReadTransfer, required: false);
        map.Done();

        foreach (var dup in holidays.GroupBy(h => (h.Id, h.FromYear)).Where(g => g.Count() > 1))
        {
            problems.Add(map.File, "holidays", $"duplicate holiday id '{dup.Key.Id}' from {dup.Key.FromYear.ToString(CultureInfo.InvariantCulture)}");
        }

        return new CalendarData(holidays, movable, transfers);
    }

    private static StatutoryHoliday? ReadHoliday(MapReader m)
    {
        m.Skip("note", "assumption", "source");
        var id = m.String("id");
        var date = m.String("date");
        var religious = m.Bool("religious", required: false) ?? false;
        var from = m.Int("from");
        var to = m.Int("to", required: false);
        var name = LocalizedText.Read(m, "name");
        int month = 0, day = 0;
        if (date is not null)
        {
            var parts = date.Split('-');
            if (parts.Length != 2
                || !TreeValues.TryInt(parts[0], out month) || !TreeValues.TryInt(parts[1], out day)
                || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
            {
                m.Problems.Add(m.Map["date"]!, $"'date' must be MM-DD, found '{date}'");
                return null;
            }
        }

        if (from is not null && to is not null && to < from)
        {
            m.Problems.Add(m.Map, $"holiday '{id}': 'to' ({to}) is before 'from' ({from})");
        }

        return id is null || date is null || from is null || name is null
            ? null
            : new StatutoryHoliday(id, month, day, religious, from.Value, to, name);
    }

    private static MovableHoliday? ReadMovable(MapReader m)
    {
        m.Skip("note", "source");
        var id = m.String("id");
        var religious = m.Bool("religious", required: false) ?? false;
        var name = LocalizedText.Read(m, "name");
        var dates = m.Dates("dates");
        foreach (var year in dates.GroupBy(d => d.Year).Where(g => g.Count() > 1))
        {
            m.Problems.Add(m.Map, $"'{id}' lists {year.Count()} dates in {year.Key.ToString(CultureInfo.InvariantCulture)}");
        }

        return id is null || name is null ? null : new MovableHoliday(id, religious, dates, name);
    }

    private static DecreeTransfer? ReadTransfer(MapReader m)
    {
        m.Skip("note");
        var dayOff = m.Date("day-off");
        var workday = m.Date("workday", required: false);
        var decree = m.String("decree", required: false) ?? "";
        if (dayOff is { } off && off.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            m.Problems.Add(m.Map["day-off"]!, $"day-off {TreeValues.Format(off)} is already a weekend day");
        }

        return dayOff is null ? null : new DecreeTransfer(dayOff.Value, workday, decree);
    }
}
