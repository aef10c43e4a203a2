using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Decisions;

public sealed record AnnualConsequenceAnswer(string Consequence, IReadOnlyList<int>? Years) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields()
    {
        var fields = new List<KeyValuePair<string, object?>> { new("consequence", Consequence) };
        if (Years is not null)
        {
            fields.Add(new("years", Years.Cast<object?>().ToList()));
        }

        return fields;
    }
}

/// <summary>
/// annual-consequence, Law on civil service (416-V) art. 33 p.6: two consecutive unsatisfactory
/// annual results lead to demotion where the servant qualifies and a lower vacancy exists,
/// otherwise to dismissal. The grade that counts as unsatisfactory is the pack's lowest
/// (2023 family: the lowest score band; 2018 family: the lowest KPI grade). Two results are
/// consecutive only when their years follow each other; a year not evaluated breaks the run.
/// When several pairs qualify, the latest is given: it is the one that acts now.
/// </summary>
public static class AnnualConsequenceDecision
{
    public const string Clause = "law-416-V-33-6";
    public const string DemotionOrDismissal = "demotion-or-dismissal";
    public const string None = "none";

    /// <param name="results">Year -> the year's final grade id (after appeal or calibration), or null when not evaluated.</param>
    public static Decided<AnnualConsequenceAnswer> Decide(PackVersion version, IReadOnlyDictionary<int, string?> results)
    {
        var grades = GradesOf(version.Rules);
        if (grades.Count == 0)
        {
            return Refusals.NotInPack("annual-consequence", version.Pack.Id);
        }

        foreach (var (year, grade) in results)
        {
            if (grade is not null && !grades.Contains(grade))
            {
                return Refusals.InvalidInput(
                    $"«results.{year}»: «{grade}» бағасы әдістемеде жоқ (бар бағалар: {string.Join(", ", grades)})",
                    $"«results.{year}»: оценки «{grade}» нет в методике (есть: {string.Join(", ", grades)})",
                    $"results.{year}: grade '{grade}' is not a grade of the pack ({string.Join(", ", grades)})");
            }
        }

        var lowest = grades[^1];
        var years = results.Keys.Order().ToList();
        for (var i = years.Count - 1; i > 0; i--)
        {
            var (earlier, later) = (years[i - 1], years[i]);
            if (later == earlier + 1 && results[earlier] == lowest && results[later] == lowest)
            {
                return Decided<AnnualConsequenceAnswer>.Ok(new AnnualConsequenceAnswer(DemotionOrDismissal, [earlier, later]), Provenance.Of(version, Clause));
            }
        }

        return Decided<AnnualConsequenceAnswer>.Ok(new AnnualConsequenceAnswer(None, null), Provenance.Of(version, Clause));
    }

    /// <summary>The pack's annual grades, best first, so the last is the unsatisfactory one.</summary>
    private static List<string> GradesOf(PackRules rules)
    {
        if (rules.GradeBands is { } bands)
        {
            return bands.Bands.OrderByDescending(b => b.From).Select(b => b.Grade).ToList();
        }

        if (rules.KpiAnnualGrade is { } kpi)
        {
            return kpi.Steps.OrderByDescending(s => s.AchievedAtLeast).Select(s => s.Grade).ToList();
        }

        return [];
    }
}
