using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

/// <summary>
/// The annual evaluation of one state body under a 2018-family pack (clause 18: the period is
/// the plan's year). The pack version is the one in force on the first day of the year.
/// </summary>
public sealed class EvaluationCycle : OrganisationEntity
{
    private EvaluationCycle()
    {
        PackId = PackVersionId = string.Empty;
    }

    private EvaluationCycle(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = PackVersionId = string.Empty;
    }

    public string PackId { get; private set; }

    public string PackVersionId { get; private set; }

    public int Year { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public Period Period => Period.OfYear(Year);

    /// <summary>HR opens the cycle for a year; the pack must be of the 2018 family and in force on 1 January.</summary>
    public static Outcome<EvaluationCycle> Open(Actor actor, Guid stateBodyId, Pack pack, int year, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (pack.Family != PackFamily.KpiCompetency2018)
        {
            return Refusal.Of(
                $"wrong-family",
                $"«{pack.Id}» әдістемесі 2018 жылғы үлгіге жатпайды",
                $"Методика «{pack.Id}» не относится к семейству 2018 года",
                $"Pack '{pack.Id}' is not of the kpi-competency-2018 family");
        }

        if (year < 2000 || year > today.Year + 1)
        {
            return Refusals.InvalidInput(
                $"жарамсыз жыл: {year}",
                $"недопустимый год: {year}",
                $"year {year}");
        }

        var version = pack.VersionOn(new DateOnly(year, 1, 1));
        if (version is null)
        {
            return Refusals.NoVersionInForce(pack, new DateOnly(year, 1, 1));
        }

        return new EvaluationCycle(stateBodyId) { PackId = pack.Id, PackVersionId = version.Id, Year = year, OpenedOn = today };
    }
}

/// <summary>One servant's line of the cycle's eligibility list: the engine's answer with its reason, date and clause.</summary>
public sealed class EligibilityEntry : OrganisationEntity
{
    private EligibilityEntry()
    {
        Evaluate = Reason = string.Empty;
    }

    public EligibilityEntry(Guid stateBodyId, Guid cycleId, Guid servantId, Guid? unitId, EligibilityAnswer answer, string? clause)
        : base(stateBodyId)
    {
        CycleId = cycleId;
        ServantId = servantId;
        UnitId = unitId;
        Evaluate = answer.Evaluate;
        Reason = answer.Reason;
        Due = answer.Due;
        Clause = clause;
    }

    public Guid CycleId { get; private set; }

    public Guid ServantId { get; private set; }

    public Guid? UnitId { get; private set; }

    /// <summary>yes, no, after-return or without-participation.</summary>
    public string Evaluate { get; private set; }

    public string Reason { get; private set; }

    public DateOnly? Due { get; private set; }

    public string? Clause { get; private set; }
}
