using Bagalau.Domain.Calendar;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Decisions;

/// <summary>An absence from the register: kind id and its first and last day (inclusive).</summary>
public sealed record Absence(string Kind, DateOnly From, DateOnly To)
{
    public bool Covers(DateOnly date) => From <= date && date <= To;
}

/// <summary>What eligibility needs to know about one servant for one period.</summary>
public sealed record EligibilityInput(
    Period Period,
    DateOnly Appointed,
    DateOnly? ProbationUntil,
    IReadOnlyList<Absence> Absences,
    DateOnly? Dismissed,
    DateOnly? EvaluationDate)
{
    /// <summary>The day the evaluation is held: given, or the last day of the period (conformance.md).</summary>
    public DateOnly EffectiveEvaluationDate => EvaluationDate ?? Period.End;
}

public sealed record EligibilityAnswer(string Evaluate, string Reason, DateOnly? Due) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields()
    {
        var fields = new List<KeyValuePair<string, object?>> { new("evaluate", Evaluate), new("reason", Reason) };
        if (Due is not null)
        {
            fields.Add(new("due", Due));
        }

        return fields;
    }
}

/// <summary>eligibility: who is evaluated and how (2018: clause 4; 2023: clauses 5-6). The pack's rules are tried in order.</summary>
public static class EligibilityDecision
{
    public static Decided<EligibilityAnswer> Decide(PackVersion version, EligibilityInput input, KzCalendar calendar)
    {
        var rules = version.Rules.Eligibility;
        if (rules is null)
        {
            return Refusals.NotInPack("eligibility", version.Pack.Id);
        }

        if (input.Absences.FirstOrDefault(a => a.To < a.From) is { } bad)
        {
            return Refusals.InvalidInput(
                $"«{bad.Kind}» болмау кезеңінің соңы ({WorkflowRefusals.Day(bad.To)}) басынан ({WorkflowRefusals.Day(bad.From)}) ерте",
                $"отсутствие «{bad.Kind}» заканчивается ({WorkflowRefusals.Day(bad.To)}) раньше, чем начинается ({WorkflowRefusals.Day(bad.From)})",
                $"absence {bad.Kind} ends ({WorkflowRefusals.Day(bad.To)}) before it starts ({WorkflowRefusals.Day(bad.From)})");
        }

        if (input.Appointed > input.Period.End)
        {
            return Refusals.InvalidInput(
                $"тағайындалған күн ({WorkflowRefusals.Day(input.Appointed)}) {input.Period} кезеңі аяқталғаннан кейін",
                $"дата назначения ({WorkflowRefusals.Day(input.Appointed)}) позже окончания периода {input.Period}",
                $"appointed {WorkflowRefusals.Day(input.Appointed)} after the period {input.Period} ends");
        }

        foreach (var rule in rules.Rules)
        {
            var answer = rule switch
            {
                TenureRule t => Tenure(t, input),
                ProbationRule => input.ProbationUntil is { } until && until >= input.EffectiveEvaluationDate
                    ? new EligibilityAnswer("no", "probation", null)
                    : null,
                AbsenceAfterReturnRule a => AfterReturn(a, input, calendar),
                WorkedDaysRule w => WorkedDays(w, input, calendar),
                DismissedRule => input.Dismissed is { } d && d <= input.Period.End
                    ? new EligibilityAnswer("without-participation", "dismissed-evaluate-without-participation", null)
                    : null,
                AbsenceWithoutParticipationRule a => input.Absences.Any(x => a.Kinds.Contains(x.Kind) && x.Covers(input.EffectiveEvaluationDate))
                    ? new EligibilityAnswer("without-participation", "absent-evaluate-without-participation", null)
                    : null,
                _ => null,
            };
            if (answer is not null)
            {
                return Decided<EligibilityAnswer>.Ok(answer, Provenance.Of(version, rule.Clause));
            }
        }

        return Decided<EligibilityAnswer>.Ok(new EligibilityAnswer("yes", "eligible", null), Provenance.Of(version, rules.Clause));
    }

    /// <summary>
    /// Tenure in the actual position, counted to the period's last day as <see cref="MonthsInPosition"/>
    /// reads "N months" (appointed 1 October is not three months in by 31 December). A reset-by absence
    /// (2018: social leave, clause 4) restarts the count on the day after it ends.
    /// </summary>
    private static EligibilityAnswer? Tenure(TenureRule rule, EligibilityInput input)
    {
        // Released before the period began: no day of the period was spent in the position
        // (oskemen 5, nhrc 5, 2018 4); clause 6 speaks only of those released during the period.
        if (input.Dismissed is { } dismissed && dismissed < input.Period.Start)
        {
            return new EligibilityAnswer("no", rule.Reason, null);
        }

        var start = input.Appointed;
        foreach (var a in input.Absences.Where(a => rule.ResetByKinds.Contains(a.Kind) && a.From <= input.Period.End))
        {
            var back = a.To.AddDays(1);
            if (back > start)
            {
                start = back;
            }
        }

        return MonthsInPosition.Served(start, rule.MinMonths, input.Period.End) ? null : new EligibilityAnswer("no", rule.Reason, null);
    }

    /// <summary>
    /// Clause 4 (2018): absent on the evaluation date -> evaluated within N working days after
    /// returning; the return day is the first working day after the absence (and any absence
    /// joined to it) ends; due = return day + N working days.
    /// </summary>
    private static EligibilityAnswer? AfterReturn(AbsenceAfterReturnRule rule, EligibilityInput input, KzCalendar calendar)
    {
        var relevant = input.Absences.Where(a => rule.Kinds.Contains(a.Kind)).ToList();
        var covering = relevant.FirstOrDefault(a => a.Covers(input.EffectiveEvaluationDate));
        if (covering is null)
        {
            return null;
        }

        var back = calendar.NextWorkingDay(covering.To);
        while (relevant.FirstOrDefault(a => a.Covers(back)) is { } next)
        {
            back = calendar.NextWorkingDay(next.To);
        }

        return new EligibilityAnswer("after-return", "absent-evaluate-after-return", calendar.AddWorkingDays(back, rule.WorkingDays));
    }

    /// <summary>
    /// nhrc 5: working days of the period from max(appointed, period start) to min(period end,
    /// dismissal), minus the working days covered by not-worked absences, must reach the minimum.
    /// </summary>
    private static EligibilityAnswer? WorkedDays(WorkedDaysRule rule, EligibilityInput input, KzCalendar calendar)
    {
        var first = input.Appointed > input.Period.Start ? input.Appointed : input.Period.Start;
        var last = input.Dismissed is { } d && d < input.Period.End ? d : input.Period.End;
        var worked = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day) && !input.Absences.Any(a => rule.NotWorkedKinds.Contains(a.Kind) && a.Covers(day)))
            {
                worked++;
            }
        }

        return worked < rule.MinWorkingDays ? new EligibilityAnswer("no", "under-15-working-days", null) : null;
    }
}
