namespace Bagalau.Domain.Packs;

/// <summary>
/// A clause id of a pack as people cite it in the reader's language: "12" is "12-тармақ" / "п. 12" /
/// "clause 12", "appendix-2" is "2-қосымша" / "приложение 2" / "appendix 2", "order-4" is the
/// approving order's item. So no pack id such as "appendix-2" reaches a Kazakh or Russian reader
/// (pages, exports).
/// </summary>
public static class ClauseCitation
{
    public static string Cite(string? clause, string language)
    {
        if (string.IsNullOrEmpty(clause))
        {
            return string.Empty;
        }

        if (Rest(clause, "appendix-") is { } appendix)
        {
            return language switch
            {
                "ru" => $"приложение {appendix}",
                "en" => $"appendix {appendix}",
                _ => $"{appendix}-қосымша",
            };
        }

        if (Rest(clause, "order-") is { } item)
        {
            return language switch
            {
                "ru" => $"п. {item} приказа",
                "en" => $"item {item} of the order",
                _ => $"бұйрықтың {item}-тармағы",
            };
        }

        if (clause.StartsWith("law-416-V-", StringComparison.Ordinal))
        {
            var parts = clause["law-416-V-".Length..].Split('-');
            var (article, point) = (parts[0], parts.Length > 1 ? parts[1] : null);
            return language switch
            {
                "ru" => $"Закон о госслужбе, ст. {article}{(point is null ? "" : $" п. {point}")}",
                "en" => $"Civil Service Law, art. {article}{(point is null ? "" : $" p. {point}")}",
                _ => $"Мемлекеттік қызмет туралы заң, {article}-бап{(point is null ? "" : $" {point}-тармақ")}",
            };
        }

        return language switch
        {
            "ru" => $"п. {clause}",
            "en" => $"clause {clause}",
            _ => $"{clause}-тармақ",
        };
    }

    private static string? Rest(string clause, string prefix) =>
        clause.StartsWith(prefix, StringComparison.Ordinal) && clause.Length > prefix.Length ? clause[prefix.Length..] : null;
}
