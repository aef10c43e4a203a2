using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

public enum KpiSheetState
{
    Draft,
    Signed,
    Returned,
    Agreed,
    SentToCommission,
}

/// <summary>
/// One row of the KPI evaluation sheet (Appendix 2): planned (from the approved plan), actual,
/// achieved. <paramref name="Computed"/> is the kpi-achieved decision's answer when both values are
/// numbers (null otherwise: a qualitative KPI is marked by the evaluator); <paramref name="Exception"/>
/// is the evaluator's reason for marking it otherwise, kept with the row.
/// </summary>
public sealed record KpiSheetRow(int Number, string Planned, string? Actual, bool Achieved, bool? Computed = null, string? Exception = null);

/// <summary>
/// kpi-achieved applied to a sheet row (almaty 18, mdai 17): when the planned and actual values are
/// both numbers ("95", "95,5", "95 %"), the KPI is achieved only when the actual fully meets the
/// plan. The evaluator's mark stands against the engine only with a written reason.
/// </summary>
public static class KpiRowAchievementRule
{
    public static bool? Computed(PackVersion version, string planned, string? actual)
    {
        if (Number(planned) is not { } p || Number(actual) is not { } a)
        {
            return null;
        }

        var decided = KpiAchievedDecision.Decide(version, [new KpiIndicator(p, a)]);
        return decided.Answer?.Achieved;
    }

