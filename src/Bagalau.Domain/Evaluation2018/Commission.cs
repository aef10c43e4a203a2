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

public enum SittingState
{
    Open,
    ProtocolDrawn,
    Approved,
}

/// <summary>A member of the Evaluation Commission as the authorized person set it (clause 5).</summary>
public sealed record CommissionSeat(Guid ServantId, CommissionRole Role);

/// <summary>One member's open vote on one servant's case (clause 32).</summary>
public sealed record CastVote(Guid ServantId, Guid MemberId, CommissionVote Vote);

/// <summary>The result of one servant's case at the sitting, decided by the engine's commission-decision.</summary>
public sealed record CommissionCaseDecision(Guid ServantId, bool Quorum, string Decision, string? Clause, int Approve, int Revise, CommissionVote? ChairVote);

/// <summary>
/// One servant's line of the protocol (Appendix 5): the engine's decision, and when the
/// Commission revised the result, the corrected grade and its recommendations (clauses 37-38).
/// </summary>
public sealed record CommissionCase(Guid ServantId, string Decision, string? Clause, int Approve, int Revise, CommissionVote? ChairVote, string? CorrectedGrade, string? Recommendations);

/// <summary>
/// The Evaluation Commission of a cycle: its composition is set (and amended, clause 31) only
/// by the authorized person; the engine checks the minimum size (clause 5); exactly one chair
/// and one secretary.
/// </summary>
public sealed class EvaluationCommission : OrganisationEntity
{
    private readonly List<CommissionSeat> _seats = [];

    private EvaluationCommission()
    {
        PackId = PackVersionId = string.Empty;
    }

    private EvaluationCommission(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = PackVersionId = string.Empty;
    }

    public Guid CycleId { get; private set; }

    public string PackId { get; private set; }

    public string PackVersionId { get; private set; }

    public IReadOnlyList<CommissionSeat> Seats => _seats;

    public DateOnly ComposedOn { get; private set; }

    public Guid ChairId => _seats.Single(s => s.Role == CommissionRole.Chair).ServantId;

    public Guid SecretaryId => _seats.Single(s => s.Role == CommissionRole.Secretary).ServantId;

    public static Outcome<EvaluationCommission> Compose(Actor actor, PackVersion version, Guid stateBodyId, Guid cycleId, IReadOnlyList<CommissionSeat> seats, DateOnly today)
    {
        var commission = new EvaluationCommission(stateBodyId) { CycleId = cycleId, PackId = version.Pack.Id, PackVersionId = version.Id };
        var set = commission.Amend(actor, version, seats, today);
        return set.Refusal is { } refusal ? refusal : commission;
    }

    /// <summary>Members are replaced only by the authorized person amending the composition (clause 31).</summary>
    public Outcome Amend(Actor actor, PackVersion version, IReadOnlyList<CommissionSeat> seats, DateOnly today)
    {
        if (CommissionComposition.Check(actor, version, seats) is { } refusal)
        {
            return refusal;
        }

        _seats.Clear();
        _seats.AddRange(seats);
        ComposedOn = today;
        return Outcome.Done;
    }
}

/// <summary>Clause 5: the authorized person sets the composition; one chair, one secretary, the pack's minimum size.</summary>
public static class CommissionComposition
{
    public static Refusal? Check(Actor actor, PackVersion version, IReadOnlyList<CommissionSeat> seats)
    {
        if (!actor.Has(Actor.AuthorizedPerson))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.AuthorizedPerson);
        }

        if (seats.Select(s => s.ServantId).Distinct().Count() != seats.Count)
        {
            return Refusals.InvalidInput(
                $"бір адам Комиссияда екі орын алады",
                $"один человек занимает в Комиссии два места",
                $"a person holds two seats");
        }

        if (seats.Count(s => s.Role == CommissionRole.Chair) != 1 || seats.Count(s => s.Role == CommissionRole.Secretary) != 1)
        {
            return Refusal.Of(
                $"commission-composition",
                $"Комиссияда бір төраға және бір хатшы болуы тиіс",
                $"В Комиссии должны быть один председатель и один секретарь",
                $"The Commission has exactly one chair and one secretary");
        }

        var voting = VotingCount(version, seats);
        var size = CommissionDecision.Decide(version, voting, voting, 0, 0, null);
        return size.Refusal is { Code: "commission-too-small" or "not-in-pack" } tooSmall ? tooSmall : null;
    }

    /// <summary>Members who vote: everyone but a secretary, unless the pack lets the secretary vote (clause 34).</summary>
    public static int VotingCount(PackVersion? version, IEnumerable<CommissionSeat> seats) =>
        seats.Count(s => s.Role != CommissionRole.Secretary || version?.Rules.Commission is { SecretaryVotes: true });
}

