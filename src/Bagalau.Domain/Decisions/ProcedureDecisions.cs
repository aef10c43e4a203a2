using Bagalau.Domain.Calendar;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Decisions;

public sealed record DeadlineAnswer(DateOnly Due) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() => [new("due", Due)];
}

/// <summary>deadline: when something is due, counted by the pack's rule on the working-day calendar.</summary>
public static class DeadlineDecision
{
    public static Decided<DeadlineAnswer> Decide(PackVersion version, string deadline, DateOnly from, KzCalendar calendar)
    {
        if (!Vocabulary.Deadlines.ContainsKey(deadline))
        {
            return Refusal.Of(
                "unknown-deadline",
                $"«{deadline}» мерзімі белгісіз",
                $"Неизвестный срок «{deadline}»",
                $"Unknown deadline '{deadline}' ({string.Join(", ", Vocabulary.Deadlines.Keys)})");
        }

        if (!version.Rules.Deadlines.TryGetValue(deadline, out var rule))
        {
            return Refusals.NotInPack(deadline, version.Pack.Id);
        }

        return Decided<DeadlineAnswer>.Ok(new DeadlineAnswer(rule.DueFrom(from, calendar)), Provenance.Of(version, rule.Clause));
    }
}

public sealed record WorkingDaysAnswer(DateOnly? Date, int? Count) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
        Date is not null ? [new("date", Date)] : [new("count", Count)];
}

/// <summary>working-days: calendar arithmetic; the answer carries no clause (the calendar is not an act's clause).</summary>
public static class WorkingDaysDecision
{
    public static WorkingDaysAnswer Add(KzCalendar calendar, DateOnly from, int n) => new(calendar.AddWorkingDays(from, n), null);

    public static WorkingDaysAnswer Count(KzCalendar calendar, DateOnly from, DateOnly to) => new(null, calendar.CountWorkingDays(from, to));
}

public sealed record CommissionAnswer(bool Quorum, string Decision) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() => [new("quorum", Quorum), new("decision", Decision)];
}

/// <summary>commission-decision: 2018 family clauses 5, 30, 32-34 (mdai 5, 29, 31-33).</summary>
public static class CommissionDecision
{
    public static Decided<CommissionAnswer> Decide(PackVersion version, int members, int present, int approve, int revise, string? chair)
    {
        var rule = version.Rules.Commission;
        if (rule is null)
        {
            return Refusals.NotInPack("commission-decision", version.Pack.Id);
        }

        if (members < rule.MinMembers)
        {
            return Refusal.Of(
                "commission-too-small",
                $"Комиссия мүшелерінің саны {members}, кемінде {rule.MinMembers} болуы тиіс ({rule.MinMembersClause}-тармақ)",
                $"В Комиссии {members} членов, должно быть не менее {rule.MinMembers} (пункт {rule.MinMembersClause})",
                $"The Commission has {members} members; at least {rule.MinMembers} required (clause {rule.MinMembersClause})");
        }

        if (members < 1 || present < 0 || present > members || approve < 0 || revise < 0)
        {
            return Refusals.InvalidInput(
                $"{members} мүшенің {present} қатысады, дауыстар {approve}/{revise}",
                $"присутствуют {present} из {members} членов, голоса {approve}/{revise}",
                $"present {present} of {members} members, votes {approve}/{revise}");
        }

        if (approve + revise > present)
        {
            return Refusal.Of(
                "votes-exceed-present",
                $"Дауыстар саны ({approve + revise}) қатысушылар санынан ({present}) көп",
                $"Голосов ({approve + revise}) больше, чем присутствующих ({present})",
                $"{approve + revise} votes but only {present} members present");
        }

        if (chair is not null && chair is not ("approve" or "revise"))
        {
            return Refusals.InvalidInput(
                $"төраға «approve» (бекіту) немесе «revise» (қайта қарау) деп дауыс беруі тиіс, берілгені: «{chair}»",
                $"председатель голосует «approve» (утвердить) или «revise» (пересмотреть), получено: «{chair}»",
                $"chair must vote approve or revise, found '{chair}'");
        }

        if (!rule.HasQuorum(members, present))
        {
            return Decided<CommissionAnswer>.Ok(new CommissionAnswer(false, "none"), Provenance.Of(version, rule.QuorumClause));
        }

        // Majority of the members present (or of all members when the pack says so); a tie of the
        // votes cast is decided by the chair's vote.
        var basis = rule.MajorityOf == MajorityOf.Members ? members : present;
        string decision;
        if (approve * 2 > basis)
        {
            decision = "approve";
        }
        else if (revise * 2 > basis)
        {
            decision = "revise";
        }
        else if (approve == revise)
        {
            if (chair is null)
            {
                return Refusals.InvalidInput(
                    $"дауыстар тең бөлінді: төрағаның дауысы («approve» немесе «revise») қажет",
                    $"голоса разделились поровну: нужен голос председателя («approve» или «revise»)",
                    $"the vote is tied: the chair's vote (approve or revise) is needed");
            }

            decision = chair;
        }
        else
        {
            decision = "none";
        }

        return Decided<CommissionAnswer>.Ok(new CommissionAnswer(true, decision), Provenance.Of(version, rule.Clause));
    }
}

