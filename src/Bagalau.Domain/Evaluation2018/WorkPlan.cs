using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

public enum WorkPlanState
{
    Draft,
    Submitted,
    Returned,
    Resubmitted,
    Approved,
}

/// <summary>One KPI of an individual work plan with the Appendix 1 columns.</summary>
public sealed class PlanKpi
{
    private PlanKpi()
    {
        Name = Unit = Planned = Result = string.Empty;
    }

    public PlanKpi(int number, KpiEntry entry)
    {
        Number = number;
        Name = entry.Name?.Trim() ?? string.Empty;
        Unit = entry.Unit?.Trim() ?? string.Empty;
        Planned = entry.Planned?.Trim() ?? string.Empty;
        Due = entry.Due;
        Result = entry.Result?.Trim() ?? string.Empty;
        Source = TextRules.Clean(entry.Source);
    }

    public int Number { get; private set; }

    public string Name { get; private set; }

    public string Unit { get; private set; }

    public string Planned { get; private set; }

    public DateOnly? Due { get; private set; }

    public string Result { get; private set; }

    public string? Source { get; private set; }

    public KpiEntry ToEntry() => new(Blank(Name), Blank(Unit), Blank(Planned), Due, Blank(Result), Source);

    private static string? Blank(string value) => value.Length == 0 ? null : value;
}

/// <summary>
/// The individual work plan of the 2018 family (clauses 9-14; mdai 9-13): the direct
/// supervisor drafts the KPIs with the servant and submits; the approver (the superior, or the
/// first head where the pack's clause 11 says so) approves or returns it with a reason, and
/// the corrected plan is resubmitted by the plan-resubmit deadline. An approved plan is frozen;
/// each approval is a new revision.
/// </summary>
public sealed class WorkPlan : OrganisationEntity
{
    private readonly List<PlanKpi> _kpis = [];

    private WorkPlan()
    {
        PackId = PackVersionId = string.Empty;
    }

    private WorkPlan(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = PackVersionId = string.Empty;
    }

    public Guid CycleId { get; private set; }

    public Guid ServantId { get; private set; }

    public Guid DirectSupervisorId { get; private set; }

    /// <summary>Who approves: the superior or the first head (<see cref="PlanApproverRule"/>).</summary>
    public Guid ApproverId { get; private set; }

    public string? ApproverClause { get; private set; }

    public string PackId { get; private set; }

    public string PackVersionId { get; private set; }

    public WorkPlanState State { get; private set; }

    public string? ReturnReason { get; private set; }

    /// <summary>Resubmission deadline after a return (plan-resubmit, clause 12).</summary>
    public DateOnly? ResubmitDue { get; private set; }

