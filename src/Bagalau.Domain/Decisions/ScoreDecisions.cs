using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Decisions;

/// <summary>A disciplinary sanction from the register: its kind id and the day it was applied.</summary>
public sealed record Sanction(string Kind, DateOnly Applied);

public sealed record QuarterScoreAnswer(decimal Average, decimal Score, string Grade, string? CappedBy) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields()
    {
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("average", Average),
            new("score", Score),
            new("grade", Grade),
        };
        if (CappedBy is not null)
        {
            fields.Add(new("capped-by", CappedBy));
        }

        return fields;
    }
}

/// <summary>
/// quarter-score: a 2023-family rating sheet. Average of the form's parameters (nhrc appendix note:
/// sum / number of parameters; oskemen 32 by interpretation), rounded, then capped by a sanction
/// applied within the quarter (nhrc parameter 5), then banded (clause 7).
/// </summary>
public static class QuarterScoreDecision
{
    public static Decided<QuarterScoreAnswer> Decide(
        PackVersion version, string formId, Period quarter, IReadOnlyDictionary<string, decimal> scores, IReadOnlyList<Sanction> sanctions)
    {
        var rules = version.Rules;
        var rule = rules.QuarterScore;
        if (rule is null || rules.GradeBands is null)
        {
            return Refusals.NotInPack("quarter-score", version.Pack.Id);
        }

        var form = rules.Form(formId);
        if (form is null || form.Parameters.Count == 0)
        {
            var forms = string.Join(", ", rules.Forms.Where(f => f.Parameters.Count > 0).Select(f => f.Id));
            return Refusal.Of(
                "unknown-form",
                $"«{formId}» бағалау парағы жоқ (бар: {forms})",
                $"Нет оценочного листа «{formId}» (есть: {forms})",
                $"Unknown form '{formId}' (forms: {forms})");
        }

        if (quarter.Kind != PeriodKind.Quarter)
        {
            return Refusals.InvalidInput(
                $"тоқсан 2026-Q1 түрінде жазылуы тиіс, берілгені: {quarter}",
                $"квартал указывается в виде 2026-Q1, получено: {quarter}",
                $"quarter must look like 2026-Q1, found {quarter}");
        }

        foreach (var key in scores.Keys)
        {
            if (!form.HasParameter(key))
            {
                return Refusal.Of(
                    "unknown-parameter",
                    $"«{form.Id}» парағында «{key}» параметрі жоқ",
                    $"В листе «{form.Id}» нет параметра «{key}»",
                    $"Form '{form.Id}' has no parameter '{key}'");
            }
        }

        if (scores.Count < form.Parameters.Count)
        {
            var missing = form.Parameters.Where(p => !scores.ContainsKey(p.Id)).Select(p => p.Id).ToList();
            return Refusal.Of(
                "score-missing",
                $"Бағасы қойылмаған параметрлер: {string.Join(", ", missing)}",
                $"Не выставлены оценки параметров: {string.Join(", ", missing)}",
                $"No score for: {string.Join(", ", missing)}");
        }

        foreach (var (key, value) in scores)
        {
            if (value < rule.ScaleMin || value > rule.ScaleMax)
            {
                return Refusals.ScoreOutOfRange(key, value, rule.ScaleMin, rule.ScaleMax);
            }
        }

        foreach (var s in sanctions)
        {
            if (!Vocabulary.SanctionKinds.ContainsKey(s.Kind))
            {
                return Refusals.InvalidInput(
                    $"«{s.Kind}» жаза түрі белгісіз (рұқсат етілгені: {string.Join(", ", Vocabulary.SanctionKinds.Keys)})",
                    $"неизвестный вид взыскания «{s.Kind}» (допустимые: {string.Join(", ", Vocabulary.SanctionKinds.Keys)})",
                    $"unknown sanction kind '{s.Kind}' ({string.Join(", ", Vocabulary.SanctionKinds.Keys)})");
            }
        }

        var caps = rules.SanctionCaps;
        var cap = caps is null ? null : StrictestCap(caps, quarter, sanctions);
        var sum = 0m;
        string? cappedBy = null;
        foreach (var value in scores.Values)
        {
            sum += value;
        }

        var average = rules.Rounding.Apply(sum / form.Parameters.Count);
        var score = average;
        if (cap is { } c && caps!.AppliesTo == CapTarget.Parameter && scores.TryGetValue(caps.Parameter, out var own) && own > c.Max)
        {
            // Only the sanctions parameter is limited; the answer's average stays the one before any cap.
            score = rules.Rounding.Apply((sum - own + c.Max) / form.Parameters.Count);
            cappedBy = c.Kind;
        }
        else if (cap is { } d && caps!.AppliesTo == CapTarget.Score && average > d.Max)
        {
            score = d.Max;
            cappedBy = d.Kind;
        }

        var band = rules.GradeBands.BandOf(score);
        if (band is null)
        {
            return Refusals.InvalidInput(
                $"{TreeValues.Format(score)} балл бірде-бір баға аралығына кірмейді",
                $"балл {TreeValues.Format(score)} не попадает ни в один диапазон оценок",
                $"score {TreeValues.Format(score)} falls in no grade band");
        }

        return Decided<QuarterScoreAnswer>.Ok(new QuarterScoreAnswer(average, score, band.Grade, cappedBy), Provenance.Of(version, form.Clause));
    }