/// <summary>
/// A sitting of the 2018 family's Evaluation Commission (chapter 5): the seats of the commission
/// at the time, attendance, an open vote per servant of the agenda (clause 32), the decision
/// with quorum and the chair's casting vote from the engine (clauses 30, 33), the protocol
/// (Appendix 5, clauses 37-38) and its approval by the authorized person (clause 39).
/// </summary>
public sealed class CommissionSitting : OrganisationEntity
{
    private readonly List<CommissionSeat> _seats = [];
    private readonly List<Guid> _present = [];
    private readonly List<CastVote> _votes = [];
    private readonly List<Guid> _agenda = [];
    private readonly List<CommissionCase> _cases = [];

    private CommissionSitting()
    {
        PackId = PackVersionId = string.Empty;
    }

    private CommissionSitting(Guid stateBodyId, IEnumerable<CommissionSeat> seats)
        : base(stateBodyId)
    {
        PackId = PackVersionId = string.Empty;
        _seats.AddRange(seats);
    }

    public Guid CommissionId { get; private set; }

    public Guid CycleId { get; private set; }

    public string PackId { get; private set; }

    public string PackVersionId { get; private set; }

    public DateOnly SittingOn { get; private set; }

    public SittingState State { get; private set; }

    public IReadOnlyList<CommissionSeat> Seats => _seats;

    public IReadOnlyCollection<Guid> Present => _present;

    public IReadOnlyList<CastVote> Votes => _votes;

    /// <summary>The servants whose cases the sitting considers (from the schedule).</summary>
    public IReadOnlyList<Guid> Agenda => _agenda;

    public IReadOnlyList<CommissionCase> Cases => _cases;

