using Bagalau.Domain.Calendar;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

public enum CalibrationState
{
    Applied,
    Convened,
    Closed,
    ProtocolPosted,
}

/// <summary>A member of a calibration session (a servant of the body).</summary>
public sealed class CalibrationMember
{
    private CalibrationMember()
    {
    }

    internal CalibrationMember(Guid servantId) => ServantId = servantId;

    public Guid ServantId { get; private set; }

    /// <summary>The member's vote on the proposed score: for, against or abstained (oskemen 41, nhrc 22).</summary>
    public string? Vote { get; private set; }

    /// <summary>What the member argued: support of the evaluator's score or a correction up or down (oskemen 41).</summary>
    public string? Argument { get; private set; }

    internal void Record(string vote, string? argument)
    {
        Vote = vote;
        Argument = string.IsNullOrWhiteSpace(argument) ? null : argument.Trim();
    }
}

/// <summary>One member's ballot in the session: the vote and the argument behind it.</summary>
public sealed record MemberBallot(Guid ServantId, string? Vote, string? Argument);

/// <summary>What HR records of a calibration session (oskemen 41, nhrc 22).</summary>
public sealed record CalibrationSession(
    string? Justification, string? ObjectionForm, string? Objection, string? Arguments, decimal ProposedScore, IReadOnlyList<MemberBallot> Ballots);

/// <summary>
/// The members' ballots (oskemen 41, nhrc 22: the final score is adopted by a majority of the
/// members and recorded in the protocol): every member of the approved panel votes once, for or
/// against the proposed score or abstains; nobody else votes. The tally feeds the engine's
/// calibration-decision.
/// </summary>
public static class CalibrationBallotRule
{
    /// <summary>"absent": the member did not take part in the session (oskemen counts the majority of participants).</summary>
    public static readonly IReadOnlyList<string> Votes = ["for", "against", "abstained", "absent"];

    public static Refusal? Check(IReadOnlyCollection<Guid> members, IReadOnlyList<MemberBallot> ballots, out int votesFor, out int votesAgainst) =>
        Check(members, ballots, out votesFor, out votesAgainst, out _);

    public static Refusal? Check(IReadOnlyCollection<Guid> members, IReadOnlyList<MemberBallot> ballots, out int votesFor, out int votesAgainst, out int participants)
    {
        votesFor = votesAgainst = 0;
        participants = 0;
        if (ballots.Any(b => !members.Contains(b.ServantId)))
        {
            return Refusal.Of(
                "calibration-ballot-not-member",
                $"Калибрлеу сессиясының мүшесі емес адам дауыс бере алмайды",
                $"Голосовать может только член калибровочной сессии",
                $"Only a member of the calibration session can vote");
        }

        if (ballots.Select(b => b.ServantId).Distinct().Count() != ballots.Count || members.Any(m => ballots.All(b => b.ServantId != m)))
        {
            return Refusal.Of(
                "calibration-ballot-missing",
                $"Сессияның әр мүшесі бір рет дауыс береді (жақтайды, қарсы немесе қалыс қалады) не қатыспады деп белгіленеді",
                $"Каждый член сессии голосует один раз (за, против или воздержался) либо отмечается как не участвовавший",
                $"Every member votes once (for, against or abstained) or is marked as not taking part");
        }

        foreach (var ballot in ballots)
        {
            if (ballot.Vote is null || !Votes.Contains(ballot.Vote))
            {
                return Refusals.InvalidInput(
                    $"дауыс «for» (жақтаймын), «against» (қарсымын), «abstained» (қалыс қалдым) немесе «absent» (қатыспады) болуы тиіс, берілгені: «{ballot.Vote}»",
                    $"голос — «for» (за), «against» (против), «abstained» (воздержался) или «absent» (не участвовал), получено: «{ballot.Vote}»",
                    $"a vote is 'for', 'against', 'abstained' or 'absent', found '{ballot.Vote}'");
            }

            if (WorkflowRefusals.Text(Fields.Argument, ballot.Argument, required: false) is { } tooLong)
            {
                return tooLong;
            }
        }

        votesFor = ballots.Count(b => b.Vote == "for");
        votesAgainst = ballots.Count(b => b.Vote == "against");
        participants = ballots.Count(b => b.Vote != "absent");
        return null;
    }
}

