using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>
/// Which method evaluates a servant's quarter (oskemen 3: by the category of the position; 2.4:
/// the head of the apparatus, E-2, by KTIs, chapter 2; 2.5 and 28: every other servant by the
/// differentiation sheet). A servant evaluated by KTIs gets no rating sheet: the quarter's result
/// is the scored KTI plan's. Packs whose plan names no categories rate everyone on a sheet.
/// </summary>
public static class KtiMethodRule
{
    /// <summary>The clause that puts the category under the KTI plan; null when the servant gets a rating sheet.</summary>
    public static string? KtiClause(PackVersion version, string category)
    {
        var plan = version.Rules.KpiPlan;
        return plan is not null && plan.EvaluatedCategories.Contains(category.Trim(), StringComparer.Ordinal)
            ? plan.EvaluatedClause ?? plan.Clause
            : null;
    }

    public static bool EvaluatedByKti(PackVersion version, string category) => KtiClause(version, category) is not null;
}
