using System.Globalization;
using Bagalau.Domain.Packs;

namespace Bagalau.Application.Packs;

/// <summary>One rule as people read it: its name, a one-line summary, the clause and the clause's text.</summary>
public sealed record RuleLine(string Rule, string Summary, string? Clause, string? ClauseText);

/// <summary>
/// Describes a pack version's rules for people (`bagalau packs show`, the web app's read-only pack
/// page): every rule with the clause it comes from and, when the pack ships clauses.yaml, the
/// clause's verbatim text.
/// </summary>
public static class PackDescriber
{
    private static readonly Dictionary<string, LocalizedText> Names = new(StringComparer.Ordinal)
    {
        ["period"] = new("Бағаланатын кезең", "Оцениваемый период", "Evaluated period"),
        ["role"] = new("Рөл", "Роль", "Role"),
        ["working-body"] = new("жұмыс органы", "рабочий орган", "working body"),
        ["form"] = new("Нысан", "Форма", "Form"),
        ["parameter"] = new("Параметр", "Параметр", "Parameter"),
        ["kpi-plan"] = new("Жеке жұмыс жоспары: НМИ/ТНИ саны", "Индивидуальный план: число ЦИ/КЦИ", "Work plan: number of KPIs/KTIs"),
        ["kpi-plan-evaluates"] = new("Бағалау парағының орнына жоспар бойынша бағаланатын санаттар", "Категории, оцениваемые по плану вместо оценочного листа", "Categories evaluated by the plan instead of a rating sheet"),
        ["kpi-annual-grade"] = new("НМИ бойынша жылдық баға", "Годовая оценка по ЦИ", "Annual KPI grade"),
        ["competencies"] = new("Құзыреттер", "Компетенции", "Competencies"),
        ["competency-level"] = new("Құзырет деңгейі", "Уровень компетенции", "Competency level"),
        ["indicators"] = new("Мінез-құлық индикаторлары", "Поведенческие индикаторы", "Behavioural indicators"),
        ["grade-bands"] = new("Баға диапазондары", "Диапазоны оценок", "Grade bands"),
        ["quarter-score"] = new("Тоқсандық баға", "Квартальная оценка", "Quarterly score"),
        ["sanction-caps"] = new("Тәртіптік жазалар бойынша шек", "Ограничение при взысканиях", "Sanction caps"),
        ["annual-score"] = new("Қорытынды жылдық баға", "Итоговая годовая оценка", "Final annual score"),
        ["survey-360"] = new("360 әдісі", "Метод 360", "360 survey"),
        ["eligibility"] = new("Бағалауға жататындар", "Кто оценивается", "Who is evaluated"),
        ["commission"] = new("Бағалау жөніндегі комиссия", "Комиссия по оценке", "Evaluation Commission"),
        ["calibration"] = new("Калибрлеу сессиясы", "Калибровочная сессия", "Calibration session"),
        ["evaluation-method"] = new("Бағалау әдісі, нысаны және бағалаушы", "Метод, форма оценки и оценивающий", "Evaluation method, form and evaluator"),
        ["deadline"] = new("Мерзім", "Срок", "Deadline"),
        ["retention"] = new("Құжаттарды сақтау", "Хранение документов", "Retention"),
        ["confidentiality"] = new("Құпиялылық", "Конфиденциальность", "Confidentiality"),
    };

