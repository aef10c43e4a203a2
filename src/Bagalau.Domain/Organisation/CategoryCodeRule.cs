using System.Text.RegularExpressions;

namespace Bagalau.Domain.Organisation;

/// <summary>
/// The register of "B" corps position categories: a group letter (A..E), an optional <c>-O</c>
/// (positions of regional level), and the grade. Codes outside the register are rejected so a
/// typo never reaches eligibility or indicator-group decisions of a pack.
/// </summary>
public static partial class CategoryCodeRule
{
    // Highest grade per prefix, as in the category register; a prefix absent here does not exist.
    private static readonly Dictionary<string, int> MaxGrade = new(StringComparer.Ordinal)
    {
        ["A"] = 6,
        ["B"] = 6,
        ["C"] = 6,
        ["C-O"] = 6,
        ["D"] = 6,
        ["D-O"] = 6,
        ["E"] = 6,
        ["E-O"] = 6,
    };

    /// <summary>Every code of the register, e.g. for pick lists.</summary>
    public static IReadOnlyList<string> All { get; } = MaxGrade
        .SelectMany(p => Enumerable.Range(1, p.Value).Select(g => p.Key + "-" + g.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Null when <paramref name="code"/> is a category of the register, else <c>category-unknown</c>.</summary>
    public static ValidationError? Check(string? code, string field = "category")
    {
        var value = code?.Trim() ?? string.Empty;
        var match = Shape().Match(value);
        if (!match.Success
            || !MaxGrade.TryGetValue(match.Groups["prefix"].Value, out var max)
            || !int.TryParse(match.Groups["grade"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var grade)
            || grade < 1 || grade > max)
        {
            return new ValidationError("category-unknown", field, value);
        }

        return null;
    }

    public static bool IsValid(string? code) => Check(code) is null;

    [GeneratedRegex(@"^(?<prefix>[A-Z](-O)?)-(?<grade>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
