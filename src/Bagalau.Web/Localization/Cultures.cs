using System.Globalization;

namespace Bagalau.Web.Localization;

/// <summary>The three UI languages. Kazakh is the default; formats follow kk-KZ, ru-RU, en-US.</summary>
public static class Cultures
{
    public const string Default = "kk";

    public const string CookieName = "bagalau.culture";

    /// <summary>Language id (stored on the user) to the culture used for dates and numbers.</summary>
    private static readonly Dictionary<string, string> Formatting = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kk"] = "kk-KZ",
        ["ru"] = "ru-RU",
        ["en"] = "en-US",
    };

    public static IReadOnlyList<string> Languages { get; } = ["kk", "ru", "en"];

    public static IReadOnlyList<CultureInfo> FormattingCultures { get; } =
        [.. Languages.Select(l => CultureInfo.GetCultureInfo(Formatting[l]))];

    public static IReadOnlyList<CultureInfo> UiCultures { get; } =
        [.. Languages.Select(CultureInfo.GetCultureInfo)];

    public static bool IsSupported(string? language) => language is not null && Formatting.ContainsKey(language);

    /// <summary>Maps kk, kk-KZ, ru-RU, en-GB... to one of the three language ids, or null.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var language = value.Split('-', '_')[0].Trim().ToLowerInvariant();
        return IsSupported(language) ? language : null;
    }

    public static CultureInfo FormattingCulture(string language) => CultureInfo.GetCultureInfo(Formatting[language]);
}