    /// <summary>The lowest cap among sanctions applied within the quarter (first and last day inclusive); the first such sanction names it.</summary>
    private static (string Kind, decimal Max)? StrictestCap(SanctionCaps caps, Period quarter, IReadOnlyList<Sanction> sanctions)
    {
        (string Kind, decimal Max)? strictest = null;
        foreach (var s in sanctions)
        {
            if (quarter.Contains(s.Applied) && caps.CapFor(s.Kind) is { } cap && (strictest is null || cap.Max < strictest.Value.Max))
            {
                strictest = (s.Kind, cap.Max);
            }
        }

        return strictest;
    }
}

public sealed record AnnualScoreAnswer(decimal Score, string Grade, int QuartersCounted) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
    [
        new("score", Score),
        new("grade", Grade),
        new("quarters-counted", QuartersCounted),
    ];
}

/// <summary>annual-score: clause 4 (2023 family), the average of the year's quarterly scores; quarters not evaluated are skipped.</summary>
public static class AnnualScoreDecision
{
    public static Decided<AnnualScoreAnswer> Decide(PackVersion version, int year, IReadOnlyDictionary<int, decimal?> quarters)
    {
        var rules = version.Rules;
        if (rules.AnnualScore is null || rules.GradeBands is null)
        {
            return Refusals.NotInPack("annual-score", version.Pack.Id);
        }

        var min = rules.QuarterScore?.ScaleMin ?? rules.GradeBands.Min;
        var max = rules.QuarterScore?.ScaleMax ?? rules.GradeBands.Max;
        foreach (var (q, value) in quarters.OrderBy(q => q.Key))
        {
            if (q is < 1 or > 4)
            {
                return Refusals.InvalidInput(
                    $"{year} жылдың Q{q} тоқсаны болмайды (Q1–Q4)",
                    $"квартала Q{q} {year} года не существует (Q1–Q4)",
                    $"quarter Q{q} of {year}");
            }

            if (value is { } v && (v < min || v > max))
            {
                return Refusals.ScoreOutOfRange($"Q{q}", v, min, max);
            }
        }

        var counted = quarters.Values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (counted.Count == 0)
        {
            return Refusal.Of(
                "no-quarters",
                $"{year} жылы бірде-бір тоқсан бағаланбаған",
                $"В {year} году не оценён ни один квартал",
                $"No quarter of {year} was evaluated");
        }

        var score = rules.Rounding.Apply(counted.Sum() / counted.Count);
        var band = rules.GradeBands.BandOf(score)!;
        return Decided<AnnualScoreAnswer>.Ok(new AnnualScoreAnswer(score, band.Grade, counted.Count), Provenance.Of(version, rules.AnnualScore.Clause));
    }
}

/// <summary>One 360 questionnaire: who answered (self, supervisor, subordinate, peer) and the ratings given.</summary>
public sealed record SurveyResponse(string From, IReadOnlyDictionary<string, decimal> Ratings);

public sealed record Survey360Answer(int Respondents, string Status, IReadOnlyList<KeyValuePair<string, decimal>> Competencies, decimal? Overall, IReadOnlyList<string> Weakest) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields()
    {
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("respondents", Respondents),
            new("status", Status),
            new("competencies", Competencies.Select(c => new KeyValuePair<string, object?>(c.Key, c.Value)).ToList()),
        };
        if (Overall is not null)
        {
            fields.Add(new("overall", Overall));
            fields.Add(new("weakest", Weakest.Cast<object?>().ToList()));
        }

        return fields;
    }
}

