using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Bagalau.Application.Jobs;

/// <summary>
/// Settings of the scheduled jobs and of this node: <c>Bagalau:NodeName</c> (default the machine
/// name), <c>Bagalau:Jobs:Enabled</c> (default true), <c>Bagalau:Jobs:Reminders:Cron</c> and
/// <c>Bagalau:Jobs:Retention:Cron</c>, <c>Bagalau:Jobs:QuarterClose:Cron</c> (Quartz cron, UTC), <c>Bagalau:Jobs:ClusterCheckinSeconds</c>
/// (how often a node tells the cluster it is alive, and how late it may be before another node
/// takes over its jobs) and <c>Bagalau:Jobs:TestDelaySeconds</c> (tests only: how long a job
/// holds its finished work uncommitted, and the quarter close pauses between bodies, so a test
/// can kill the node mid-job; 0 = off).
/// </summary>
public sealed record JobOptions(string NodeName, bool Enabled, string RemindersCron, string RetentionCron, string QuarterCloseCron, TimeSpan ClusterCheckin, TimeSpan TestDelay)
{
    public const string NodeNameKey = "Bagalau:NodeName";

    /// <summary>06:00 in Kazakhstan (UTC+5), before the working day.</summary>
    public const string DefaultRemindersCron = "0 0 1 * * ?";

    /// <summary>03:00 in Kazakhstan, when nobody works.</summary>
    public const string DefaultRetentionCron = "0 0 22 * * ?";

    /// <summary>02:00 in Kazakhstan: the day after an evaluation deadline has just begun, before the reminders.</summary>
    public const string DefaultQuarterCloseCron = "0 0 21 * * ?";

    public static JobOptions FromConfiguration(IConfiguration configuration)
    {
        var node = configuration[NodeNameKey];
        var enabledText = configuration["Bagalau:Jobs:Enabled"];
        var enabled = string.IsNullOrWhiteSpace(enabledText) || (bool.TryParse(enabledText, out var e)
            ? e : throw new InvalidOperationException($"Bagalau:Jobs:Enabled is '{enabledText}': use true or false."));
        return new JobOptions(
            string.IsNullOrWhiteSpace(node) ? Environment.MachineName : node.Trim(),
            enabled,
            Cron(configuration, "Bagalau:Jobs:Reminders:Cron", DefaultRemindersCron),
            Cron(configuration, "Bagalau:Jobs:Retention:Cron", DefaultRetentionCron),
            Cron(configuration, "Bagalau:Jobs:QuarterClose:Cron", DefaultQuarterCloseCron),
            TimeSpan.FromSeconds(Seconds(configuration, "Bagalau:Jobs:ClusterCheckinSeconds", 7.5, 1)),
            TimeSpan.FromSeconds(Seconds(configuration, "Bagalau:Jobs:TestDelaySeconds", 0, 0)));
    }

    private static string Cron(IConfiguration configuration, string key, string fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return Quartz.CronExpression.TryParse(text.Trim(), out _) ? text.Trim()
            : throw new InvalidOperationException($"{key} is '{text}': not a Quartz cron expression (seconds minutes hours day month weekday, e.g. {fallback}).");
    }

    private static double Seconds(IConfiguration configuration, string key, double fallback, double minimum)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= 3600 ? value
            : throw new InvalidOperationException($"{key} is '{text}': use a number of seconds from {minimum.ToString(CultureInfo.InvariantCulture)} to 3600.");
    }
}

/// <summary>
/// <c>Bagalau:Retention:ReadNotificationDays</c> (default 180): read in-app notifications older
/// than this are deleted; <c>Bagalau:Retention:ExpiredLinkDays</c> (default 30): a 360 link's
/// token hash is erased once the link is used, or this many days after it expired.
/// </summary>
public sealed record RetentionOptions(int ReadNotificationDays, int ExpiredLinkDays)
{
    public static RetentionOptions FromConfiguration(IConfiguration configuration) =>
        new(Days(configuration, "Bagalau:Retention:ReadNotificationDays", 180), Days(configuration, "Bagalau:Retention:ExpiredLinkDays", 30));

    private static int Days(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days >= 0 ? days
            : throw new InvalidOperationException($"{key} is '{text}': use a whole number of days, 0 or more.");
    }
}
