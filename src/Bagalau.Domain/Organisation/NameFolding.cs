using System.Text;

namespace Bagalau.Domain.Organisation;

/// <summary>
/// The one form names are searched in, shared by every list and picker (servants, rounds'
/// sheets, 360 targets, commission cases, tasks): a name typed on a Russian keyboard finds the
/// Kazakh spelling and back (<c>Сеитов</c> finds <c>Сейітов</c>, <c>Каскырбаев</c> finds
/// <c>Қасқырбаев</c>).
/// <list type="bullet">
/// <item>upper case, invariant (Cyrillic and Latin alike);</item>
/// <item>the Kazakh letters fold to the Russian letter they are typed as: Ә→А, Ө→О, Ү→У, Ұ→У,
/// Қ→К, Ғ→Г, Ң→Н, Һ→Х, І→И; and Й→И, Ё→Е;</item>
/// <item>the soft and hard signs (Ь, Ъ) are dropped;</item>
/// <item>a run of И is one И (Kazakh «йі», «ій», Russian «ий» all read as one И);</item>
/// <item>runs of spaces are one space, ends trimmed.</item>
/// </list>
/// The stored <see cref="Servant.SearchName"/> is this form of the full name; the text searched
/// for is folded the same way, then matched as a part of it.
/// </summary>
public static class NameFolding
{
    /// <summary>Upper-case letter pairs (from, to) the folding replaces; "" drops the letter.</summary>
    public static IReadOnlyList<(string From, string To)> Letters { get; } =
    [
        ("Ә", "А"), ("Ө", "О"), ("Ү", "У"), ("Ұ", "У"), ("Қ", "К"), ("Ғ", "Г"), ("Ң", "Н"), ("Һ", "Х"),
        ("І", "И"), ("Й", "И"), ("Ё", "Е"), ("Ь", ""), ("Ъ", ""),
    ];

    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var upper = text.Trim().ToUpperInvariant();
        var folded = new StringBuilder(upper.Length);
        foreach (var ch in upper)
        {
            var c = ch switch
            {
                'Ә' => 'А',
                'Ө' => 'О',
                'Ү' or 'Ұ' => 'У',
                'Қ' => 'К',
                'Ғ' => 'Г',
                'Ң' => 'Н',
                'Һ' => 'Х',
                'І' or 'Й' => 'И',
                'Ё' => 'Е',
                'Ь' or 'Ъ' => '\0',
                _ when char.IsWhiteSpace(ch) => ' ',
                _ => ch,
            };
            if (c == '\0')
            {
                continue;
            }

            var last = folded.Length > 0 ? folded[^1] : '\0';
            if ((c == 'И' && last == 'И') || (c == ' ' && last == ' '))
            {
                continue;
            }

            folded.Append(c);
        }

        return folded.ToString();
    }
}
