using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

public enum CommissionRole
{
    Chair,
    Member,
    Secretary,
}

public enum CommissionVote
{
    Approve,
    Revise,
}

/// <summary>A member of the Evaluation Commission as the authorized person set it (clause 5).</summary>
public sealed record CommissionSeat(Guid ServantId, CommissionRole Role);

/// <summary>The result of one servant's case at the sitting, decided by the engine's commission-decision.</summary>
public sealed record CommissionCaseDecision(Guid ServantId, bool Quorum, string Decision, string? Clause, int Approve, int Revise, CommissionVote? ChairVote);

/// <summary>
/// A sitting of the 2018 family's Evaluation Commission (chapter 5): members set by the
/// authorized person (the minimum size from the pack), a secretary who does not vote where the
/// pack says so (clause 34), attendance, an open vote per servant (clause 32) and the decision
/// with quorum and the chair's casting vote from the engine (clauses 30, 33).
/// </summary>
public sealed class CommissionSitting
{
    private readonly List<CommissionSeat> _seats;
    private readonly HashSet<Guid> _present = [];
    private readonly Dictionary<(Guid Servant, Guid Member), CommissionVote> _votes = [];

    private CommissionSitting(List<CommissionSeat> seats) => _seats = seats;

    public IReadOnlyList<CommissionSeat> Seats => _seats;

    public IReadOnlyCollection<Guid> Present => _present;

    /// <summary>The authorized person sets the composition; the engine checks the size (clause 5).</summary>
    public static Outcome<CommissionSitting> Compose(Actor actor, PackVersion version, IReadOnlyList<CommissionSeat> seats)
    {
        if (!actor.Has(Actor.AuthorizedPerson))
        {
            return WorkflowRefusals.WrongActor(ActorNames.AuthorizedPerson);
        }

        if (seats.Select(s => s.ServantId).Distinct().Count() != seats.Count)
        {
            return Refusals.InvalidInput($"a person holds two seats");
        }

        if (seats.Count(s => s.Role == CommissionRole.Chair) != 1 || seats.Count(s => s.Role == CommissionRole.Secretary) != 1)
        {
            return Refusal.Of(
                $"commission-composition",
                $"Комиссияда бір төраға және бір хатшы болуы тиіс",
                $"В Комиссии должны быть один председатель и один секретарь",
                $"The Commission has exactly one chair and one secretary");
        }

        var sitting = new CommissionSitting(seats.ToList());
        var size = CommissionDecision.Decide(version, sitting.VotingMembers, sitting.VotingMembers, 0, 0, null);
        if (size.Refusal is { Code: "commission-too-small" or "not-in-pack" } refusal)
        {
            return refusal;
        }

        return sitting;
    }

    /// <summary>Members who vote: everyone but a secretary, unless the pack lets the secretary vote.</summary>
    public int VotingMembers => _seats.Count(s => s.Role != CommissionRole.Secretary);

    public Guid ChairId => _seats.Single(s => s.Role == CommissionRole.Chair).ServantId;

    /// <summary>The secretary records who attends (clause 34).</summary>
    public Outcome MarkPresent(Actor actor, IReadOnlyCollection<Guid> present)
    {
        if (!IsSeat(actor, CommissionRole.Secretary) && !actor.IsHr)
        {
            return WorkflowRefusals.WrongActor(ActorNames.Hr);
        }

        if (present.Any(p => _seats.All(s => s.ServantId != p)))
        {
            return Refusals.InvalidInput($"a person marked present is not a member of the Commission");
        }

        _present.Clear();
        _present.UnionWith(present);
        return Outcome.Done;
    }

    /// <summary>A present voting member votes openly on one servant's case; the secretary does not vote where the pack says so.</summary>
    public Outcome Vote(Actor actor, PackVersion version, Guid servantId, CommissionVote vote)
    {
        var seat = _seats.FirstOrDefault(s => actor.Is(s.ServantId));
        var rule = version.Rules.Commission;
        if (seat is null || (seat.Role == CommissionRole.Secretary && rule is { SecretaryVotes: false }))
        {
            return seat is null
                ? WorkflowRefusals.WrongActor(ActorNames.VotingMember)
                : Refusal.Of(
                    $"secretary-does-not-vote",
                    $"Комиссия хатшысы дауыс беруге қатыспайды",
                    $"Секретарь Комиссии не участвует в голосовании",
                    $"The Commission's secretary does not vote");
        }

        if (!_present.Contains(seat.ServantId))
        {
            return Refusal.Of(
                $"member-not-present",
                $"Отырысқа қатыспаған мүше дауыс бере алмайды",
                $"Отсутствующий член Комиссии не может голосовать",
                $"A member who is not present cannot vote");
        }

        _votes[(servantId, seat.ServantId)] = vote;
        return Outcome.Done;
    }

    /// <summary>The decision on one servant's case from the engine: quorum, majority, and the chair's vote on a tie.</summary>
    public Outcome<CommissionCaseDecision> Decide(PackVersion version, Guid servantId)
    {
        var votingPresent = _seats.Count(s => s.Role != CommissionRole.Secretary && _present.Contains(s.ServantId));
        var votes = _votes.Where(v => v.Key.Servant == servantId).Select(v => v.Value).ToList();
        var approve = votes.Count(v => v == CommissionVote.Approve);
        var revise = votes.Count(v => v == CommissionVote.Revise);
        CommissionVote? chair = _votes.TryGetValue((servantId, ChairId), out var c) ? c : null;
        var decided = CommissionDecision.Decide(version, VotingMembers, votingPresent, approve, revise, chair is { } v ? KindIds.Id(v) : null);
        if (decided.Refusal is { } refusal)
        {
            return refusal;
        }

        if (!decided.Answer!.Quorum)
        {
            return Refusal.Of(
                $"no-quorum",
                $"Кворум жоқ: {VotingMembers} мүшенің {votingPresent} қатысады ({decided.Provenance!.Clause}-тармақ)",
                $"Нет кворума: присутствуют {votingPresent} из {VotingMembers} членов (пункт {decided.Provenance.Clause})",
                $"No quorum: {votingPresent} of {VotingMembers} members present (clause {decided.Provenance.Clause})");
        }

        return new CommissionCaseDecision(servantId, true, decided.Answer.Decision, decided.Provenance!.Clause, approve, revise, chair);
    }

    private bool IsSeat(Actor actor, CommissionRole role) => _seats.Any(s => s.Role == role && actor.Is(s.ServantId));
}
