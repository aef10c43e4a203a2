using System.Globalization;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Decisions;

/// <summary>An evaluated period: a calendar year ("2019") or a quarter ("2026-Q1").</summary>
public sealed record Period(PeriodKind Kind, int Year, int Quarter)
{
    public DateOnly Start => Kind == PeriodKind.Year ? new DateOnly(Year, 1, 1) : new DateOnly(Year, ((Quarter - 1) * 3) + 1, 1);

    public DateOnly End => Kind == PeriodKind.Year ? new DateOnly(Year, 12, 31) : Start.AddMonths(3).AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public static Period OfYear(int year) => new(PeriodKind.Year, year, 0);

    public static Period OfQuarter(int year, int quarter) => new(PeriodKind.Quarter, year, quarter);

    public static bool TryParse(string text, out Period period)
    {
        period = OfYear(1);
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1900)
        {
            period = OfYear(year);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && text[5] == 'Q'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1900
            && text[6] is >= '1' and <= '4')
        {
            period = OfQuarter(year, text[6] - '0');
            return true;
        }

        return false;
    }

    public override string ToString() =>
        Kind == PeriodKind.Year
            ? Year.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Quarter}");
}
