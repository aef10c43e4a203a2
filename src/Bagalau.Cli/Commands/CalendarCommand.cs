using System.Globalization;
using Bagalau.Application.Packs;
using Bagalau.Domain.Packs;

namespace Bagalau.Cli.Commands;

/// <summary>`bagalau calendar show YEAR`: every day off of the year (holidays, moved days, decree transfers) and the decree working days.</summary>
public sealed class CalendarCommand : ICliCommand
{
    public string Name => "calendar";

    public string Summary => "the working-day calendar: calendar show YEAR";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["show", var yearText] || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1992 or > 2100)
        {
            await stderr.WriteLineAsync("usage: bagalau calendar show YEAR   (1992-2100)");
            return 2;
        }

        PackCatalog catalog;
        try
        {
            catalog = PackCatalog.LoadEmbedded();
        }
        catch (PackLoadException e)
        {
            await stderr.WriteLineAsync("bagalau calendar: the built-in data do not load:");
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
