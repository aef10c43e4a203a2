namespace Bagalau.Application.Time;

/// <summary>
/// "Today" as Kazakhstan counts it. Deadlines are working days of the Kazakhstan calendar, so a
/// date read in UTC would be yesterday for the first five hours of every Kazakhstan day.
/// </summary>
public static class KazakhstanClock
{
    /// <summary>Kazakhstan has been UTC+5 all year since 2024-03-01 (one time zone for the country).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Day(clock.GetUtcNow());
    }

    /// <summary>Kazakhstan's date at <paramref name="time"/> (e.g. a scheduled job's fire time).</summary>
    public static DateOnly Day(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(Offset).DateTime);
}
