using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

/// <summary>Progress towards one KPI of the plan as the direct supervisor saw it in a quarter.</summary>
public sealed record KpiProgress(int Number, string Progress);

/// <summary>
/// The quarterly monitoring of an approved plan (2018 family clause 16): each quarter the direct
/// supervisor records progress per KPI and gives the servant written recommendations on
/// reaching the KPIs. One note per plan and quarter; the supervisor may correct it.
/// </summary>
public sealed class MonitoringNote : OrganisationEntity
{
    private readonly List<KpiProgress> _progress = [];

    private MonitoringNote()
    {
        Recommendations = string.Empty;
    }

    private MonitoringNote(Guid stateBodyId)
        : base(stateBodyId)
    {
        Recommendations = string.Empty;
    }

    public Guid PlanId { get; private set; }

    public Guid CycleId { get; private set; }

    public Guid ServantId { get; private set; }

    public Guid DirectSupervisorId { get; private set; }

    public int Quarter { get; private set; }

    public IReadOnlyList<KpiProgress> Progress => _progress;

    public string Recommendations { get; private set; }

    public DateOnly RecordedOn { get; private set; }

    /// <summary>The direct supervisor records a quarter's note on an approved plan (clause 16).</summary>
    public static Outcome<MonitoringNote> Record(Actor actor, WorkPlan plan, int quarter, IReadOnlyList<KpiProgress> progress, string? recommendations, DateOnly today)
    {
        if (!actor.Is(plan.DirectSupervisorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (plan.State != WorkPlanState.Approved)
        {
            return Refusal.Of(
                $"plan-not-approved",
                $"Тоқсандық мониторинг тек бекітілген жеке жұмыс жоспары бойынша жүргізіледі",
                $"Ежеквартальный мониторинг ведётся только по утверждённому индивидуальному плану",
                $"Quarterly monitoring needs an approved work plan");
        }

        if (quarter is < 1 or > 4)
        {
            return Refusals.InvalidInput(
                $"жарамсыз тоқсан: {quarter} (1–4)",
                $"недопустимый квартал: {quarter} (1–4)",
                $"quarter {quarter} (1-4)");
        }

        var note = new MonitoringNote(plan.StateBodyId)
        {
            PlanId = plan.Id,
            CycleId = plan.CycleId,
            ServantId = plan.ServantId,
            DirectSupervisorId = plan.DirectSupervisorId,
            Quarter = quarter,
        };
        var written = note.Write(plan, progress, recommendations, today);
        return written.Refusal is { } refusal ? refusal : note;
    }

    /// <summary>The direct supervisor corrects the quarter's note.</summary>
    public Outcome Revise(Actor actor, WorkPlan plan, IReadOnlyList<KpiProgress> progress, string? recommendations, DateOnly today)
    {
        if (!actor.Is(DirectSupervisorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        return Write(plan, progress, recommendations, today);
    }

    /// <summary>The servant, the direct supervisor and HR read the notes (clause 16: the recommendations are for the servant).</summary>
    public bool VisibleTo(Actor actor) => actor.Is(ServantId) || actor.Is(DirectSupervisorId) || actor.IsHr;

    private Outcome Write(WorkPlan plan, IReadOnlyList<KpiProgress> progress, string? recommendations, DateOnly today)
    {
        var numbers = progress.Select(p => p.Number).ToList();
        if (numbers.Count == 0 || numbers.Distinct().Count() != numbers.Count || numbers.Any(n => plan.Kpis.All(k => k.Number != n)))
        {
            return Refusals.InvalidInput(
                $"НМИ нөмірлері ({string.Join(", ", numbers)}) жоспардағы 1–{plan.Kpis.Count} нөмірлеріне сәйкес келмейді",
                $"номера ЦИ ({string.Join(", ", numbers)}) не соответствуют номерам плана 1–{plan.Kpis.Count}",
                $"KPI numbers {string.Join(", ", numbers)} do not match the plan's 1-{plan.Kpis.Count}");
        }

        if (progress.FirstOrDefault(p => string.IsNullOrWhiteSpace(p.Progress)) is { } empty)
        {
            return WorkflowRefusals.Required(Fields.ProgressOf(empty.Number));
        }

        // Clause 16: the recommendations are written; a note without them is not a monitoring note.
        if (TextRules.Clean(recommendations) is not { } text)
        {
            return WorkflowRefusals.Required(Fields.Recommendations);
        }

        if (text.Length > 4000 || progress.Any(p => p.Progress.Length > 2000))
        {
            return Refusals.InvalidInput(
                $"мәтін 4000 таңбадан ұзын",
                $"текст длиннее 4000 символов",
                $"text longer than 4000 characters");
        }

        _progress.Clear();
        _progress.AddRange(progress.OrderBy(p => p.Number).Select(p => p with { Progress = p.Progress.Trim() }));
        Recommendations = text;
        RecordedOn = today;
        return Outcome.Done;
    }
}