    public DateOnly? ProtocolOn { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    /// <summary>A sitting of a composition the authorized person sets here (no commission record, no agenda).</summary>
    public static Outcome<CommissionSitting> Compose(Actor actor, PackVersion version, IReadOnlyList<CommissionSeat> seats)
    {
        if (CommissionComposition.Check(actor, version, seats) is { } refusal)
        {
            return refusal;
        }

        return new CommissionSitting(Guid.Empty, seats) { PackId = version.Pack.Id, PackVersionId = version.Id };
    }

    /// <summary>HR (the working body) or the secretary opens the sitting on a scheduled day for the scheduled servants.</summary>
    public static Outcome<CommissionSitting> Open(Actor actor, EvaluationCommission commission, CommissionSchedule schedule, DateOnly on)
    {
        if (!actor.IsHr && !actor.Is(commission.SecretaryId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (schedule.State != ScheduleState.Agreed)
        {
            return Refusal.Of(
                $"schedule-not-agreed",
                $"Бағалау кестесін Комиссия төрағасы келіспеген (29-тармақ)",
                $"График оценки не согласован председателем Комиссии (пункт 29)",
                $"The chair has not agreed the evaluation schedule (clause 29)");
        }

        if (!schedule.Sittings.Contains(on))
        {
            return Refusal.Of(
                $"not-a-scheduled-day",
                $"{WorkflowRefusals.Day(on)} күні кестеде жоқ",
                $"Дня {WorkflowRefusals.Day(on)} нет в графике",
                $"{WorkflowRefusals.Day(on)} is not a sitting day of the schedule");
        }

        var sitting = new CommissionSitting(commission.StateBodyId, commission.Seats)
        {
            CommissionId = commission.Id,
            CycleId = commission.CycleId,
            PackId = commission.PackId,
            PackVersionId = commission.PackVersionId,
            SittingOn = on,
            State = SittingState.Open,
        };
        sitting._agenda.AddRange(schedule.Servants);
        return sitting;
    }

    /// <summary>Members who vote: everyone but a secretary, unless the pack lets the secretary vote.</summary>
    public int VotingMembers => _seats.Count(s => s.Role != CommissionRole.Secretary);

    public Guid ChairId => _seats.Single(s => s.Role == CommissionRole.Chair).ServantId;

    public bool IsMember(Actor actor) => _seats.Any(s => actor.Is(s.ServantId));

    /// <summary>The secretary (or HR) records who attends (clause 34).</summary>
    public Outcome MarkPresent(Actor actor, IReadOnlyCollection<Guid> present)
    {
        if (!IsSeat(actor, CommissionRole.Secretary) && !actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (State != SittingState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.MarkPresent, State);
        }

        if (present.Any(p => _seats.All(s => s.ServantId != p)))
        {
            return Refusals.InvalidInput(
                $"қатысушы деп белгіленген адам Комиссия мүшесі емес",
                $"отмеченный как присутствующий не является членом Комиссии",
                $"a person marked present is not a member of the Commission");
        }

        _present.Clear();
        _present.AddRange(present.Distinct());
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
                ? WorkflowRefusals.NotAllowed(ActorNames.VotingMember)
                : Refusal.Of(
                    $"secretary-does-not-vote",
                    $"Комиссия хатшысы дауыс беруге қатыспайды",
                    $"Секретарь Комиссии не участвует в голосовании",
                    $"The Commission's secretary does not vote");
        }

        if (State != SittingState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.Vote, State);
        }

        if (_agenda.Count > 0 && !_agenda.Contains(servantId))
        {
            return NotOnAgenda();
        }

        if (!_present.Contains(seat.ServantId))
        {
            return Refusal.Of(
                $"member-not-present",
                $"Отырысқа қатыспаған мүше дауыс бере алмайды",
                $"Отсутствующий член Комиссии не может голосовать",
                $"A member who is not present cannot vote");
        }

        _votes.RemoveAll(v => v.ServantId == servantId && v.MemberId == seat.ServantId);
        _votes.Add(new CastVote(servantId, seat.ServantId, vote));
        return Outcome.Done;
    }

    /// <summary>The decision on one servant's case from the engine: quorum, majority, and the chair's vote on a tie.</summary>
    public Outcome<CommissionCaseDecision> Decide(PackVersion version, Guid servantId)
    {
        var votingPresent = _seats.Count(s => s.Role != CommissionRole.Secretary && _present.Contains(s.ServantId));
        var votes = _votes.Where(v => v.ServantId == servantId).Select(v => v.Vote).ToList();
        var approve = votes.Count(v => v == CommissionVote.Approve);
        var revise = votes.Count(v => v == CommissionVote.Revise);
        CommissionVote? chair = _votes.FirstOrDefault(v => v.ServantId == servantId && v.MemberId == ChairId)?.Vote;
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

    /// <summary>
    /// The secretary (or HR) records the case in the draft protocol once the vote is decided:
    /// a revised result needs the corrected grade (one of the pack's KPI grades) and the
    /// Commission's recommendations (clauses 37-38).
    /// </summary>
    public Outcome RecordCase(Actor actor, PackVersion version, Guid servantId, string? correctedGrade, string? recommendations)
    {
        if (!IsSeat(actor, CommissionRole.Secretary) && !actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (State != SittingState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.RecordDecision, State);
        }

        if (_agenda.Count > 0 && !_agenda.Contains(servantId))
        {
            return NotOnAgenda();
        }

        var decided = Decide(version, servantId);
        if (decided.Value is not { } decision)
        {
            return decided.Refusal!;
        }

        if (decision.Decision == "none")
        {
            return Refusal.Of(
                $"no-majority",
                $"Қатысушылардың көпшілік дауысы жоқ ({decision.Clause}-тармақ)",
                $"Нет большинства голосов присутствующих (пункт {decision.Clause})",
                $"No majority of the members present (clause {decision.Clause})");
        }

        string? corrected = null;
        var advice = TextRules.Clean(recommendations);
        if (decision.Decision == "revise")
        {
            corrected = TextRules.Clean(correctedGrade);
            var steps = version.Rules.KpiAnnualGrade?.Steps ?? [];
            if (corrected is null || steps.All(s => s.Grade != corrected))
            {
                return Refusal.Of(
                    $"corrected-grade-required",
                    $"Комиссия нәтижені қайта қарады: түзетілген баға ({string.Join(", ", steps.Select(s => s.Title.Kk))}) көрсетілуі тиіс (38-тармақ)",
                    $"Комиссия пересмотрела результат: укажите скорректированную оценку ({string.Join(", ", steps.Select(s => s.Title.Ru))}) (пункт 38)",
                    $"The Commission revised the result: give the corrected grade ({string.Join(", ", steps.Select(s => s.Title.En))}) (clause 38)");
            }

            if (advice is null)
            {
                return WorkflowRefusals.Required(Fields.Recommendations);
            }
        }

        _cases.RemoveAll(c => c.ServantId == servantId);
        _cases.Add(new CommissionCase(servantId, decision.Decision, decision.Clause, decision.Approve, decision.Revise, decision.ChairVote, corrected, advice));
        return Outcome.Done;
    }

    /// <summary>HR draws the protocol when every case of the agenda is decided (clause 36).</summary>
    public Outcome DrawProtocol(Actor actor, DateOnly today)
    {
        if (!actor.IsHr && !IsSeat(actor, CommissionRole.Secretary))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (State != SittingState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.DrawProtocol, State);
        }

        if (BeforeTheSitting(today) is { } early)
        {
            return early;
        }

        var open = _agenda.Where(s => _cases.All(c => c.ServantId != s)).ToList();
        if (open.Count > 0 || _cases.Count == 0)
        {
            return Refusal.Of(
                $"cases-undecided",
                $"Хаттама үшін кестедегі барлық қызметшілер бойынша шешім қажет ({open.Count} шешілмеген)",
                $"Для протокола нужны решения по всем служащим графика (не решено: {open.Count})",
                $"Every servant of the agenda needs a decision before the protocol ({open.Count} undecided)");
        }

        ProtocolOn = today;
        State = SittingState.ProtocolDrawn;
        return Outcome.Done;
    }

    /// <summary>The authorized person approves the results recorded in the protocol (clause 39).</summary>
    public Outcome ApproveProtocol(Actor actor, DateOnly today)
    {
        if (!actor.Has(Actor.AuthorizedPerson))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.AuthorizedPerson);
        }