    /// <summary>A plain number as people type it (comma or point, a trailing % or spaces); null for any other text.</summary>
    public static decimal? Number(string? text)
    {
        var t = text?.Trim().TrimEnd('%').Replace(" ", string.Empty, StringComparison.Ordinal).Replace('\u00A0'.ToString(), string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return !string.IsNullOrEmpty(t) && decimal.TryParse(t, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }
}

/// <summary>
/// The KPI evaluation sheet (2018 family clauses 18-24; mdai 17-23): the direct supervisor
/// fills actual values and marks each KPI achieved or not, then signs, and the engine's
/// kpi-annual-grade decision gives the grade; the superior agrees or returns it for
/// insufficient or unreliable facts (clause 22); after agreement HR sends it to the Commission
/// within the sheet-to-commission deadline (clause 24).
/// </summary>
public sealed class KpiSheet : OrganisationEntity
{
    private readonly List<KpiSheetRow> _rows = [];

    private KpiSheet()
    {
        PackId = PackVersionId = string.Empty;
    }

    private KpiSheet(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = PackVersionId = string.Empty;
    }

    public Guid PlanId { get; private set; }

    public Guid ServantId { get; private set; }

    public Guid DirectSupervisorId { get; private set; }

    public Guid SuperiorId { get; private set; }

    public string PackId { get; private set; }

    public string PackVersionId { get; private set; }

    public KpiSheetState State { get; private set; }

    public IReadOnlyList<KpiSheetRow> Rows => _rows;

    public int? Achieved { get; private set; }

    public string? Grade { get; private set; }

    public string? GradeClause { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    public string? ReturnReason { get; private set; }

    public DateOnly? ResubmitDue { get; private set; }

    public DateOnly? AgreedOn { get; private set; }

    /// <summary>When HR must send the sheet to the Commission (sheet-to-commission, from the agreement day).</summary>
    public DateOnly? CommissionDue { get; private set; }

    public string? CommissionDueClause { get; private set; }

    public DateOnly? SentOn { get; private set; }

    public bool SentLate => SentOn is { } sent && CommissionDue is { } due && sent > due;

    /// <summary>Set when an appeal's re-evaluation reopened the sheet (clause 43).</summary>
    public Guid? ReopenedByAppealId { get; private set; }

    /// <summary>Rows and facts change only while the direct supervisor fills the sheet.</summary>
    public bool Editable => State is KpiSheetState.Draft or KpiSheetState.Returned;

    /// <summary>Opens the sheet of an approved plan, its rows carrying the plan's planned values.</summary>
    public static Outcome<KpiSheet> Open(WorkPlan plan, Guid superiorId, PackVersion version)
    {
        if (plan.State != WorkPlanState.Approved)
        {
            return Refusal.Of(
                $"plan-not-approved",
                $"Бағалау парағы тек бекітілген жеке жұмыс жоспары бойынша толтырылады",
                $"Оценочный лист заполняется только по утверждённому индивидуальному плану",
                $"The KPI sheet needs an approved work plan");
        }

        var sheet = new KpiSheet(plan.StateBodyId)
        {
            PlanId = plan.Id,
            ServantId = plan.ServantId,
            DirectSupervisorId = plan.DirectSupervisorId,
            SuperiorId = superiorId,
            PackId = version.Pack.Id,
            PackVersionId = version.Id,
            State = KpiSheetState.Draft,
        };
        sheet._rows.AddRange(plan.Kpis.Select(k => new KpiSheetRow(k.Number, k.Planned, null, false)));
        return sheet;
    }

    /// <summary>The direct supervisor records actual values and achievement per KPI (draft or returned).</summary>
    public Outcome Fill(Actor actor, PackVersion version, IReadOnlyList<(int Number, string? Actual, bool Achieved, string? Exception)> results)
    {
        if (!actor.Is(DirectSupervisorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (State is not (KpiSheetState.Draft or KpiSheetState.Returned))
        {
            return WorkflowRefusals.WrongState(Actions.Fill, State);
        }

        var numbers = results.Select(r => r.Number).ToList();
        if (numbers.Distinct().Count() != numbers.Count || numbers.Any(n => _rows.All(r => r.Number != n)))
        {
            return Refusals.InvalidInput(
                $"НМИ нөмірлері ({string.Join(", ", numbers)}) жоспардағы 1–{_rows.Count} нөмірлеріне сәйкес келмейді",
                $"номера ЦИ ({string.Join(", ", numbers)}) не соответствуют номерам плана 1–{_rows.Count}",
                $"KPI numbers {string.Join(", ", numbers)} do not match the plan's 1-{_rows.Count}");
        }

        foreach (var (number, actual, achieved, exception) in results)
        {
            if (WorkflowRefusals.Text(Fields.Reason, exception, required: false) is { } tooLong)
            {
                return tooLong;
            }

            var index = _rows.FindIndex(r => r.Number == number);
            var value = TextRules.Clean(actual);
            var computed = KpiRowAchievementRule.Computed(version, _rows[index].Planned, value);
            var reason = TextRules.Clean(exception);
            var differs = computed is { } c && c != achieved;
            _rows[index] = _rows[index] with
            {
                Actual = value,
                Computed = computed,
                Achieved = differs && reason is null ? computed!.Value : achieved,
                Exception = differs ? reason : null,
            };
        }

        return Outcome.Done;
    }

    /// <summary>Only the direct supervisor signs; every row needs an actual value; the grade comes from the engine (clause 18).</summary>
    public Outcome Sign(Actor actor, PackVersion version, DateOnly today)
    {
        if (!actor.Is(DirectSupervisorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (State is not (KpiSheetState.Draft or KpiSheetState.Returned))
        {
            return WorkflowRefusals.WrongState(Actions.Sign, State);
        }

        if (_rows.FirstOrDefault(r => r.Actual is null) is { } empty)
        {
            return WorkflowRefusals.Required(Fields.ActualOf(empty.Number));
        }

        var grade = KpiAnnualGradeDecision.Decide(version, _rows.Select(r => r.Achieved).ToList());
        if (grade.Refusal is { } refusal)
        {
            return refusal;
        }

        Achieved = grade.Answer!.Achieved;
        Grade = grade.Answer.Grade;
        GradeClause = grade.Provenance!.Clause;
        SignedOn = today;
        State = KpiSheetState.Signed;
        return Outcome.Done;
    }

    /// <summary>The superior returns a signed sheet for insufficient or unreliable facts (clause 22); resubmit by sheet-resubmit.</summary>
    public Outcome Return(Actor actor, string reason, Decided<DeadlineAnswer> resubmitDue)
    {
        if (!actor.Is(SuperiorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Superior);
        }

        if (State != KpiSheetState.Signed)
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

        ReturnReason = reason.Trim();
        ResubmitDue = resubmitDue.Answer!.Due;
        State = KpiSheetState.Returned;
        return Outcome.Done;
    }

    /// <summary>The superior agrees; HR's deadline to send it to the Commission starts (clause 24).</summary>
    public Outcome Agree(Actor actor, DateOnly today, Decided<DeadlineAnswer> commissionDue)
    {
        if (!actor.Is(SuperiorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Superior);
        }

        if (State != KpiSheetState.Signed)
        {
            return WorkflowRefusals.WrongState(Actions.Agree, State);
        }

        if (commissionDue.Refusal is { } refusal)
        {
            return refusal;
        }

        AgreedOn = today;
        CommissionDue = commissionDue.Answer!.Due;
        CommissionDueClause = commissionDue.Provenance!.Clause;
        State = KpiSheetState.Agreed;
        return Outcome.Done;
    }

    /// <summary>HR sends the agreed sheet to the Commission; late sending is recorded (<see cref="SentLate"/>).</summary>
    public Outcome SendToCommission(Actor actor, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (State != KpiSheetState.Agreed)
        {
            return WorkflowRefusals.WrongState(Actions.SendToCommission, State);
        }

        SentOn = today;
        State = KpiSheetState.SentToCommission;
        return Outcome.Done;
    }

    /// <summary>
    /// The civil-service agency recommended re-evaluation on an appeal (clause 43): the sheet is
    /// filled again from a draft, keeping the link to the appeal.
    /// </summary>
    public Outcome Reopen(Actor actor, Guid appealId)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        ReopenedByAppealId = appealId;
        State = KpiSheetState.Draft;
        Achieved = null;
        Grade = null;
        GradeClause = null;
        SignedOn = null;
        AgreedOn = null;
        SentOn = null;
        ReturnReason = null;
        return Outcome.Done;
    }
}