    public string? ResubmitClause { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>0 until first approved; each approval makes a new frozen revision.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<PlanKpi> Kpis => _kpis;

    public static WorkPlan Draft(Guid stateBodyId, Guid cycleId, Guid servantId, Guid directSupervisorId, PlanApprover approver, PackVersion version) => new(stateBodyId)
    {
        CycleId = cycleId,
        ServantId = servantId,
        DirectSupervisorId = directSupervisorId,
        ApproverId = approver.ServantId,
        ApproverClause = approver.Clause,
        PackId = version.Pack.Id,
        PackVersionId = version.Id,
        State = WorkPlanState.Draft,
    };

    /// <summary>The direct supervisor writes the KPIs while the plan is a draft or returned (clause 9).</summary>
    public Outcome SetKpis(Actor actor, IReadOnlyList<KpiEntry> kpis)
    {
        if (State == WorkPlanState.Approved)
        {
            return Refusal.Of(
                $"plan-frozen",
                $"Бекітілген жеке жұмыс жоспарын өзгертуге болмайды",
                $"Утверждённый индивидуальный план работы изменять нельзя",
                $"An approved work plan is frozen and cannot be edited");
        }

        if (!actor.Is(DirectSupervisorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (State is not (WorkPlanState.Draft or WorkPlanState.Returned))
        {
            return WorkflowRefusals.WrongState(Actions.Edit, State);
        }

        _kpis.Clear();
        _kpis.AddRange(kpis.Select((k, i) => new PlanKpi(i + 1, k)));
        return Outcome.Done;
    }

    /// <summary>The direct supervisor submits; the engine's kpi-plan decision must accept the KPIs (clauses 13-14).</summary>
    public Outcome Submit(Actor actor, PackVersion version, Period period, DateOnly today)
    {
        if (!actor.Is(DirectSupervisorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (State is not (WorkPlanState.Draft or WorkPlanState.Returned))
        {
            return WorkflowRefusals.WrongState(Actions.Submit, State);
        }

        var decided = KpiPlanDecision.Decide(version, period, _kpis.Select(k => k.ToEntry()).ToList());
        if (decided.Refusal is { } refusal)
        {
            return refusal;
        }

        if (!decided.Answer!.Valid)
        {
            var errors = KpiPlanErrors.Describe(decided.Answer.Errors);
            var rule = version.Rules.KpiPlan!;
            return Refusal.Of(
                $"kpi-plan-invalid",
                $"Жоспар {decided.Provenance!.Clause}-тармаққа сәйкес емес ({errors.Kk}): дәл {rule.MinCount} НМИ, 1-қосымшаның барлық бағандары толтырылуы тиіс",
                $"План не соответствует пункту {decided.Provenance.Clause} ({errors.Ru}): ровно {rule.MinCount} ЦИ, все графы приложения 1 заполнены",
                $"The plan breaks clause {decided.Provenance.Clause} ({errors.En}): exactly {rule.MinCount} KPIs with every Appendix 1 column filled");
        }

        State = State == WorkPlanState.Returned ? WorkPlanState.Resubmitted : WorkPlanState.Submitted;
        SubmittedOn = today;
        return Outcome.Done;
    }

    /// <summary>The approver returns the plan with a reason (clause 11-12); the resubmission deadline comes from the engine.</summary>
    public Outcome Return(Actor actor, string reason, Decided<DeadlineAnswer> resubmitDue)
    {
        if (!actor.Is(ApproverId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Superior);
        }

        if (State is not (WorkPlanState.Submitted or WorkPlanState.Resubmitted))
        {
            return WorkflowRefusals.WrongState(Actions.Return, State);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return WorkflowRefusals.Required(Fields.Reason);
        }

        if (resubmitDue.Refusal is { } refusal)
        {
            return refusal;
        }

        State = WorkPlanState.Returned;
        ReturnReason = reason.Trim();
        ResubmitDue = resubmitDue.Answer!.Due;
        ResubmitClause = resubmitDue.Provenance!.Clause;
        return Outcome.Done;
    }

    /// <summary>The approver approves; the plan is frozen as a new revision (clause 10).</summary>
    public Outcome Approve(Actor actor, DateOnly today)
    {
        if (!actor.Is(ApproverId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Superior);
        }

        if (State is not (WorkPlanState.Submitted or WorkPlanState.Resubmitted))
        {
            return WorkflowRefusals.WrongState(Actions.Approve, State);
        }

        State = WorkPlanState.Approved;
        ApprovedOn = today;
        Revision++;
        return Outcome.Done;
    }
}

/// <summary>Who approves a servant's plan, and the clause that says so.</summary>
public sealed record PlanApprover(Guid ServantId, string? Clause);

/// <summary>
/// Clause 10: the superior approves the plan. Clause 11 (almaty, sjc; absent in mdai): when the
/// direct supervisor is the first head of the body, the first head approves. The pack shows
/// clause 11 by a first-head role whose clause text speaks of the work plan.
/// </summary>
public static class PlanApproverRule
{
    public static Outcome<PlanApprover> Decide(PackVersion version, Guid directSupervisorId, Guid? superiorId, Guid? firstHeadId)
    {
        var firstHead = version.Rules.Roles.FirstOrDefault(r => r.Id == "first-head");
        var clauseText = firstHead is null ? null : version.Pack.Clauses?[firstHead.Clause];
        var firstHeadApproves = clauseText is not null && clauseText.Contains("жеке жұмыс жоспары", StringComparison.OrdinalIgnoreCase);
        if (firstHeadApproves && firstHeadId is { } head && head == directSupervisorId)
        {
            return new PlanApprover(head, firstHead!.Clause);
        }

        if (superiorId is { } superior)
        {
            return new PlanApprover(superior, version.Rules.Roles.FirstOrDefault(r => r.Id == "superior")?.Clause);
        }

        return Refusal.Of(
            $"no-plan-approver",
            $"Жоспарды бекітетін жоғары тұрған басшы белгіленбеген",
            $"Не указан вышестоящий руководитель, утверждающий план",
            $"No superior is set to approve the plan");
    }
}
