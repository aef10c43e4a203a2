using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>
/// What a saved draft of a rating sheet may hold: any subset of the form's parameters, each on
/// the pack's scale (nhrc Appendices 1-2: 0-5). Completeness is checked only on submission
/// (engine quarter-score), so an evaluator can stop half-way and come back.
/// </summary>
public static class DraftScoresRule
{
    public static Refusal? Check(PackVersion version, string formId, IReadOnlyDictionary<string, decimal> scores)
    {
        var rule = version.Rules.QuarterScore;
        var form = version.Rules.Form(formId);
        if (rule is null || form is null)
        {
            return Refusals.NotInPack("quarter-score", version.Pack.Id);
        }

        foreach (var (key, value) in scores)
        {
            if (!form.HasParameter(key))
            {
                return Refusal.Of(
                    "unknown-parameter",
                    $"«{form.Id}» парағында «{key}» параметрі жоқ",
                    $"В листе «{form.Id}» нет параметра «{key}»",
                    $"Form '{form.Id}' has no parameter '{key}'");
            }

            if (value < rule.ScaleMin || value > rule.ScaleMax)
            {
                return Refusals.ScoreOutOfRange(key, value, rule.ScaleMin, rule.ScaleMax);
            }
        }

        return null;
    }
}
