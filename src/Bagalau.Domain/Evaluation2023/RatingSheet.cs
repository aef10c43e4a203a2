using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

public enum SheetState
{
    /// <summary>Eligibility said "no" (under one month, under 15 working days...): no sheet to fill.</summary>
    NotEvaluated,
    Open,
    Submitted,
}

/// <summary>One parameter's score on a submitted sheet, with the evaluator's optional comment.</summary>
public sealed class SheetScore
{
    private SheetScore()
    {
        ParameterId = Comment = string.Empty;
    }

    internal SheetScore(string parameterId, decimal score, string? comment)
    {
        ParameterId = parameterId;
        Score = score;
        Comment = comment?.Trim() ?? string.Empty;
    }

    public string ParameterId { get; private set; }

    public decimal Score { get; private set; }

    public string Comment { get; private set; }
}

/// <summary>
/// A servant's rating sheet for one quarter (nhrc Appendices 1-2, oskemen 31-32): who is
/// evaluated and how (engine <c>eligibility</c>), on which form and by whom
/// (<see cref="SheetAssignmentRule"/>), the scores 0-5 with comments, the result and grade from
/// the engine's <c>quarter-score</c> (with the sanction cap), signed and submitted once; later
/// the acquaintance, a calibrated final score and the feedback meeting.
/// </summary>
public sealed class RatingSheet : OrganisationEntity
{
    private readonly List<SheetScore> _scores = [];

    private RatingSheet()
    {
        FormId = Participation = EligibilityReason = EligibilityClause = AssignmentClause = DueClause = string.Empty;
    }

    private RatingSheet(Guid stateBodyId)
        : base(stateBodyId)
    {
        FormId = Participation = EligibilityReason = EligibilityClause = AssignmentClause = DueClause = string.Empty;
    }

    public Guid RoundId { get; private set; }

    public Guid ServantId { get; private set; }

    public string FormId { get; private set; }

    /// <summary>Engine eligibility: yes, without-participation (dismissed/absent) or no.</summary>
    public string Participation { get; private set; }

    public string EligibilityReason { get; private set; }

    public string EligibilityClause { get; private set; }

    public Guid? EvaluatorId { get; private set; }

    public string AssignmentClause { get; private set; }

    /// <summary>nhrc 3: the person acting for an absent evaluator.</summary>
    public Guid? SubstituteId { get; private set; }

    /// <summary>nhrc 17: a servant the evaluator designated (more than twenty evaluatees).</summary>
    public Guid? DelegateId { get; private set; }

    public DateOnly Due { get; private set; }

    public string DueClause { get; private set; }

    public SheetState State { get; private set; }

    public IReadOnlyList<SheetScore> Scores => _scores;

    public decimal? Average { get; private set; }

    public decimal? Score { get; private set; }

    public string? Grade { get; private set; }

    /// <summary>The sanction kind whose cap lowered the score (nhrc parameter 5), if any.</summary>
    public string? CappedBy { get; private set; }

