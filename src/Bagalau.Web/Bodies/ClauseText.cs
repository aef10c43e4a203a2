using System.Globalization;

namespace Bagalau.Web.Bodies;

/// <summary>
/// A clause id of a pack as people cite it in the reader's language: "12" is "12-тармақ" / "п. 12" /
/// "clause 12", "appendix-2" is "2-қосымша" / "приложение 2" / "appendix 2", "order-4" is the
/// approving order's item. So no pack id such as "appendix-2" reaches a Kazakh or Russian page.
/// </summary>
public static class ClauseText
{
    public static string Cite(string? clause) => Cite(clause, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    public static string Cite(string? clause, string language) => Bagalau.Domain.Packs.ClauseCitation.Cite(clause, language);
}