public sealed record CalibrationCheckAnswer(bool Valid, IReadOnlyList<string> Errors) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
        [new("valid", Valid), new("errors", Errors.Cast<object?>().ToList())];
}

/// <summary>calibration-check: nhrc clause 19, the composition of a calibration session.</summary>
public static class CalibrationCheckDecision
{
    /// <param name="evaluators">
    /// When given, the body's evaluators: clause 19 makes the members evaluators (other than the
    /// applicant's) and an HR employee, so a member who is neither is <c>member-not-evaluator</c>.
    /// </param>
    public static Decided<CalibrationCheckAnswer> Decide(
        PackVersion version, IReadOnlyList<string> members, string applicant, string evaluator, IReadOnlyList<string> hr, IReadOnlyList<string>? evaluators = null)
    {
        var rule = version.Rules.Calibration?.Composition;
        if (rule is null)
        {
            return Refusals.NotInPack("calibration-check", version.Pack.Id);
        }

        var distinct = members.Distinct().ToList();
        if (distinct.Count != members.Count)
        {
            return Refusals.InvalidInput(
                $"мүшелер тізімінде бір адам екі рет көрсетілген",
                $"один человек указан среди членов дважды",
                $"a person is listed twice among the members");
        }

        var errors = new List<string>();
        if (members.Count < rule.MinMembers)
        {
            errors.Add("fewer-than-3");
        }

        if (rule.OddCount && members.Count % 2 == 0)
        {
            errors.Add("even-count");
        }

        if (rule.ExcludesApplicant && members.Contains(applicant))
        {
            errors.Add("includes-applicant");
        }

        if (rule.ExcludesEvaluator && members.Contains(evaluator))
        {
            errors.Add("includes-evaluator");
        }

        if (rule.RequiresHr && !members.Any(hr.Contains))
        {
            errors.Add("no-hr-member");
        }

        if (evaluators is not null && members.Any(m => m != applicant && m != evaluator && !hr.Contains(m) && !evaluators.Contains(m)))
        {
            errors.Add("member-not-evaluator");
        }

        return Decided<CalibrationCheckAnswer>.Ok(new CalibrationCheckAnswer(errors.Count == 0, errors), Provenance.Of(version, rule.Clause));
    }
}

public sealed record CalibrationDecisionAnswer(string Decision, decimal Score, string Grade) : IAnswer
{
    public IReadOnlyList<KeyValuePair<string, object?>> Fields() =>
        [new("decision", Decision), new("score", Score), new("grade", Grade)];
}

/// <summary>
/// calibration-decision: oskemen 41, nhrc 22. The final score is adopted by a majority of the
/// participants (oskemen 002:274, "калибрлеу сессиясына қатысушылардың көпшілік даусымен") or of
/// the members (nhrc 22, "мүшелерінің басым дауысымен"), as the pack's <c>majority-of</c> says.
/// </summary>
public static class CalibrationVoteDecision
{
    /// <param name="participants">Those taking part in the session; null means every member.</param>
    public static Decided<CalibrationDecisionAnswer> Decide(PackVersion version, decimal original, decimal proposed, int forChange, int against, int members, int? participants = null)
    {
        var rules = version.Rules;
        var rule = rules.Calibration;
        if (rule is null || rules.GradeBands is null)
        {
            return Refusals.NotInPack("calibration-decision", version.Pack.Id);
        }

        var min = rules.QuarterScore?.ScaleMin ?? rules.GradeBands.Min;
        var max = rules.QuarterScore?.ScaleMax ?? rules.GradeBands.Max;
        foreach (var (name, value) in new[] { ("original", original), ("proposed", proposed) })
        {
            if (value < min || value > max)
            {
                return Refusals.ScoreOutOfRange(name, value, min, max);
            }
        }

        var taking = participants ?? members;
        if (members < 1 || taking < 1 || taking > members)
        {
            return Refusals.InvalidInput(
                $"калибрлеу сессиясына {members} мүшенің {taking} қатысады",
                $"в калибровочной сессии участвуют {taking} из {members} членов",
                $"{taking} participants of {members} members");
        }

        if (forChange < 0 || against < 0 || forChange + against > taking)
        {
            return Refusals.InvalidInput(
                $"дауыстар: {forChange} жақтап, {against} қарсы, ал қатысушылар саны {taking}",
                $"голосов «за» — {forChange}, «против» — {against} при {taking} участниках",
                $"votes {forChange} for and {against} against with {taking} participants");
        }

        // A strict majority is needed to change the score; otherwise it stands.
        var basis = rule.MajorityOf == MajorityOf.Participants ? taking : members;
        var changed = forChange * 2 > basis;
        var score = rules.Rounding.Apply(changed ? proposed : original);
        var band = rules.GradeBands.BandOf(score);
        if (band is null)
        {
            return Refusals.InvalidInput(
                $"{TreeValues.Format(score)} балл бірде-бір баға аралығына кірмейді",
                $"балл {TreeValues.Format(score)} не попадает ни в один диапазон оценок",
                $"score {TreeValues.Format(score)} falls in no grade band");
        }

        return Decided<CalibrationDecisionAnswer>.Ok(
            new CalibrationDecisionAnswer(changed ? "changed" : "upheld", score, band.Grade),
            Provenance.Of(version, rule.DecisionClause));
    }
}