    private static readonly Dictionary<string, LocalizedText> Words = new(StringComparer.Ordinal)
    {
        ["years"] = new("жыл", "лет", "years"),
        ["wd-after"] = new("жұмыс күні ішінде", "рабочих дней после", "working days after"),
        ["wd-before"] = new("жұмыс күні бұрын", "рабочих дней до", "working days before"),
        ["day-next-month"] = new("келесі айдың күні", "число следующего месяца", "day of the next month"),
        ["date-next-year"] = new("келесі жылдың күні", "дата следующего года", "date of the next year"),
        ["year"] = new("жыл", "год", "year"),
        ["quarter"] = new("тоқсан", "квартал", "quarter"),
        ["visible-to"] = new("кімге белгілі", "кому доступно", "visible to"),
        ["cap-score"] = new("орташа бағаға", "к средней оценке", "to the average"),
        ["cap-parameter"] = new("параметрге", "к параметру", "to the parameter"),
        ["public-service"] = new("мемлекеттік қызмет көрсететіндерге ғана", "только для оказывающих госуслуги", "only for servants providing public services"),
        ["open-ended"] = new("мерзімсіз", "бессрочно", "open-ended"),
        ["members-min"] = new("мүшелер саны кемінде", "членов не менее", "members at least"),
        ["quorum"] = new("кворум", "кворум", "quorum"),
        ["majority-present"] = new("қатысқандардың көпшілік дауысы; тең болса - төрағаның дауысы", "большинство присутствующих; при равенстве - голос председателя", "majority of those present; a tie is decided by the chair"),
        ["majority-members"] = new("мүшелердің көпшілік дауысы", "большинство членов", "majority of the members"),
        ["majority-all-members"] = new("барлық мүшелердің көпшілік дауысы; тең болса - төрағаның дауысы", "большинство всех членов; при равенстве - голос председателя", "majority of all members; a tie is decided by the chair"),
        ["majority-participants"] = new("сессияға қатысушылардың көпшілік дауысы", "большинство участников сессии", "majority of the session's participants"),
        ["any-category"] = new("қалған санаттар", "остальные категории", "other categories"),
        ["leadership"] = new("басшы лауазымдар", "руководящие должности", "leadership positions"),
        ["non-leadership"] = new("басшы емес лауазымдар", "не руководящие должности", "other positions"),
        ["by-kti"] = new("ТНИ бойынша", "по КЦИ", "by KTIs"),
        ["direct-supervisor"] = new("тікелей басшы бағалайды", "оценивает непосредственный руководитель", "evaluated by the direct supervisor"),
        ["unit-head"] = new("бөлімше/орган басшысы бағалайды", "оценивает руководитель подразделения/органа", "evaluated by the head of the unit/body"),
        ["odd"] = new("тақ сан", "нечётное число", "odd number"),
        ["no-applicant"] = new("келіспейтін адам кірмейді", "без заявителя", "not the applicant"),
        ["no-evaluator"] = new("бағалаған адам кірмейді", "без оценившего", "not the evaluator"),
        ["hr-member"] = new("кадр қызметінің қызметкері кіреді", "с работником кадровой службы", "with an HR member"),
        ["tenure"] = new("лауазымда кемінде (ай)", "в должности не менее (мес.)", "in the position at least (months)"),
        ["worked"] = new("нақты жұмыс істеген жұмыс күні кемінде", "фактически отработано рабочих дней не менее", "working days actually worked at least"),
        ["indicators-in-cells"] = new("индикатор / ұяшық", "индикаторов / ячеек", "indicators / cells"),
    };

    public static string Name(string key, string language) => Names.TryGetValue(key, out var t) ? t.In(language) : key;

    private static string W(string key, string language) => Words[key].In(language);