/// <summary>Why a calibration composition was refused, in words (nhrc 19); the engine's error ids stay in its answer.</summary>
public static class CalibrationCompositionErrors
{
    private static readonly Dictionary<string, LocalizedText> Texts = new(StringComparer.Ordinal)
    {
        ["fewer-than-3"] = new("мүшелер кемінде үшеу болуы тиіс", "членов должно быть не менее трёх", "at least three members are needed"),
        ["even-count"] = new("мүшелер саны тақ болуы тиіс", "число членов должно быть нечётным", "the number of members must be odd"),
        ["includes-applicant"] = new("келіспеген адам мүше бола алмайды", "несогласный служащий не может быть членом", "the applicant cannot be a member"),
        ["includes-evaluator"] = new("оны бағалаған адам мүше бола алмайды", "оценивавшее его лицо не может быть членом", "the person who evaluated the applicant cannot be a member"),
        ["no-hr-member"] = new("құрамда персонал қызметінің қызметкері болуы тиіс", "в составе должен быть работник службы управления персоналом", "an HR employee must be a member"),
        ["member-not-evaluator"] = new("мүшелер бағалаушы адамдар және персонал қызметінің қызметкері болуы тиіс", "члены - оценивающие лица и работник службы управления персоналом", "members are evaluators and an HR employee"),
    };

    public static LocalizedText Describe(IEnumerable<string> errors)
    {
        var list = errors.ToList();
        string In(string language) => string.Join("; ", list.Select(e => Texts.TryGetValue(e, out var text) ? text.In(language) : $"«{e}»"));
        return new LocalizedText(In("kk"), In("ru"), In("en"));
    }
}

/// <summary>
/// A servant's disagreement with a quarterly result (oskemen chapter 5, nhrc chapter 3): the
/// application within 5 working days of acquaintance, the authorized person's decision and
/// composition (nhrc: engine <c>calibration-check</c>), the session with the evaluator's
/// justification, the servant's written or oral objection, the members' arguments and the vote
/// (engine <c>calibration-decision</c>), then the protocol posted by HR. Every deadline is the
/// engine's <c>deadline</c> answer with its clause.
/// </summary>
public sealed class CalibrationCase : OrganisationEntity
{
    private readonly List<CalibrationMember> _members = [];

    private CalibrationCase()
    {
        Statement = DecisionClause = SessionClause = string.Empty;
    }

    private CalibrationCase(Guid stateBodyId)
        : base(stateBodyId)
    {
        Statement = DecisionClause = SessionClause = string.Empty;
    }

    public Guid SheetId { get; private set; }

    public Guid ApplicantId { get; private set; }

    public Guid EvaluatorId { get; private set; }

    /// <summary>The free-form application (oskemen 12, nhrc 10).</summary>
    public string Statement { get; private set; }

    public DateOnly AppliedOn { get; private set; }

    /// <summary>Engine deadline calibration-decision: decision and composition (oskemen 38, nhrc 19).</summary>
    public DateOnly DecisionDue { get; private set; }

    public string DecisionClause { get; private set; }

    /// <summary>Engine deadline calibration-session (oskemen 39, nhrc 20).</summary>
    public DateOnly SessionDue { get; private set; }

    public string SessionClause { get; private set; }

    public CalibrationState State { get; private set; }

    public IReadOnlyList<CalibrationMember> Members => _members;

    public DateOnly? ConvenedOn { get; private set; }

    public string? EvaluatorJustification { get; private set; }

    /// <summary>nhrc 22: the objection is written or oral.</summary>
    public string? ObjectionForm { get; private set; }

    public string? Objection { get; private set; }

    public string? MembersArguments { get; private set; }

