using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

public enum CompetencySheetState
{
    Draft,
    Signed,
    SentToCommission,
}

/// <summary>The indicators (1-based numbers of the Appendix 4 cell) the evaluator observed for one competency.</summary>
public sealed record CompetencyMark(string Competency, IReadOnlyList<int> Observed);

/// <summary>The engine's competency-level answer for one competency, kept on the signed sheet.</summary>
public sealed record CompetencyResult(string Competency, string Level, int Indicators, IReadOnlyList<int> Unobserved, string? Clause);

/// <summary>
/// The competency evaluation sheet (2018 family chapter 4, Appendix 3): the direct supervisor
/// ticks, per competency of Appendix 3, the behavioural indicators of the servant's group
/// (Appendix 4, clause 26) observed during the period; public-service competencies are skipped
/// for a servant who provides no public services (Appendix 3, *). On signing, the engine's
/// competency-level decision (the 3/4 rule, clause 27) gives each level and the unobserved
/// indicators; HR then sends the sheet to the Commission (clause 28).
/// </summary>
public sealed class CompetencySheet : OrganisationEntity
{
    private readonly List<CompetencyMark> _marks = [];
    private readonly List<CompetencyResult> _results = [];

    private CompetencySheet()
    {
        PackId = PackVersionId = Category = string.Empty;
    }

    private CompetencySheet(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = PackVersionId = Category = string.Empty;
    }

    public Guid CycleId { get; private set; }

    public Guid ServantId { get; private set; }

    public Guid DirectSupervisorId { get; private set; }

    public string PackId { get; private set; }

    public string PackVersionId { get; private set; }

    public string Category { get; private set; }

    public string? Qualifier { get; private set; }

    public bool ProvidesPublicServices { get; private set; }

    public int Group { get; private set; }

    public CompetencySheetState State { get; private set; }

    public IReadOnlyList<CompetencyMark> Marks => _marks;

    public IReadOnlyList<CompetencyResult> Results => _results;

    public DateOnly? SignedOn { get; private set; }

    public DateOnly? SentOn { get; private set; }

    public Guid? ReopenedByAppealId { get; private set; }

    public Packs.Position Position => new(Category, Qualifier);

    /// <summary>Opens the sheet; a category Appendix 4 does not cover is refused with the engine's clause (26).</summary>
    public static Outcome<CompetencySheet> Open(Guid stateBodyId, Guid cycleId, Guid servantId, Guid directSupervisorId, PackVersion version, Packs.Position position, bool providesPublicServices)
    {
        var first = version.Rules.Competencies?.Items.FirstOrDefault();
        if (first is null)
        {
            return Refusals.NotInPack("competencies", version.Pack.Id);
        }

        var probe = CompetencyLevelDecision.Decide(version, position, first.Id, [], providesPublicServices);
        if (probe.Refusal is { } refusal)
        {
            return refusal;
        }

        return new CompetencySheet(stateBodyId)
        {
            CycleId = cycleId,
            ServantId = servantId,
            DirectSupervisorId = directSupervisorId,
            PackId = version.Pack.Id,
            PackVersionId = version.Id,
            Category = position.Category,
            Qualifier = position.Qualifier,
            ProvidesPublicServices = providesPublicServices,
            Group = probe.Answer!.Group,
            State = CompetencySheetState.Draft,
        };
    }

    /// <summary>The competencies this servant is assessed on (Appendix 3 order, public-service ones skipped when not applicable).</summary>
    public IReadOnlyList<Competency> Assessed(PackVersion version) =>
        (version.Rules.Competencies?.Items ?? []).Where(c => ProvidesPublicServices || !c.PublicService).ToList();

    /// <summary>The effective indicators of the servant's group for a competency, verbatim from Appendix 4.</summary>
    public IReadOnlyList<string> Indicators(PackVersion version, string competency) =>
        version.Pack.Indicators?.Cell(competency, Group)?.Effective ?? [];

    /// <summary>The direct supervisor ticks the observed indicators of one competency (draft only).</summary>
    public Outcome Tick(Actor actor, PackVersion version, string competency, IReadOnlyList<int> observed)
    {
        if (!actor.Is(DirectSupervisorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (State != CompetencySheetState.Draft)
        {
            return WorkflowRefusals.WrongState(Actions.TickIndicator, State);
        }

        if (Assessed(version).All(c => c.Id != competency))
        {
            return Refusal.Of(
                $"competency-not-assessed",
                $"«{competency}» құзыреті бұл қызметші үшін бағаланбайды",
                $"Компетенция «{competency}» для этого служащего не оценивается",
                $"Competency '{competency}' is not assessed for this servant");
        }

        // The engine checks the numbers against the cell (clause 26).
        var decided = CompetencyLevelDecision.Decide(version, Position, competency, observed, ProvidesPublicServices);
        if (decided.Refusal is { } refusal)
        {
            return refusal;
        }

        _marks.RemoveAll(m => m.Competency == competency);
        _marks.Add(new CompetencyMark(competency, observed.Distinct().Order().ToList()));
        return Outcome.Done;
    }

    /// <summary>Only the direct supervisor signs (clause 25); every assessed competency needs its marks; the levels come from the engine.</summary>
    public Outcome Sign(Actor actor, PackVersion version, DateOnly today)
    {
        if (!actor.Is(DirectSupervisorId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (State != CompetencySheetState.Draft)
        {
            return WorkflowRefusals.WrongState(Actions.Sign, State);
        }

        var results = new List<CompetencyResult>();
        foreach (var competency in Assessed(version))
        {
            var mark = _marks.FirstOrDefault(m => m.Competency == competency.Id);
            if (mark is null)
            {
                return WorkflowRefusals.Required(competency.Title);
            }

            var decided = CompetencyLevelDecision.Decide(version, Position, competency.Id, mark.Observed, ProvidesPublicServices);
            if (decided.Refusal is { } refusal)
            {
                return refusal;
            }

            results.Add(new CompetencyResult(competency.Id, decided.Answer!.Level, decided.Answer.Indicators, decided.Answer.Unobserved, decided.Provenance!.Clause));
        }

        _results.Clear();
        _results.AddRange(results);
        SignedOn = today;
        State = CompetencySheetState.Signed;
        return Outcome.Done;
    }

    /// <summary>HR sends the signed sheet to the Commission (clause 28).</summary>
    public Outcome SendToCommission(Actor actor, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (State != CompetencySheetState.Signed)
        {
            return WorkflowRefusals.WrongState(Actions.SendToCommission, State);
        }

        SentOn = today;
        State = CompetencySheetState.SentToCommission;
        return Outcome.Done;
    }

    /// <summary>Re-evaluation after an appeal (clause 43) starts the sheet again, linked to the appeal.</summary>
    public Outcome Reopen(Actor actor, Guid appealId)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        ReopenedByAppealId = appealId;
        State = CompetencySheetState.Draft;
        _results.Clear();
        SignedOn = null;
        SentOn = null;
        return Outcome.Done;
    }
}
