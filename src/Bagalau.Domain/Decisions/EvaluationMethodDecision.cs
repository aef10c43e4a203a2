using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Decisions;

/// <summary>What the evaluation-method decision knows of a position.</summary>
/// <param name="Leadership">A leadership position as the pack defines it (nhrc 2.1).</param>
/// <param name="HeadsUnit">The position heads its own unit, so the unit's head cannot be its evaluator.</param>
public sealed record MethodPosition(string Category, bool Leadership, bool HeadsUnit = false);

public sealed record EvaluationMethodAnswer(string Method, string Form, string Evaluator) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
        [new("method", Method), new("form", Form), new("evaluator", Evaluator)];
}

/// <summary>
/// evaluation-method, 2023 family: which method and form a position gets and who evaluates it,
/// from the pack's ordered <c>evaluation-method</c> rules (nhrc 16, oskemen 3). The first rule
/// whose categories and leadership match decides. A position that heads its own unit is
/// evaluated by its direct supervisor where the rule names the unit's head: no one evaluates
/// himself (nhrc 16 names the heads of units, B-1 and C-O-1, for the direct supervisor for that reason).
/// </summary>
public static class EvaluationMethodDecision
{
    public const string RatingSheet = "rating-sheet";
    public const string Kti = "kti";
    public const string DirectSupervisor = "direct-supervisor";
    public const string UnitHead = "unit-head";

    public static Decided<EvaluationMethodAnswer> Decide(PackVersion version, MethodPosition position)
    {
        var rules = version.Rules.EvaluationMethod;
        if (rules is null)
        {
            return Refusals.NotInPack("evaluation-method", version.Pack.Id);
        }

        if (!CategoryCodeRule.IsValid(position.Category))
        {
            return Refusal.Of(
                "category-not-covered",
                $"«{position.Category}» санаты «Б» корпусы санаттарының тізілімінде жоқ: бағалау әдісін анықтау мүмкін емес",
                $"Категории «{position.Category}» нет в реестре категорий корпуса «Б»: метод оценки не определить",
                $"Category '{position.Category}' is not in the register of \"B\" corps categories: no evaluation method applies");
        }

        foreach (var rule in rules.Rules)
        {
            if (rule.Categories.Count > 0 && !rule.Categories.Contains(position.Category))
            {
                continue;
            }

            if (rule.Leadership is { } leadership && leadership != position.Leadership)
            {
                continue;
            }

            var evaluator = rule.Evaluator == UnitHead && position.HeadsUnit ? DirectSupervisor : rule.Evaluator;
            return Decided<EvaluationMethodAnswer>.Ok(new EvaluationMethodAnswer(rule.Method, rule.Form, evaluator), Provenance.Of(version, rule.Clause));
        }

        return Refusal.Of(
            "category-not-covered",
            $"«{position.Category}» санатына әдістемеде бағалау әдісі белгіленбеген ({rules.Clause}-тармақ)",
            $"Для категории «{position.Category}» методика не устанавливает метод оценки (пункт {rules.Clause})",
            $"The pack sets no evaluation method for category '{position.Category}' (clause {rules.Clause})");
    }
}
