using Bagalau.Domain.Calendar;
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
        if (!actor.IsServant(sheet.ServantId))
        {
            return WorkflowRefusals.NotAllowed("apply for calibration (only the evaluated servant)");
        }

        if (sheet.State != SheetState.Submitted || sheet.AcknowledgedOn is not { } acquainted || sheet.EvaluatorId is not { } evaluator)
        {
            return WorkflowRefusals.WrongState("apply for calibration", sheet.State == SheetState.Submitted ? "not-acknowledged" : KindIds.Id(sheet.State));
        }

        if (WorkflowRefusals.Text("statement", statement, required: true) is { } bad)
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
            return WorkflowRefusals.Late("calibration application", request.Answer.Due, request.Provenance!.Clause);
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
    public Refusal? Convene(PackVersion version, Actor actor, IReadOnlyList<Guid> members, IReadOnlyList<Guid> hrServants, DateOnly today)
    {
        if (!actor.Authorized)
        {
            return WorkflowRefusals.NotAllowed("approve the calibration composition (authorized person)");
        }

        if (State != CalibrationState.Applied)
        {
            return WorkflowRefusals.WrongState("convene", KindIds.Id(State));
        }

        if (members.Count == 0)
        {
            return WorkflowRefusals.Required("members");
        }

        if (version.Rules.Calibration?.Composition is not null)
        {
            var check = CalibrationCheckDecision.Decide(
                version,
                members.Select(Key).ToList(),
                Key(ApplicantId),
                Key(EvaluatorId),
                hrServants.Select(Key).ToList());
            if (check.IsRefused)
            {
                return check.Refusal;
            }

            if (!check.Answer!.Valid)
            {
                var errors = string.Join(", ", check.Answer.Errors);
                var clause = check.Provenance!.Clause;
                return Refusal.Of(
                    "calibration-composition-invalid",
                    $"Калибрлеу сессиясының құрамы {clause}-тармаққа сәйкес емес: {errors}",
                    $"Состав калибровочной сессии не соответствует пункту {clause}: {errors}",
                    $"The calibration composition breaks clause {clause}: {errors}");
            }
        }
        else if (members.Contains(ApplicantId) || members.Distinct().Count() != members.Count)
        {
            // Without a composition rule in the act, the applicant still cannot judge their own case.
            return Refusals.InvalidInput($"the applicant cannot be a member and nobody is listed twice");
        }

        _members.Clear();
        _members.AddRange(members.Select(m => new CalibrationMember(m)));
        ConvenedOn = today;
        State = CalibrationState.Convened;
        return null;
    }

    /// <summary>
    /// The session: the evaluator's justification, the servant's objection (written or oral), the
    /// members' arguments and the vote on a proposed score; the engine adopts or upholds the score
    /// and the sheet carries the calibrated one. Closes the session: a second vote is refused.
    /// </summary>
    public Refusal? Decide(
        PackVersion version, Actor actor, RatingSheet sheet, string? justification, string? objectionForm, string? objection,
        string? arguments, decimal proposed, int votesFor, int votesAgainst, DateOnly today)
    {
        if (!actor.Hr)
        {
            return WorkflowRefusals.NotAllowed("record the calibration session (HR organises it)");
        }

        if (State is CalibrationState.Closed or CalibrationState.ProtocolPosted)
        {
            return Refusal.Of(
                "calibration-session-closed",
                $"Калибрлеу сессиясы {WorkflowRefusals.Iso(SessionOn!.Value)} жабылды: дауыс беру мүмкін емес",
                $"Калибровочная сессия закрыта {WorkflowRefusals.Iso(SessionOn!.Value)}: голосование невозможно",
                $"The calibration session closed on {WorkflowRefusals.Iso(SessionOn!.Value)}: no more votes");
        }

        if (State != CalibrationState.Convened)
        {
            return WorkflowRefusals.WrongState("vote", KindIds.Id(State));
        }

        if (sheet.Id != SheetId)
        {
            return Refusals.InvalidInput($"the sheet is not the one of this application");
        }

        if (objectionForm is not ("written" or "oral"))
        {
            return Refusals.InvalidInput($"the objection is 'written' or 'oral', found '{objectionForm}'");
        }

        var error = WorkflowRefusals.Text("justification", justification, required: true)
            ?? WorkflowRefusals.Text("objection", objection, required: true)
            ?? WorkflowRefusals.Text("arguments", arguments, required: false);
        if (error is not null)
        {
            return error;
        }

        var original = sheet.FinalScore ?? 0m;
        var decided = CalibrationVoteDecision.Decide(version, original, proposed, votesFor, votesAgainst, _members.Count);
        if (decided.IsRefused)
        {
            return decided.Refusal;
        }

        EvaluatorJustification = justification!.Trim();
        ObjectionForm = objectionForm;
        Objection = objection!.Trim();
        MembersArguments = arguments?.Trim();
        OriginalScore = original;
        ProposedScore = proposed;
        VotesFor = votesFor;
        VotesAgainst = votesAgainst;
        Outcome = decided.Answer!.Decision;
        FinalScore = decided.Answer.Score;
        FinalGrade = decided.Answer.Grade;
        OutcomeClause = decided.Provenance!.Clause;
        SessionOn = today;
        State = CalibrationState.Closed;
        if (Outcome == "changed")
        {
            sheet.Calibrate(decided.Answer.Score, decided.Answer.Grade, OutcomeClause);
        }

        return null;
    }

    /// <summary>
    /// HR posts the signed protocol in the system; the calibration-protocol deadline is recorded
    /// (a late posting is shown as late, not refused: the servant must still get the protocol).
    /// </summary>
    public Refusal? PostProtocol(PackVersion version, KzCalendar calendar, Actor actor, DateOnly today)
    {
        if (!actor.Hr)
        {
            return WorkflowRefusals.NotAllowed("post the protocol (HR)");
        }

        if (State != CalibrationState.Closed)
        {
            return WorkflowRefusals.WrongState("post the protocol", KindIds.Id(State));
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
