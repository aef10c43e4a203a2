using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Decisions;

public sealed record CompetencyLevelAnswer(int Group, int Indicators, string Level, IReadOnlyList<int> Unobserved) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
    [
        new("group", Group),
        new("indicators", Indicators),
        new("level", Level),
        new("unobserved", Unobserved.Cast<object?>().ToList()),
    ];
}

/// <summary>competency-level: clauses 26-27 (mdai 25-26), the 3/4 rule over the position's Appendix 4 cell.</summary>
public static class CompetencyLevelDecision
{
    public static Decided<CompetencyLevelAnswer> Decide(
        PackVersion version, Position position, string competency, IReadOnlyList<int> observed, bool providesPublicServices = true)
    {
        var rule = version.Rules.CompetencyLevel;
        var competencies = version.Rules.Competencies;
        var table = version.Pack.Indicators;
        if (rule is null || competencies is null)
        {
            return Refusals.NotInPack("competency-level", version.Pack.Id);
        }

        if (table is null)
        {
            return Refusal.Of(
                "not-in-pack",
                $"«{version.Pack.Id}» әдістемесінде 4-қосымшаның мінез-құлық индикаторлары жоқ",
                $"В методике «{version.Pack.Id}» нет поведенческих индикаторов приложения 4",
                $"Pack '{version.Pack.Id}' has no Appendix 4 behavioural indicators (indicators.yaml)");
        }

        var comp = competencies.Find(competency);
        if (comp is null)
        {
            return Refusal.Of(
                "unknown-competency",
                $"«{competency}» құзыреті бұл әдістемеде жоқ",
                $"Компетенции «{competency}» нет в методике",
                $"Unknown competency '{competency}'");
        }

        if (table.GroupOf(position) is not { } group)
        {
            var label = position.Qualifier is null ? position.Category : $"{position.Category} ({position.Qualifier})";
            return Refusal.Of(
                "category-not-covered",
                $"{label} санаты 4-қосымшада жоқ: құзыреттерді бағалау мүмкін емес ({rule.NotCoveredClause}-тармақ)",
                $"Категория {label} не указана в приложении 4: оценка компетенций невозможна (пункт {rule.NotCoveredClause})",
                $"Category {label} is not covered by Appendix 4: no competency evaluation (clause {rule.NotCoveredClause})");
        }

        var cell = table.Cell(competency, group);
        if (cell is null)
        {
            return Refusals.NotInPack($"appendix-4 {competency} group {group}", version.Pack.Id);
        }

        var count = cell.Effective.Count;
        var outOfRange = observed.Where(n => n < 1 || n > count).ToList();
        if (outOfRange.Count > 0)
        {
            return Refusal.Of(
                "indicator-out-of-range",
                $"Индикатор нөмірі {string.Join(", ", outOfRange)} 1–{count} аралығынан тыс",
                $"Номер индикатора {string.Join(", ", outOfRange)} вне диапазона 1–{count}",
                $"Indicator number {string.Join(", ", outOfRange)} is outside 1-{count}");
        }

        // Appendix 3 (*): public-service competencies are not assessed for servants without public services.
        if (comp.PublicService && !providesPublicServices)
        {
            return Decided<CompetencyLevelAnswer>.Ok(
                new CompetencyLevelAnswer(group, count, "not-assessed", []),
                Provenance.Of(version, competencies.Clause));
        }

        var seen = observed.Distinct().ToHashSet();
        var unobserved = Enumerable.Range(1, count).Where(n => !seen.Contains(n)).ToList();
        var level = rule.Meets(seen.Count, count) ? "meets" : "does-not-meet";
        return Decided<CompetencyLevelAnswer>.Ok(new CompetencyLevelAnswer(group, count, level, unobserved), Provenance.Of(version, rule.Clause));
    }
}
