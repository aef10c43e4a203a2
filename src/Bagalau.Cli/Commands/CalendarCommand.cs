using System.Globalization;
using Bagalau.Application.Packs;
using Bagalau.Domain.Packs;

namespace Bagalau.Cli.Commands;

/// <summary>
/// `bagalau calendar show YEAR`: every day off of the year (holidays, moved days, decree transfers)
/// and the decree working days, with HR's additions. `bagalau calendar add FILE`: checks a calendar
/// file (same format as calendar/kz.yaml, e.g. next year's decree transfers) and copies it into the
/// additions folder (`--dir DIR`, else Bagalau:CalendarDirectory / BAGALAU_CALENDAR_DIR, else
/// ./data/calendar), which the web app and the CLI merge over the built-in calendar: no release needed.
/// </summary>
public sealed class CalendarCommand : ICliCommand
{
    private const string Usage = "usage: bagalau calendar show YEAR [--dir DIR]   (1992-2100)\n       bagalau calendar add FILE [--dir DIR]";

    public string Name => "calendar";

    public string Summary => "the working-day calendar: calendar show YEAR | calendar add FILE";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var rest = args.ToList();
        string? dir = null;
        var dirAt = rest.IndexOf("--dir");
        if (dirAt >= 0)
        {
            if (dirAt + 1 >= rest.Count)
            {
                await stderr.WriteLineAsync(Usage);
                return 2;
            }

            dir = rest[dirAt + 1];
            rest.RemoveRange(dirAt, 2);
        }

        dir = PackCatalog.CalendarDirectory(dir ?? Environment.GetEnvironmentVariable("BAGALAU_CALENDAR_DIR"), Directory.GetCurrentDirectory());
        return rest switch
        {
            ["show", var yearText] => await ShowAsync(yearText, dir, stdout, stderr),
            ["add", var file] => await AddAsync(file, dir, stdout, stderr),
            _ => await UsageAsync(stderr),
        };
    }

    private static async Task<int> UsageAsync(TextWriter stderr)
    {
        await stderr.WriteLineAsync(Usage);
        return 2;
    }

    private static async Task<int> AddAsync(string file, string dir, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"bagalau calendar add: cannot read '{file}': no such file");
            return 1;
        }

        if (!file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
        {
            await stderr.WriteLineAsync($"bagalau calendar add: '{file}' is not a .yaml calendar file");
            return 1;
        }

        var problems = PackCatalog.ValidateCalendarAddition(file, dir);
        if (problems.Count > 0)
        {
            await stderr.WriteLineAsync($"bagalau calendar add: '{file}' was not added:");
            foreach (var p in problems)
            {
                await stderr.WriteLineAsync("  " + p);
            }

            return 1;
        }

        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, Path.GetFileName(file));
        File.Copy(file, target, overwrite: true);
        await stdout.WriteLineAsync($"added {Path.GetFileName(file)} to {dir}; restart the web app to use it");
        return 0;
    }

    private static async Task<int> ShowAsync(string yearText, string dir, TextWriter stdout, TextWriter stderr)
    {
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1992 or > 2100)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        PackCatalog catalog;
        try
        {
            catalog = PackCatalog.LoadEmbedded(dir);
        }
        catch (PackLoadException e)
        {
            await stderr.WriteLineAsync("bagalau calendar: the calendar data do not load:");
            foreach (var p in e.Problems)
            {
                await stderr.WriteLineAsync("  " + p);
            }

            return 1;
        }

        var calendar = catalog.Catalogue.Calendar;
        var working = 0;
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
        {
            var d = calendar.Describe(day);
            if (d.Working)
            {
                working++;
            }

            if (d.Reason is not ("weekend" or "working day"))
            {
                var dayName = day.ToString("ddd", CultureInfo.InvariantCulture);
                await stdout.WriteLineAsync($"{TreeValues.Format(day)} {dayName}  {(d.Working ? "working" : "day off")}  {d.Reason}");
            }
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{year}: {working} working days"));
        return 0;
    }
}
