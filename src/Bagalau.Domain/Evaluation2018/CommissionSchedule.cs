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

    public static Outcome<CommissionSchedule> Build(Actor actor, EvaluationCommission commission, IReadOnlyList<DateOnly> sittings, IReadOnlyList<Guid> servants)
    {
        var schedule = new CommissionSchedule(commission.StateBodyId) { CycleId = commission.CycleId, CommissionId = commission.Id, State = ScheduleState.Draft };
        var set = schedule.Change(actor, sittings, servants);
        return set.Refusal is { } refusal ? refusal : schedule;
    }

    /// <summary>HR changes the days and servants until the chair agrees.</summary>
    public Outcome Change(Actor actor, IReadOnlyList<DateOnly> sittings, IReadOnlyList<Guid> servants)
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

        if (noticeDue.Refusal is { } refusal)
        {
            return refusal;
        }

        if (noticeDue.Answer!.Due < today)
        {
            return Refusal.Of(
                $"notice-too-late",
                $"Бағалаушыларды {WorkflowRefusals.Day(noticeDue.Answer.Due)} дейін хабардар ету керек еді ({noticeDue.Provenance!.Clause}-тармақ): отырыс күнін кейінге қалдырыңыз",
                $"Оценивающих нужно было уведомить до {WorkflowRefusals.Day(noticeDue.Answer.Due)} (пункт {noticeDue.Provenance!.Clause}): перенесите заседание",
                $"The evaluators had to be notified by {WorkflowRefusals.Day(noticeDue.Answer.Due)} (clause {noticeDue.Provenance!.Clause}): move the sitting later");
        }

        AgreedOn = today;
        NoticeDue = noticeDue.Answer.Due;
        NoticeClause = noticeDue.Provenance!.Clause;
        State = ScheduleState.Agreed;
        return Outcome.Done;
    }
}