    public decimal? OriginalScore { get; private set; }

    public decimal? ProposedScore { get; private set; }

    public int? VotesFor { get; private set; }

    public int? VotesAgainst { get; private set; }

    /// <summary>changed or upheld (engine calibration-decision).</summary>
    public string? Outcome { get; private set; }

    public decimal? FinalScore { get; private set; }

    public string? FinalGrade { get; private set; }

    public string? OutcomeClause { get; private set; }

    public DateOnly? SessionOn { get; private set; }

    /// <summary>Engine deadline calibration-protocol: HR posts the protocol (oskemen 41, nhrc 22).</summary>
    public DateOnly? ProtocolDue { get; private set; }

    public string? ProtocolClause { get; private set; }

    public DateOnly? ProtocolPostedOn { get; private set; }

    public bool IsProtocolLate => ProtocolPostedOn is { } posted && ProtocolDue is { } due && posted > due;

    public bool IsMember(Guid servantId) => _members.Any(m => m.ServantId == servantId);

    /// <summary>The servant applies within the calibration-request deadline counted from the acquaintance (refused the day after).</summary>
    public static Outcome<CalibrationCase> Apply(PackVersion version, KzCalendar calendar, RatingSheet sheet, Actor actor, string? statement, DateOnly today)
    {
        if (!actor.Is(sheet.ServantId))
        {
            return WorkflowRefusals.NotAllowed(Actions.ApplyForCalibration, ActorNames.Servant);
        }

        if (sheet.State != SheetState.Submitted || sheet.AcquaintedOn is not { } acquainted || sheet.EvaluatorId is not { } evaluator)
        {
            return WorkflowRefusals.WrongState(Actions.ApplyForCalibration, sheet.State == SheetState.Submitted ? StateNames.NotAcknowledged : StateNames.Of(sheet.State));
        }

        if (WorkflowRefusals.Text(Fields.Statement, statement, required: true) is { } bad)
        {
            return bad;
        }

        var request = DeadlineDecision.Decide(version, "calibration-request", acquainted, calendar);
        if (request.IsRefused)
        {
            return request.Refusal!;
        }

        if (today > request.Answer!.Due)
        {
            return WorkflowRefusals.Late(Actions.ApplyForCalibration, request.Answer.Due, request.Provenance!.Clause);
        }

        var decision = DeadlineDecision.Decide(version, "calibration-decision", today, calendar);
        var session = DeadlineDecision.Decide(version, "calibration-session", today, calendar);
        if (decision.IsRefused || session.IsRefused)
        {
            return decision.Refusal ?? session.Refusal!;
        }

        return Outcome<CalibrationCase>.Ok(new CalibrationCase(sheet.StateBodyId)
        {
            SheetId = sheet.Id,
            ApplicantId = sheet.ServantId,
            EvaluatorId = evaluator,
            Statement = statement!.Trim(),
            AppliedOn = today,
            DecisionDue = decision.Answer!.Due,
            DecisionClause = decision.Provenance!.Clause ?? string.Empty,
            SessionDue = session.Answer!.Due,
            SessionClause = session.Provenance!.Clause ?? string.Empty,
            State = CalibrationState.Applied,
            OriginalScore = sheet.FinalScore,
        });
    }

