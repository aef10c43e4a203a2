using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Decisions;

/// <summary>One KPI/KTI row of an individual work plan (Appendix 1). Null means the field was left empty.</summary>
public sealed record KpiEntry(string? Name, string? Unit, string? Planned, DateOnly? Due, string? Result, string? Source = null)
{
    public string? Field(string id) => id switch
    {
        "name" => Name,
        "unit" => Unit,
        "planned" => Planned,
        "due" => Due is { } d ? TreeValues.Format(d) : null,
        "result" => Result,
        "source" => Source,
        _ => null,
    };
}

public sealed record KpiPlanAnswer(bool Valid, IReadOnlyList<string> Errors) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
    [
        new("valid", Valid),
        new("errors", Errors.Cast<object?>().ToList()),
    ];
}

/// <summary>kpi-plan: is an individual work plan acceptable (2018: clauses 13-14; oskemen: 23-24)?</summary>
public static class KpiPlanDecision
{
    public static Decided<KpiPlanAnswer> Decide(PackVersion version, Period period, IReadOnlyList<KpiEntry> kpis)
    {
        var rule = version.Rules.KpiPlan;
        if (rule is null)
        {
            return Refusals.NotInPack("kpi-plan", version.Pack.Id);
        }

        if (!rule.Periods.Contains(period.Kind))
        {
            return Refusals.InvalidInput(
                $"{period} кезеңі — {KindKk(period.Kind)}; бұл әдістеме бойынша жоспар {string.Join(" немесе ", rule.Periods.Select(PerKk))} жасалады",
                $"период {period} — {KindRu(period.Kind)}; по этой методике план составляется {string.Join(" или ", rule.Periods.Select(PerRu))}",
                $"period {period} is a {period.Kind.ToString().ToLowerInvariant()}; this pack plans per {string.Join(" or ", rule.Periods.Select(p => p.ToString().ToLowerInvariant()))}");
        }

        var errors = new List<string>();
        if (!rule.CountAllowed(kpis.Count))
        {
            errors.Add("kpi-count");
        }

        if (kpis.Any(k => rule.RequiredFields.Any(f => string.IsNullOrWhiteSpace(k.Field(f)))))
        {
            errors.Add("kpi-field-missing");
        }

        // Time-bound (clause 13.4): each KPI's due date lies within the evaluated period.
        if (kpis.Any(k => k.Due is { } due && !period.Contains(due)))
        {
            errors.Add("kpi-due-outside-period");
        }

        return Decided<KpiPlanAnswer>.Ok(new KpiPlanAnswer(errors.Count == 0, errors), Provenance.Of(version, rule.Clause));
    }

    private static string KindKk(PeriodKind kind) => kind == PeriodKind.Year ? "жыл" : "тоқсан";

    private static string KindRu(PeriodKind kind) => kind == PeriodKind.Year ? "год" : "квартал";

    private static string PerKk(PeriodKind kind) => kind == PeriodKind.Year ? "жылға" : "тоқсанға";

    private static string PerRu(PeriodKind kind) => kind == PeriodKind.Year ? "на год" : "на квартал";
}

public sealed record KpiAnnualGradeAnswer(int Achieved, string Grade) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
    [
        new("achieved", Achieved),
        new("grade", Grade),
    ];
}

/// <summary>kpi-annual-grade: clause 18 (mdai 17), the year's grade from the achieved KPIs.</summary>
public static class KpiAnnualGradeDecision
{
    public static Decided<KpiAnnualGradeAnswer> Decide(PackVersion version, IReadOnlyList<bool> achieved)
    {
        var rule = version.Rules.KpiAnnualGrade;
        if (rule is null)
        {
            return Refusals.NotInPack("kpi-annual-grade", version.Pack.Id);
        }

        if (achieved.Count != rule.PlanSize)
        {
            return Refusal.Of(
                "kpi-count",
                $"Жоспарда {rule.PlanSize} НМИ болуы тиіс, берілгені {achieved.Count}",
                $"В плане должно быть {rule.PlanSize} ЦИ, передано {achieved.Count}",
                $"The plan has {rule.PlanSize} KPIs; {achieved.Count} given");
        }

        var count = achieved.Count(a => a);
        return Decided<KpiAnnualGradeAnswer>.Ok(new KpiAnnualGradeAnswer(count, rule.GradeOf(count)), Provenance.Of(version, rule.Clause));
    }
}

/// <summary>One indicator of a KPI: its planned and actual values and which way is better.</summary>
public sealed record KpiIndicator(decimal Planned, decimal Actual, bool LowerIsBetter = false)
{
    public bool Met => LowerIsBetter ? Actual <= Planned : Actual >= Planned;
}

public sealed record KpiAchievedAnswer(bool Achieved, IReadOnlyList<int> Unmet) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
        [new("achieved", Achieved), new("unmet", Unmet.Cast<object?>().ToList())];
}

/// <summary>
/// kpi-achieved: almaty 18 / mdai 17 (also sjc), "НМИ-дің орындалуы жеке жоспарда қарастырылған
/// барлық көрсеткіштердің толық орындалуын көздейді": a KPI is achieved only when every one of its
/// indicators is fully met.
/// </summary>
public static class KpiAchievedDecision
{
    public static Decided<KpiAchievedAnswer> Decide(PackVersion version, IReadOnlyList<KpiIndicator> indicators)
    {
        var rule = version.Rules.KpiAnnualGrade;
        if (rule is null)
        {
            return Refusals.NotInPack("kpi-achieved", version.Pack.Id);
        }

        if (indicators.Count == 0)
        {
            return Refusal.Of(
                RefusalKind.InvalidInput,
                "no-indicators",
                $"НМИ-дің бірде-бір көрсеткіші берілмеген: жоспарланған және нақты мәндерін көрсетіңіз ({rule.Clause}-тармақ)",
                $"Не передано ни одного показателя ЦИ: укажите плановые и фактические значения (пункт {rule.Clause})",
                $"No indicators given: give each indicator's planned and actual values (clause {rule.Clause})");
        }

        var unmet = indicators.Select((x, i) => (x, n: i + 1)).Where(p => !p.x.Met).Select(p => p.n).ToList();
        return Decided<KpiAchievedAnswer>.Ok(new KpiAchievedAnswer(unmet.Count == 0, unmet), Provenance.Of(version, rule.Clause));
    }
}

/// <summary>Why a KPI or KTI plan was refused, in words; the engine's error ids stay in its answer (kpi-plan).</summary>
public static class KpiPlanErrors
{
    private static readonly Dictionary<string, LocalizedText> Texts = new(StringComparer.Ordinal)
    {
        ["kpi-count"] = new("көрсеткіштер саны дұрыс емес", "неверное число показателей", "the number of indicators is wrong"),
        ["kpi-field-missing"] = new("көрсеткіштің бағандарының бірі толтырылмаған", "у показателя не заполнена графа", "a column of an indicator is empty"),
        ["kpi-due-outside-period"] = new("мерзімі бағаланатын кезеңнен тыс", "срок вне оцениваемого периода", "a due date lies outside the evaluated period"),
    };

    public static LocalizedText Describe(IEnumerable<string> errors)
    {
        var list = errors.ToList();
        string In(string language) => string.Join("; ", list.Select(e => Texts.TryGetValue(e, out var text) ? text.In(language) : $"«{e}»"));
        return new LocalizedText(In("kk"), In("ru"), In("en"));
    }
}