    public string? ResultClause { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    public string? SubmittedBy { get; private set; }

    public DateOnly? AcknowledgedOn { get; private set; }

    /// <summary>oskemen 11, nhrc 9: how HR notified a servant evaluated without participation.</summary>
    public NotificationChannel? NotificationChannel { get; private set; }

    public DateOnly? NotifiedOn { get; private set; }

    public string? NotifiedBy { get; private set; }

    /// <summary>The day the servant counts as acquainted: acknowledged in Bagalau or notified by HR.</summary>
    public DateOnly? AcquaintedOn => AcknowledgedOn ?? NotifiedOn;

    /// <summary>Submitted and neither acknowledged nor notified yet.</summary>
    public bool AwaitsAcquaintance => State == SheetState.Submitted && AcquaintedOn is null;

    /// <summary>The score adopted by a calibration session that changed it (oskemen 41, nhrc 22).</summary>
    public decimal? CalibratedScore { get; private set; }

    public string? CalibratedGrade { get; private set; }

    public string? CalibrationClause { get; private set; }

    public string? FeedbackAchievements { get; private set; }

    public string? FeedbackSkills { get; private set; }

    public string? FeedbackPotential { get; private set; }

    public DateOnly? FeedbackOn { get; private set; }

    /// <summary>The score that counts: the calibrated one when a session changed it.</summary>
    public decimal? FinalScore => CalibratedScore ?? Score;

    public string? FinalGrade => CalibratedGrade ?? Grade;

    /// <summary>Who fills the sheet now: the substitute, else the designated servant, else the evaluator.</summary>
    public Guid? CurrentEvaluatorId => SubstituteId ?? DelegateId ?? EvaluatorId;

    /// <summary>The evaluator, their substitute or the designated servant.</summary>
    public bool IsEvaluator(Guid servantId) => servantId == EvaluatorId || servantId == SubstituteId || servantId == DelegateId;

    /// <summary>Creates the sheet of one servant from the engine's eligibility answer and the assignment.</summary>
    public static Outcome<RatingSheet> Create(QuarterRound round, Guid servantId, Decided<EligibilityAnswer> eligibility, Outcome<SheetAssignment>? assignment)
    {
        if (eligibility.IsRefused)
        {
            return eligibility.Refusal!;
        }

        var answer = eligibility.Answer!;
        var sheet = new RatingSheet(round.StateBodyId)
        {
            RoundId = round.Id,
            ServantId = servantId,
            Participation = answer.Evaluate,
            EligibilityReason = answer.Reason,
            EligibilityClause = eligibility.Provenance!.Clause ?? string.Empty,
            Due = round.Due,
            DueClause = round.DueClause,
            State = answer.Evaluate == "no" ? SheetState.NotEvaluated : SheetState.Open,
        };
        if (sheet.State == SheetState.Open)
        {
            if (assignment is null || assignment.IsRefused)
            {
                return assignment?.Refusal ?? Refusals.InvalidInput(
                    $"қызметшіге бағалау парағының нысаны белгіленбеген",
                    $"служащему не назначена форма оценочного листа",
                    $"no form assignment");
            }

            sheet.FormId = assignment.Value!.FormId;
            sheet.EvaluatorId = assignment.Value.EvaluatorId;
            sheet.AssignmentClause = assignment.Value.Clause;
        }

        return Outcome<RatingSheet>.Ok(sheet);
    }

    /// <summary>HR names the evaluator of a sheet the organisation gave none (no direct supervisor, no unit head).</summary>
    public Refusal? AssignEvaluator(Actor actor, Guid evaluatorId)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.NameEvaluator, ActorNames.Hr);
        }

        if (State != SheetState.Open || EvaluatorId is not null)
        {
            return WorkflowRefusals.WrongState(Actions.NameEvaluator, EvaluatorId is null ? StateNames.Of(State) : StateNames.HasEvaluator);
        }

        if (evaluatorId == ServantId)
        {
            return Refusals.InvalidInput(
                $"қызметші өзін-өзі бағалай алмайды",
                $"служащий не может оценивать сам себя",
                $"a servant cannot evaluate themselves");
        }

        EvaluatorId = evaluatorId;
        AssignmentClause = "hr";
        return null;
    }

    /// <summary>nhrc 17: the evaluator hands this sheet to a servant they designate (more than twenty evaluatees).</summary>
    public Refusal? Delegate(PackVersion version, Actor actor, Guid designatedId, int evaluatorsEvaluatees)
    {
        if (State != SheetState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.DesignateEvaluator, State);
        }

        if (EvaluatorId is not { } evaluator || !actor.Is(evaluator))
        {
            return WorkflowRefusals.NotAllowed(Actions.DesignateEvaluator, ActorNames.Evaluator);
        }

        if (designatedId == ServantId || designatedId == evaluator)
        {
            return Refusals.InvalidInput(
                $"бағалау тапсырылатын қызметші бағаланатын адам да, бағалаушы да бола алмайды",
                $"назначаемый служащий не может быть ни оцениваемым, ни оценивающим",
                $"the designated servant must be someone other than the evaluated person and the evaluator");
        }

        var refusal = DelegationRule.Check(version, evaluatorsEvaluatees);
        if (refusal is not null)
        {
            return refusal;
        }

        DelegateId = designatedId;
        return null;
    }

    /// <summary>nhrc 3: HR names the person acting for an evaluator absent on the evaluation day.</summary>
    public Refusal? AssignSubstitute(PackVersion version, Actor actor, Guid substituteId, bool evaluatorAbsent)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.NameSubstitute, ActorNames.Hr);
        }

        if (State != SheetState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.NameSubstitute, State);
        }

        if (substituteId == ServantId)
        {
            return Refusals.InvalidInput(
                $"қызметші өзін-өзі бағалай алмайды",
                $"служащий не может оценивать сам себя",
                $"a servant cannot evaluate themselves");
        }

        var refusal = SubstituteRule.Check(version, evaluatorAbsent);
        if (refusal is not null)
        {
            return refusal;
        }

        SubstituteId = substituteId;
        return null;
    }

    /// <summary>
    /// The evaluator saves the scores and comments typed so far without signing (a draft): any
    /// subset of parameters on the scale (<see cref="DraftScoresRule"/>); refused once submitted.
    /// Only the evaluator sees a draft's scores until submission.
    /// </summary>
    public Refusal? SaveDraft(PackVersion version, Actor actor, IReadOnlyDictionary<string, decimal> scores, IReadOnlyDictionary<string, string?> comments)
    {
        if (State == SheetState.Submitted)
        {
            return AlreadySubmitted();
        }

        if (State != SheetState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.SaveDraft, State);
        }

        if (actor.ServantId is not { } who || who != CurrentEvaluatorId)
        {
            return WorkflowRefusals.NotAllowed(Actions.FillSheet, ActorNames.Evaluator);
        }

        if ((CheckComments(scores, comments) ?? DraftScoresRule.Check(version, FormId, scores)) is { } refusal)
        {
            return refusal;
        }

        var form = version.Rules.Form(FormId)!;
        _scores.Clear();
        foreach (var parameter in form.Parameters.Where(p => scores.ContainsKey(p.Id)))
        {
            _scores.Add(new SheetScore(parameter.Id, scores[parameter.Id], comments.GetValueOrDefault(parameter.Id)));
        }

        return null;
    }

    /// <summary>The scores on the sheet may be read by this actor: always once submitted, only by the evaluator while a draft.</summary>
    public bool ShowsScoresTo(Actor actor) =>
        State == SheetState.Submitted || (actor.ServantId is { } who && who == CurrentEvaluatorId);

    /// <summary>
    /// Signs and submits the sheet once: every parameter scored (engine quarter-score refuses a
    /// missing one, a score outside 0-5, an unknown parameter), sanctions of the quarter cap the
    /// result; comments optional.
    /// </summary>
    public Refusal? Submit(
        PackVersion version, Period quarter, Actor actor, IReadOnlyDictionary<string, decimal> scores,
        IReadOnlyDictionary<string, string?> comments, IReadOnlyList<Decisions.Sanction> sanctions, DateOnly today)
    {
        if (State == SheetState.Submitted)
        {
            return AlreadySubmitted();
        }

        if (State != SheetState.Open)
        {
            return WorkflowRefusals.WrongState(Actions.Submit, State);
        }

        if (actor.ServantId is not { } who || who != CurrentEvaluatorId)
        {
            return WorkflowRefusals.NotAllowed(Actions.FillSheet, ActorNames.Evaluator);
        }

        if (CheckComments(scores, comments) is { } badComment)
        {
            return badComment;
        }

        var decided = QuarterScoreDecision.Decide(version, FormId, quarter, scores, sanctions);
        if (decided.IsRefused)
        {
            return decided.Refusal;
        }

        var form = version.Rules.Form(FormId)!;
        _scores.Clear();
        foreach (var parameter in form.Parameters)
        {
            _scores.Add(new SheetScore(parameter.Id, scores[parameter.Id], comments.GetValueOrDefault(parameter.Id)));
        }

        var answer = decided.Answer!;
        Average = answer.Average;
        Score = answer.Score;
        Grade = answer.Grade;
        CappedBy = answer.CappedBy;
        ResultClause = decided.Provenance!.Clause;
        State = SheetState.Submitted;
        SubmittedOn = today;
        SubmittedBy = actor.UserId;
        return null;
    }

    private Refusal AlreadySubmitted() => Refusal.Of(
        RefusalKind.Conflict,
        "sheet-already-submitted",
        $"Бағалау парағы {WorkflowRefusals.Day(SubmittedOn!.Value)} қол қойылып жіберілген: қайта жіберуге болмайды",
        $"Оценочный лист подписан и отправлен {WorkflowRefusals.Day(SubmittedOn!.Value)}: повторная отправка невозможна",
        $"The sheet was signed and submitted on {WorkflowRefusals.Day(SubmittedOn!.Value)}: it cannot be submitted again");

    private static Refusal? CheckComments(IReadOnlyDictionary<string, decimal> scores, IReadOnlyDictionary<string, string?> comments)
    {
        foreach (var (key, comment) in comments)
        {
            if (!scores.ContainsKey(key))
            {
                return Refusals.InvalidInput(
                    $"балл қойылмаған «{key}» параметріне түсініктеме жазылған",
                    $"комментарий к параметру «{key}», по которому не выставлен балл",
                    $"a comment for '{key}', which has no score");
            }

            if (WorkflowRefusals.Text(Fields.Comment, comment, required: false) is { } bad)
            {
                return bad;
            }
        }

        return null;
    }

    /// <summary>
    /// At the quarter's close the engine decides the result again from the signed scores and the
    /// sanctions known then (nhrc parameter 5, oskemen 31-32: a sanction of the quarter caps the
    /// score even when it was registered after the sheet was signed). True when the result changed.
    /// </summary>
    public bool ConfirmResult(Decided<QuarterScoreAnswer> decided)
    {
        if (State != SheetState.Submitted || decided.IsRefused)
        {
            return false;
        }

        var answer = decided.Answer!;
        if (!DiffersFrom(answer))
        {
            return false;
        }

        Average = answer.Average;
        Score = answer.Score;
        Grade = answer.Grade;
        CappedBy = answer.CappedBy;
        ResultClause = decided.Provenance!.Clause;
        return true;
    }

    /// <summary>Whether the engine's answer differs from the result on the sheet.</summary>
    public bool DiffersFrom(QuarterScoreAnswer answer) =>
        State == SheetState.Submitted && (answer.Average != Average || answer.Score != Score || answer.Grade != Grade || answer.CappedBy != CappedBy);

    /// <summary>The servant acknowledges the result they saw (oskemen 11, nhrc 9).</summary>
    public Refusal? Acknowledge(Actor actor, DateOnly today)
    {
        if (!actor.Is(ServantId))
        {
            return WorkflowRefusals.NotAllowed(Actions.Acknowledge, ActorNames.Servant);
        }

        if (State != SheetState.Submitted || AcquaintedOn is not null)
        {
            return WorkflowRefusals.WrongState(Actions.Acknowledge, AcquaintedOn is null ? StateNames.Of(State) : StateNames.Of(AcknowledgedOn is null ? AcquaintanceState.Notified : AcquaintanceState.Acknowledged));
        }

        AcknowledgedOn = today;
        return null;
    }

    /// <summary>
    /// HR records that a servant evaluated without participation (dismissed or absent) was told
    /// the result by a recorded means on a date (oskemen 11, nhrc 9); the result then counts as
    /// acquainted on that date. Once only.
    /// </summary>
    public Refusal? RecordNotification(Actor actor, NotificationChannel channel, DateOnly notifiedOn, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.Notify, ActorNames.Hr);
        }

        if (State != SheetState.Submitted || AcquaintedOn is not null)
        {
            return WorkflowRefusals.WrongState(Actions.Notify, AcquaintedOn is null ? StateNames.Of(State) : StateNames.Of(NotifiedOn is null ? AcquaintanceState.Acknowledged : AcquaintanceState.Notified));
        }

        var refusal = NotificationRule.Check(Participation, channel, SubmittedOn!.Value, notifiedOn, today);
        if (refusal is not null)
        {
            return refusal;
        }

        NotificationChannel = channel;
        NotifiedOn = notifiedOn;
        NotifiedBy = actor.UserId;
        return null;
    }

    /// <summary>A calibration session adopted another score (oskemen 41, nhrc 22).</summary>
    internal void Calibrate(decimal score, string grade, string? clause)
    {
        CalibratedScore = score;
        CalibratedGrade = grade;
        CalibrationClause = clause;
    }

    /// <summary>oskemen 42, nhrc 23: the evaluator's feedback meeting with the servant.</summary>
    public Refusal? RecordFeedback(Actor actor, string? achievements, string? skills, string? potential, DateOnly today)
    {
        if (actor.ServantId is not { } who || !IsEvaluator(who))
        {
            return WorkflowRefusals.NotAllowed(Actions.RecordFeedback, ActorNames.Evaluator);
        }

        if (State != SheetState.Submitted)
        {
            return WorkflowRefusals.WrongState(Actions.RecordFeedback, State);
        }

        var error = WorkflowRefusals.Text(Fields.Achievements, achievements, required: true)
            ?? WorkflowRefusals.Text(Fields.Skills, skills, required: true)
            ?? WorkflowRefusals.Text(Fields.Potential, potential, required: true);
        if (error is not null)
        {
            return error;
        }

        FeedbackAchievements = achievements!.Trim();
        FeedbackSkills = skills!.Trim();
        FeedbackPotential = potential!.Trim();
        FeedbackOn = today;
        return null;
    }
}