    /// <summary>
    /// The authorized person decides to hold the session and approves its composition (the
    /// decision deadline is tracked: lateness of the body never takes the servant's session away); a pack with a composition rule (nhrc 19) has it checked by the engine.
    /// </summary>
    public Refusal? Convene(
        PackVersion version, Actor actor, IReadOnlyList<Guid> members, IReadOnlyList<Guid> hrServants, DateOnly today, IReadOnlyList<Guid>? evaluators = null)
    {
        if (!actor.IsAuthorized)
        {
            return WorkflowRefusals.NotAllowed(Actions.ApproveCalibrationPanel, ActorNames.AuthorizedPerson);
        }

        if (State != CalibrationState.Applied)
        {
            return WorkflowRefusals.WrongState(Actions.Convene, State);
        }

        if (members.Count == 0)
        {
            return WorkflowRefusals.Required(Fields.Members);
        }

        if (version.Rules.Calibration?.Composition is not null)
        {
            var check = CalibrationCheckDecision.Decide(
                version,
                members.Select(Key).ToList(),
                Key(ApplicantId),
                Key(EvaluatorId),
                hrServants.Select(Key).ToList(),
                evaluators?.Select(Key).ToList());
            if (check.IsRefused)
            {
                return check.Refusal;
            }

            if (!check.Answer!.Valid)
            {
                var errors = CalibrationCompositionErrors.Describe(check.Answer.Errors);
                var clause = check.Provenance!.Clause;
                return Refusal.Of(
                    "calibration-composition-invalid",
                    $"Калибрлеу сессиясының құрамы {clause}-тармаққа сәйкес емес: {errors.Kk}",
                    $"Состав калибровочной сессии не соответствует пункту {clause}: {errors.Ru}",
                    $"The calibration composition breaks clause {clause}: {errors.En}");
            }
        }
        else if (members.Contains(ApplicantId) || members.Distinct().Count() != members.Count)
        {
            // Without a composition rule in the act, the applicant still cannot judge their own case.
            return Refusals.InvalidInput(
                $"өтініш беруші калибрлеу сессиясының мүшесі бола алмайды және ешкім екі рет көрсетілмеуі тиіс",
                $"заявитель не может быть членом калибровочной сессии, и никто не должен быть указан дважды",
                $"the applicant cannot be a member and nobody is listed twice");
        }

        _members.Clear();
        _members.AddRange(members.Select(m => new CalibrationMember(m)));
        ConvenedOn = today;
        State = CalibrationState.Convened;
        return null;
    }

