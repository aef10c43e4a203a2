using System.Globalization;
using Bagalau.Domain.Organisation;

namespace Bagalau.Application.Import;

/// <summary>Cell text to values: dates (YYYY-MM-DD, DD.MM.YYYY or a spreadsheet day number) and yes/no.</summary>
internal static class FieldParsers
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public static bool TryDate(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        // A date typed into a spreadsheet is stored as a day number (1900 date system).
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            date = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
            return true;
        }

        date = default;
        return false;
    }

    public static bool TryBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "" or "no" or "false" or "0" or "жоқ" or "нет":
                value = false;
                return true;
            case "yes" or "true" or "1" or "иә" or "да":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : string.Empty;

    public static string Bool(bool value) => value ? "yes" : "no";

    public static ValidationError DateError(string column, string text) => new("date-invalid", column, text);
}