    public static IReadOnlyList<RuleLine> Describe(PackVersion version, string language)
    {
        var r = version.Rules;
        var clauses = version.Pack.Clauses;
        var lines = new List<RuleLine>();
        void Add(string rule, string summary, string? clause) =>
            lines.Add(new RuleLine(rule, summary, clause, clause is null ? null : clauses?[clause]));
        string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

        if (r.Period is { } period)
        {
            Add(Name("period", language), W(period.Kind == PeriodKind.Year ? "year" : "quarter", language), period.Clause);
        }

        foreach (var role in r.Roles)
        {
            Add(Name("role", language), $"{role.Id}: {role.Title.In(language)}{(role.WorkingBody ? " (" + Name("working-body", language) + ")" : "")}", role.Clause);
        }

        foreach (var form in r.Forms)
        {
            Add(Name("form", language), $"{form.Id}: {form.Title.In(language)}", form.Clause);
            foreach (var p in form.Parameters)
            {
                Add("  " + Name("parameter", language), $"{p.Id}: {p.Title.In(language)}{(p.GuidanceKk is null ? "" : " - " + p.GuidanceKk)}", p.Clause);
            }
        }

        if (r.KpiPlan is { } plan)
        {
            Add(Name("kpi-plan", language), Inv($"{plan.MinCount}-{plan.MaxCount}; {string.Join(", ", plan.RequiredFields)}"), plan.Clause);
            if (plan.EvaluatedCategories.Count > 0)
            {
                Add(Name("kpi-plan-evaluates", language), string.Join(", ", plan.EvaluatedCategories), plan.EvaluatedClause);
            }
        }

        if (r.KpiAnnualGrade is { } grade)
        {
            Add(Name("kpi-annual-grade", language), string.Join("; ", grade.Steps.Select(s => Inv($"{s.AchievedAtLeast}+/{grade.PlanSize}: {s.Title.In(language)}"))), grade.Clause);
        }

        if (r.Competencies is { } comps)
        {
            Add(Name("competencies", language), string.Join("; ", comps.Items.Select(c => c.Title.In(language) + (c.PublicService ? "*" : ""))) + " (* " + W("public-service", language) + ")", comps.Clause);
        }

        if (r.CompetencyLevel is { } level)
        {
            Add(Name("competency-level", language), Inv($"{level.Numerator}/{level.Denominator}; max {level.MaxIndicators}"), level.Clause);
        }

        if (version.Pack.Indicators is { } table && r.CompetencyLevel is not null)
        {
            var groups = table.Groups.Select(g => Inv($"{g.Group}: ") + string.Join(", ", g.Positions.Select(p => p.Qualifier is null ? p.Category : $"{p.Category} ({p.Qualifier})")));
            Add(Name("indicators", language), string.Join("; ", groups) + Inv($" - {table.Cells.Sum(c => c.Effective.Count)} / {table.Cells.Count} ") + W("indicators-in-cells", language), table.Appendix);
        }

        if (r.GradeBands is { } bands)
        {
            Add(Name("grade-bands", language), string.Join("; ", bands.Bands.Select(b => $"{TreeValues.Format(b.From)}-{TreeValues.Format(b.To)} {b.Title.In(language)}")), bands.Clause);
        }

        if (r.QuarterScore is { } quarter)
        {
            Add(Name("quarter-score", language), $"{TreeValues.Format(quarter.ScaleMin)}-{TreeValues.Format(quarter.ScaleMax)}", quarter.Clause);
        }

        if (r.SanctionCaps is { } caps)
        {
            var summary = string.Join("; ", caps.Caps.Select(c => string.Join(", ", c.Kinds.Select(k => Vocabulary.SanctionKinds[k].In(language))) + " <= " + TreeValues.Format(c.Max)))
                + " (" + W(caps.AppliesTo == CapTarget.Score ? "cap-score" : "cap-parameter", language) + ")";
            foreach (var clause in caps.Clauses)
            {
                Add(Name("sanction-caps", language), summary, clause);
            }
        }

        if (r.AnnualScore is { } annual)
        {
            Add(Name("annual-score", language), "Q1-Q4", annual.Clause);
        }

        if (r.Survey360 is { } survey)
        {
            Add(Name("survey-360", language), Inv($"{TreeValues.Format(survey.ScaleMin)}-{TreeValues.Format(survey.ScaleMax)}; {survey.MinRespondents}-{survey.MaxRespondents}; ") + string.Join("; ", survey.CompetenciesByRole.Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}")), survey.Clause);
        }

        if (r.Eligibility is { } eligibility)
        {
            foreach (var rule in eligibility.Rules)
            {
                var summary = rule switch
                {
                    TenureRule t => W("tenure", language) + Inv($": {t.MinMonths} -> {t.Reason}"),
                    ProbationRule => "probation -> probation",
                    AbsenceAfterReturnRule a => Inv($"{string.Join(", ", a.Kinds)} -> after-return +{a.WorkingDays}"),
                    AbsenceWithoutParticipationRule a => $"{string.Join(", ", a.Kinds)} -> without-participation",
                    WorkedDaysRule w => W("worked", language) + Inv($": {w.MinWorkingDays} -> under-15-working-days"),
                    DismissedRule => "dismissed -> without-participation",
                    _ => rule.GetType().Name,
                };
                Add(Name("eligibility", language), summary, rule.Clause);
            }
        }

        if (r.Commission is { } commission)
        {
            if (commission.MinMembers is { } min)
            {
                Add(Name("commission", language), W("members-min", language) + Inv($" {min}"), commission.MinMembersClause);
            }

            Add(Name("commission", language), W("quorum", language) + Inv($" {commission.QuorumNumerator}/{commission.QuorumDenominator}"), commission.QuorumClause);
            Add(Name("commission", language), W(commission.MajorityOf == MajorityOf.Members ? "majority-all-members" : "majority-present", language), commission.Clause);
        }

        if (r.Calibration is { } calibration)
        {
            if (calibration.Composition is { } c)
            {
                var parts = new List<string> { W("members-min", language) + Inv($" {c.MinMembers}") };
                if (c.OddCount)
                {
                    parts.Add(W("odd", language));
                }

                if (c.ExcludesApplicant)
                {
                    parts.Add(W("no-applicant", language));
                }

                if (c.ExcludesEvaluator)
                {
                    parts.Add(W("no-evaluator", language));
                }

                if (c.RequiresHr)
                {
                    parts.Add(W("hr-member", language));
                }

                Add(Name("calibration", language), string.Join(", ", parts), c.Clause);
            }

            Add(Name("calibration", language), W(calibration.MajorityOf == MajorityOf.Participants ? "majority-participants" : "majority-members", language), calibration.DecisionClause);
        }

        if (r.EvaluationMethod is { } method)
        {
            foreach (var rule in method.Rules)
            {
                var who = rule.Categories.Count > 0 ? string.Join(", ", rule.Categories) : W("any-category", language);
                if (rule.Leadership is { } leadership)
                {
                    who += " (" + W(leadership ? "leadership" : "non-leadership", language) + ")";
                }

                var how = rule.Method == "kti" ? W("by-kti", language) : r.Form(rule.Form)?.Title.In(language) ?? rule.Form;
                Add(Name("evaluation-method", language), $"{who}: {how}; {W(rule.Evaluator, language)}", rule.Clause);
            }
        }

        foreach (var d in r.Deadlines.Values)
        {
            var how = d.Kind switch
            {
                DeadlineKind.WorkingDaysAfter => Inv($"{d.Days} ") + W("wd-after", language),
                DeadlineKind.WorkingDaysBefore => Inv($"{d.Days} ") + W("wd-before", language),
                DeadlineKind.DayOfNextMonth => Inv($"{d.Days} ") + W("day-next-month", language),
                _ => Inv($"{d.Days:00}.{d.Month:00} ") + W("date-next-year", language),
            };
            Add(Name("deadline", language), $"{d.Id}: {Vocabulary.Deadlines[d.Id].In(language)} - {how}", d.Clause);
        }

        if (r.Retention is { } retention)
        {
            Add(Name("retention", language), Inv($"{retention.Years} ") + W("years", language) + $" ({retention.Keeper})", retention.Clause);
        }

        if (r.Confidentiality is { } conf)
        {
            Add(Name("confidentiality", language), W("visible-to", language) + ": " + string.Join(", ", conf.VisibleTo), conf.Clause);
        }

        return lines;
    }
}