    /// <summary>
    /// The session: the evaluator's justification, the servant's objection (written or oral), each
    /// member's argument and vote on a proposed score (up or down); the engine adopts or upholds
    /// the score and the sheet carries the calibrated one. Closes the session (a later vote is
    /// refused) and starts the calibration-protocol deadline.
    /// </summary>
    public Refusal? Decide(PackVersion version, KzCalendar calendar, Actor actor, RatingSheet sheet, CalibrationSession session, DateOnly today)
    {
        if (!CalibrationAccessRule.MayRun(actor, this))
        {
            return WorkflowRefusals.NotAllowed(Actions.RecordCalibration, ActorNames.HrHeadOrPanelHr);
        }

        if (State is CalibrationState.Closed or CalibrationState.ProtocolPosted)
        {
            return Refusal.Of(
                RefusalKind.Conflict,
                "calibration-session-closed",
                $"Калибрлеу сессиясы {WorkflowRefusals.Day(SessionOn!.Value)} жабылды: дауыс беру мүмкін емес",
                $"Калибровочная сессия закрыта {WorkflowRefusals.Day(SessionOn!.Value)}: голосование невозможно",
                $"The calibration session closed on {WorkflowRefusals.Day(SessionOn!.Value)}: no more votes");
        }

        if (State != CalibrationState.Convened)
        {
            return WorkflowRefusals.WrongState(Actions.Vote, State);
        }

        if (sheet.Id != SheetId)
        {
            return Refusals.InvalidInput(
                $"бағалау парағы осы өтінішке жатпайды",
                $"оценочный лист не относится к этому заявлению",
                $"the sheet is not the one of this application");
        }

        if (session.ObjectionForm is not ("written" or "oral"))
        {
            return Refusals.InvalidInput(
                $"қарсылық «written» (жазбаша) немесе «oral» (ауызша) болуы тиіс, берілгені: «{session.ObjectionForm}»",
                $"возражение — «written» (письменное) или «oral» (устное), получено: «{session.ObjectionForm}»",
                $"the objection is 'written' or 'oral', found '{session.ObjectionForm}'");
        }

        var error = WorkflowRefusals.Text(Fields.Justification, session.Justification, required: true)
            ?? WorkflowRefusals.Text(Fields.Objection, session.Objection, required: true)
            ?? WorkflowRefusals.Text(Fields.Arguments, session.Arguments, required: false);
        var votesFor = 0;
        var votesAgainst = 0;
        var participants = 0;
        error ??= CalibrationBallotRule.Check(_members.Select(m => m.ServantId).ToList(), session.Ballots, out votesFor, out votesAgainst, out participants);
        if (error is not null)
        {
            return error;
        }

        var original = sheet.FinalScore ?? 0m;
        if (session.ProposedScore == original)
        {
            // oskemen 41, nhrc 22: the members vote on a correction up or down.
            return Refusal.Of(
                "calibration-no-correction",
                $"Ұсынылған баға бастапқы бағамен бірдей ({TreeValues.Format(original)}): жоғары немесе төмен түзету ұсыныңыз",
                $"Предложенная оценка совпадает с исходной ({TreeValues.Format(original)}): предложите корректировку вверх или вниз",
                $"The proposed score equals the original ({TreeValues.Format(original)}): propose a correction up or down");
        }

        var decided = CalibrationVoteDecision.Decide(version, original, session.ProposedScore, votesFor, votesAgainst, _members.Count, participants);
        if (decided.IsRefused)
        {
            return decided.Refusal;
        }

        var protocol = DeadlineDecision.Decide(version, "calibration-protocol", today, calendar);
        if (protocol.IsRefused)
        {
            return protocol.Refusal;
        }

        foreach (var ballot in session.Ballots)
        {
            _members.First(m => m.ServantId == ballot.ServantId).Record(ballot.Vote!, ballot.Argument);
        }

        EvaluatorJustification = session.Justification!.Trim();
        ObjectionForm = session.ObjectionForm;
        Objection = session.Objection!.Trim();
        MembersArguments = string.IsNullOrWhiteSpace(session.Arguments) ? null : session.Arguments.Trim();
        OriginalScore = original;
        ProposedScore = session.ProposedScore;
        VotesFor = votesFor;
        VotesAgainst = votesAgainst;
        Outcome = decided.Answer!.Decision;
        FinalScore = decided.Answer.Score;
        FinalGrade = decided.Answer.Grade;
        OutcomeClause = decided.Provenance!.Clause;
        SessionOn = today;
        ProtocolDue = protocol.Answer!.Due;
        ProtocolClause = protocol.Provenance!.Clause;
        State = CalibrationState.Closed;
        if (Outcome == "changed")
        {
            sheet.Calibrate(decided.Answer.Score, decided.Answer.Grade, OutcomeClause);
        }

        return null;
    }

    /// <summary>Which way the session moved the score: up, down or unchanged (upheld).</summary>
    public string? Direction => FinalScore is not { } final || OriginalScore is not { } original
        ? null
        : final > original ? "up" : final < original ? "down" : "unchanged";

    /// <summary>
    /// HR posts the signed protocol in the system; the calibration-protocol deadline is recorded
    /// (a late posting is shown as late, not refused: the servant must still get the protocol).
    /// </summary>
    public Refusal? PostProtocol(PackVersion version, KzCalendar calendar, Actor actor, DateOnly today)
    {
        if (!CalibrationAccessRule.MayRun(actor, this))
        {
            return WorkflowRefusals.NotAllowed(Actions.PostProtocol, ActorNames.HrHeadOrPanelHr);
        }

        if (State != CalibrationState.Closed)
        {
            return WorkflowRefusals.WrongState(Actions.PostProtocol, State);
        }

        var due = DeadlineDecision.Decide(version, "calibration-protocol", SessionOn!.Value, calendar);
        if (due.IsRefused)
        {
            return due.Refusal;
        }

        ProtocolDue = due.Answer!.Due;
        ProtocolClause = due.Provenance!.Clause;
        ProtocolPostedOn = today;
        State = CalibrationState.ProtocolPosted;
        return null;
    }

    private static string Key(Guid id) => id.ToString("N");
}