/// <summary>survey-360: oskemen chapter 4 (clauses 33-36): 3-7 respondents, self-assessment excluded.</summary>
public static class Survey360Decision
{
    public static readonly IReadOnlySet<string> Sources = new HashSet<string>(StringComparer.Ordinal) { "self", "supervisor", "subordinate", "peer" };

    public static Decided<Survey360Answer> Decide(PackVersion version, string role, IReadOnlyList<SurveyResponse> responses)
    {
        var rules = version.Rules;
        var rule = rules.Survey360;
        if (rule is null)
        {
            return Refusals.NotInPack("survey-360", version.Pack.Id);
        }

        if (!rule.CompetenciesByRole.TryGetValue(role, out var competencies))
        {
            return Refusals.InvalidInput(
                $"«{role}» рөлі белгісіз (рұқсат етілгені: {string.Join(", ", rule.CompetenciesByRole.Keys)})",
                $"неизвестная роль «{role}» (допустимые: {string.Join(", ", rule.CompetenciesByRole.Keys)})",
                $"role '{role}' ({string.Join(", ", rule.CompetenciesByRole.Keys)})");
        }

        foreach (var r in responses.Where(r => !Sources.Contains(r.From)))
        {
            return Refusals.InvalidInput(
                $"«{r.From}» респондент түрі белгісіз: «self» (өзі), «supervisor» (басшы), «subordinate» (бағынысты қызметші) немесе «peer» (әріптес) болуы тиіс",
                $"неизвестный тип респондента «{r.From}»: допустимы «self» (сам), «supervisor» (руководитель), «subordinate» (подчинённый) или «peer» (коллега)",
                $"respondent '{r.From}' (self, supervisor, subordinate, peer)");
        }

        foreach (var r in responses)
        {
            foreach (var (competency, rating) in r.Ratings)
            {
                if (!competencies.Contains(competency))
                {
                    return Refusal.Of(
                        "unknown-competency",
                        $"«{role}» үшін «{competency}» құзыреті бағаланбайды",
                        $"Компетенция «{competency}» не оценивается для «{role}»",
                        $"Competency '{competency}' is not surveyed for role '{role}'");
                }

                if (rating < rule.ScaleMin || rating > rule.ScaleMax)
                {
                    return Refusal.Of(
                        "rating-out-of-range",
                        $"«{competency}» бағасы {TreeValues.Format(rating)} {TreeValues.Format(rule.ScaleMin)}–{TreeValues.Format(rule.ScaleMax)} шкаласынан тыс",
                        $"Оценка «{competency}» {TreeValues.Format(rating)} вне шкалы {TreeValues.Format(rule.ScaleMin)}–{TreeValues.Format(rule.ScaleMax)}",
                        $"Rating of '{competency}' {TreeValues.Format(rating)} is outside the {TreeValues.Format(rule.ScaleMin)}-{TreeValues.Format(rule.ScaleMax)} scale");
                }
            }
        }

        // Clause 35: the self-assessment is collected but never counted.
        var others = responses.Where(r => r.From != "self").ToList();
        if (others.Count > rule.MaxRespondents)
        {
            return Refusal.Of(
                "too-many-respondents",
                $"Сауалнамаға {others.Count} адам қатысқан, ең көбі {rule.MaxRespondents}",
                $"Опрошено {others.Count} человек, допускается не более {rule.MaxRespondents}",
                $"{others.Count} respondents; at most {rule.MaxRespondents} besides self");
        }

        var provenance = Provenance.Of(version, rule.Clause);
        if (others.Count < rule.MinRespondents)
        {
            // No result is shown below the minimum: it would identify the few who answered.
            return Decided<Survey360Answer>.Ok(new Survey360Answer(others.Count, "insufficient-respondents", [], null, []), provenance);
        }

        var averages = new List<KeyValuePair<string, decimal>>();
        foreach (var competency in competencies)
        {
            var ratings = others.Where(r => r.Ratings.ContainsKey(competency)).Select(r => r.Ratings[competency]).ToList();
            if (ratings.Count > 0)
            {
                averages.Add(new(competency, rules.Rounding.Apply(ratings.Sum() / ratings.Count)));
            }
        }

        decimal? overall = averages.Count == 0 ? null : rules.Rounding.Apply(averages.Sum(a => a.Value) / averages.Count);
        var lowest = averages.Count == 0 ? 0 : averages.Min(a => a.Value);
        var weakest = averages.Where(a => a.Value == lowest).Select(a => a.Key).ToList();
        return Decided<Survey360Answer>.Ok(new Survey360Answer(others.Count, "complete", averages, overall, weakest), provenance);
    }
}
