using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

public enum ScheduleState
{
    Draft,
    Agreed,
}

/// <summary>
/// The evaluation schedule (clause 29; mdai 28): HR, the Commission's working body, sets the
/// sitting day(s) and the servants to evaluate; the Commission's chair agrees it; the
/// evaluators are then notified by the schedule-notice deadline (7 working days before).
/// </summary>
public sealed class CommissionSchedule : OrganisationEntity
{
    private readonly List<DateOnly> _sittings = [];
    private readonly List<Guid> _servants = [];

    private CommissionSchedule()
    {
    }

    private CommissionSchedule(Guid stateBodyId)
        : base(stateBodyId)
    {
    }

    public Guid CycleId { get; private set; }

    public Guid CommissionId { get; private set; }

    public ScheduleState State { get; private set; }

    public IReadOnlyList<DateOnly> Sittings => _sittings;

    public IReadOnlyList<Guid> Servants => _servants;

    public DateOnly? AgreedOn { get; private set; }

    /// <summary>The last day to notify the evaluators (schedule-notice before the first sitting), set on agreement.</summary>
    public DateOnly? NoticeDue { get; private set; }

    public string? NoticeClause { get; private set; }

    /// <param name="notice">The schedule-notice deadline counted from a sitting day (the first is checked).</param>
    public static Outcome<CommissionSchedule> Build(Actor actor, EvaluationCommission commission, IReadOnlyList<DateOnly> sittings, IReadOnlyList<Guid> servants, Func<DateOnly, Decided<DeadlineAnswer>> notice, DateOnly today)
    {
        var schedule = new CommissionSchedule(commission.StateBodyId) { CycleId = commission.CycleId, CommissionId = commission.Id, State = ScheduleState.Draft };
        var set = schedule.Change(actor, sittings, servants, notice, today);
        return set.Refusal is { } refusal ? refusal : schedule;
    }

    /// <summary>
    /// HR changes the days and servants until the chair agrees. The notice period is checked here,
    /// where the days are chosen: a first sitting too close to notify the evaluators in time
    /// (schedule-notice) is refused now, not only when the chair agrees.
    /// </summary>
    public Outcome Change(Actor actor, IReadOnlyList<DateOnly> sittings, IReadOnlyList<Guid> servants, Func<DateOnly, Decided<DeadlineAnswer>> notice, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (State != ScheduleState.Draft)
        {
            return WorkflowRefusals.WrongState(Actions.Edit, State);
        }

        if (sittings.Count == 0)
        {
            return WorkflowRefusals.Required(Fields.Sittings);
        }

        if (servants.Count == 0 || servants.Distinct().Count() != servants.Count)
        {
            return Refusals.InvalidInput(
                $"қызметшілер тізімінде кемінде бір адам болуы тиіс және ешкім екі рет көрсетілмеуі тиіс",
                $"в списке служащих должен быть хотя бы один человек, и никто не должен повторяться",
                $"servants: at least one, none twice");
        }

        if (ScheduleNoticeRule.Check(notice(sittings.Min()), today) is { } tooLate)
        {
            return tooLate;
        }

        _sittings.Clear();
        _sittings.AddRange(sittings.Distinct().Order());
        _servants.Clear();
        _servants.AddRange(servants);
        return Outcome.Done;
    }

    /// <summary>The chair agrees (clause 29); the engine's schedule-notice deadline gives the day the evaluators must be notified by.</summary>
    public Outcome Agree(Actor actor, EvaluationCommission commission, DateOnly today, Decided<DeadlineAnswer> noticeDue)
    {
        if (!actor.Is(commission.ChairId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Chair);
        }

        if (State != ScheduleState.Draft)
        {
            return WorkflowRefusals.WrongState(Actions.Agree, State);
        }

        if (ScheduleNoticeRule.Check(noticeDue, today) is { } tooLate)
        {
            return tooLate;
        }

        AgreedOn = today;
        NoticeDue = noticeDue.Answer!.Due;
        NoticeClause = noticeDue.Provenance!.Clause;
        State = ScheduleState.Agreed;
        return Outcome.Done;
    }
}

/// <summary>
/// Clause 29 (mdai 28): the evaluators are notified of the sitting by the schedule-notice deadline
/// before it. A schedule whose notice day has already passed cannot be kept: it is refused with the
/// clause, both when HR sets the days and when the chair agrees.
/// </summary>
public static class ScheduleNoticeRule
{
    public static Refusal? Check(Decided<DeadlineAnswer> noticeDue, DateOnly today)
    {
        if (noticeDue.Refusal is { } refusal)
        {
            return refusal;
        }

        var due = noticeDue.Answer!.Due;
        var clause = noticeDue.Provenance!.Clause;
        return due < today
            ? Refusal.Of(
                $"notice-too-late",
                $"Бағалаушыларды {WorkflowRefusals.Day(due)} дейін хабардар ету керек еді ({clause}-тармақ): отырыс күнін кейінге қалдырыңыз",
                $"Оценивающих нужно было уведомить до {WorkflowRefusals.Day(due)} (пункт {clause}): перенесите заседание",
                $"The evaluators had to be notified by {WorkflowRefusals.Day(due)} (clause {clause}): move the sitting later")
            : null;
    }
}
