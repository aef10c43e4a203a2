using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Organisation;

/// <summary>
/// The name search every list and the servant picker share: the typed text is folded
/// (<see cref="NameFolding"/>) and matched as a part of the servant's stored folded name
/// (<see cref="Servant.SearchName"/>), so <c>Сеитов</c> finds <c>Сейітов</c>. On PostgreSQL the
/// trigram index serves it; on SQLite the body's (StateBodyId, SearchName) index is scanned.
/// </summary>
public static class NameSearch
{
    /// <summary>The folded text, or null when nothing is typed (no filter).</summary>
    public static string? Folded(string? text) => NameFolding.Fold(text) is { Length: > 0 } folded ? folded : null;

    /// <summary>The LIKE pattern ("%…%", escaped with \) of a folded text.</summary>
    public static string Pattern(string folded) => "%" + EscapeLike(folded) + "%";

    /// <summary>Servants whose folded name holds the text (all of them when nothing is typed).</summary>
    public static IQueryable<Servant> Matching(this IQueryable<Servant> servants, string? text) =>
        Folded(text) is { } folded
            ? servants.Where(s => EF.Functions.Like(s.SearchName, Pattern(folded), "\\"))
            : servants;

    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