        if (State != SittingState.ProtocolDrawn)
        {
            return WorkflowRefusals.WrongState(Actions.ApproveProtocol, State);
        }

        if (BeforeTheSitting(today) is { } early)
        {
            return early;
        }

        ApprovedOn = today;
        State = SittingState.Approved;
        return Outcome.Done;
    }

    /// <summary>The Commission decides at its sitting: nothing of it is recorded as held before its day.</summary>
    private Refusal? BeforeTheSitting(DateOnly today) => today < SittingOn
        ? Refusal.Of(
            "before-sitting-day",
            $"Отырыс {WorkflowRefusals.Day(SittingOn)} күні өтеді: оның хаттамасын осы күнге дейін жасауға немесе бекітуге болмайды",
            $"Заседание проводится {WorkflowRefusals.Day(SittingOn)}: его протокол нельзя составить или утвердить раньше этого дня",
            $"The sitting is on {WorkflowRefusals.Day(SittingOn)}: its protocol cannot be drawn or approved before that day")
        : null;

    private static Refusal NotOnAgenda() => Refusal.Of(
        $"not-on-agenda",
        $"Бұл қызметші отырыстың кестесінде жоқ",
        $"Этого служащего нет в графике заседания",
        $"This servant is not on the sitting's schedule");

    private bool IsSeat(Actor actor, CommissionRole role) => _seats.Any(s => s.Role == role && actor.Is(s.ServantId));
}
