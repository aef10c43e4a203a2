using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

public enum AppealOutcome
{
    ReEvaluate,
    Unchanged,
}

/// <summary>
/// An appeal against the Commission's decision is filed "шешім шыққан күннен бастап он жұмыс күні
/// ішінде" (almaty and sjc 43, mdai 42): within the appeal deadline counted from the day the
/// Commission's decision is issued, which is the day its decisions are drawn up in the protocol
/// (not the authorized person's approval, not the acquaintance); later, it is refused with the clause.
/// </summary>
public static class AppealDeadlineRule
{
    /// <summary>The day the Commission's decision is issued: the protocol's day, or the sitting's while none is drawn.</summary>
    public static DateOnly DecisionDay(CommissionSitting sitting) => sitting.ProtocolOn ?? sitting.SittingOn;

    public static Refusal? Check(Decided<DeadlineAnswer> due, DateOnly filedOn)
    {
        if (due.Refusal is { } refusal)
        {
            return refusal;
        }

        var last = due.Answer!.Due;
        var clause = due.Provenance!.Clause;
        return filedOn > last
            ? Refusal.Of(
                $"appeal-late",
                $"Шағым беру мерзімі {WorkflowRefusals.Day(last)} өтті ({clause}-тармақ)",
                $"Срок обжалования истёк {WorkflowRefusals.Day(last)} (пункт {clause})",
                $"The appeal deadline passed on {WorkflowRefusals.Day(last)} (clause {clause})")
            : null;
    }
}

/// <summary>
/// A servant's appeal to the authorized body for civil service affairs against the
/// Commission's decision (clause 43; mdai 42), as HR records it: filed within the appeal
/// deadline from the decision, then its outcome; a re-evaluation reopens the servant's case.
/// </summary>
public sealed class EvaluationAppeal : OrganisationEntity
{
    private EvaluationAppeal()
    {
        Body = string.Empty;
    }

    private EvaluationAppeal(Guid stateBodyId)
        : base(stateBodyId)
    {
        Body = string.Empty;
    }

    public Guid SittingId { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid ServantId { get; private set; }

    /// <summary>Where the appeal went: the agency or its territorial department.</summary>
    public string Body { get; private set; }

    public DateOnly DecisionOn { get; private set; }

    public DateOnly FiledOn { get; private set; }

    public DateOnly Due { get; private set; }

    public string? DueClause { get; private set; }

    public AppealOutcome? Outcome { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    public string? OutcomeNote { get; private set; }

    /// <summary>HR records an appeal against the Commission's decision on the servant, once the sitting has decided.</summary>
    public static Outcome<EvaluationAppeal> File(Actor actor, CommissionSitting sitting, Guid servantId, string? body, DateOnly filedOn, Decided<DeadlineAnswer> due)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (sitting.State == SittingState.Open || sitting.Cases.All(c => c.ServantId != servantId))
        {
            return Refusal.Of(
                $"no-decision",
                $"Бұл қызметші бойынша Комиссия шешімі әлі шықпаған: шешімдер хаттамаға енгізілгеннен кейін шағымды тіркеңіз",
                $"Решение Комиссии по этому служащему ещё не вынесено: зарегистрируйте жалобу после внесения решений в протокол",
                $"The Commission has not yet decided on this servant: record the appeal once the decisions are in the protocol");
        }

        if (AppealDeadlineRule.Check(due, filedOn) is { } late)
        {
            return late;
        }

        return new EvaluationAppeal(sitting.StateBodyId)
        {
            SittingId = sitting.Id,
            CycleId = sitting.CycleId,
            ServantId = servantId,
            Body = TextRules.Clean(body) ?? "civil-service-agency",
            DecisionOn = AppealDeadlineRule.DecisionDay(sitting),
            FiledOn = filedOn,
            Due = due.Answer!.Due,
            DueClause = due.Provenance!.Clause,
        };
    }

    /// <summary>HR records the agency's outcome once: re-evaluation recommended, or the result left unchanged.</summary>
    public Workflow.Outcome RecordOutcome(Actor actor, AppealOutcome outcome, string? note, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (Outcome is not null)
        {
            return WorkflowRefusals.WrongState(Actions.RecordAppealOutcome, StateNames.Decided);
        }

        if (today < FiledOn)
        {
            return Refusals.InvalidInput(
                $"шағым бойынша нәтиже күні шағым берілген күннен ерте",
                $"дата результата по жалобе раньше даты её подачи",
                $"the outcome date is before the appeal was filed");
        }

        Outcome = outcome;
        OutcomeOn = today;
        OutcomeNote = TextRules.Clean(note);
        return Workflow.Outcome.Done;
    }
}
