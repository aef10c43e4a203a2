using Bagalau.Domain.Calendar;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

public enum KtiPlanState
{
    /// <summary>The evaluator and HR write the KTIs (clause 22).</summary>
    Draft,

    /// <summary>Agreed with HR: frozen (clause 25 allows changes only when functions or structure change).</summary>
    Agreed,

    /// <summary>HR entered the pre-computed actual values (clause 22).</summary>
    ActualsEntered,

    /// <summary>The evaluator scored each KTI (clause 27).</summary>
    Scored,
}

/// <summary>One KTI of the head's individual work plan, with HR's actual value and the evaluator's score.</summary>
public sealed class KtiItem
{
    private KtiItem()
    {
        Name = Unit = Planned = Result = string.Empty;
    }

    internal KtiItem(int number, KpiEntry entry)
    {
        Number = number;
        Name = entry.Name!.Trim();
        Unit = entry.Unit!.Trim();
        Planned = entry.Planned!.Trim();
        Due = entry.Due!.Value;
        Result = entry.Result!.Trim();
    }

    public int Number { get; private set; }

    public string Name { get; private set; }

    public string Unit { get; private set; }

    public string Planned { get; private set; }

    public DateOnly Due { get; private set; }

    /// <summary>The expected result by the end of the period (clause 23).</summary>
    public string Result { get; private set; }

    /// <summary>HR's pre-computed actual value (clause 22).</summary>
    public string? Actual { get; private set; }

    /// <summary>The percentage of achievement the permitted-score table is read with (clause 27).</summary>
    public decimal? AchievementPercent { get; private set; }

    public decimal? Score { get; private set; }

    public string? Comment { get; private set; }

    internal void SetActual(string actual, decimal? percent)
    {
        Actual = actual.Trim();
        AchievementPercent = percent;
    }

    internal void SetScore(decimal score, string? comment)
    {
        Score = score;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }
}

/// <summary>HR's actual value for KTI number <paramref name="Number"/>.</summary>
public sealed record KtiActualInput(int Number, string? Actual, decimal? AchievementPercent);

/// <summary>The evaluator's score for KTI number <paramref name="Number"/>.</summary>
public sealed record KtiScoreEntry(int Number, decimal Score, string? Comment);

/// <summary>
/// The individual work plan of a head with KTIs (oskemen chapter 2) for one quarter round: 3-5
/// KTIs set within ten working days of the period start or the appointment (22, 23), agreed with
/// HR and then frozen (25); HR pre-computes the actual values no later than five working days
/// before the last evaluation day (22); the evaluator scores each KTI 0-5 (27), with the body's
/// permitted-score table when HR entered one. The result comes from the engine's kti-score.
/// </summary>
public sealed class KtiPlan : OrganisationEntity
{
    private readonly List<KtiItem> _items = [];

    private KtiPlan()
    {
        PackId = VersionId = Participation = EligibilityReason = EligibilityClause = PlanDueClause = ActualsDueClause = TimingReason = OpenedBy = string.Empty;
    }

    private KtiPlan(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = VersionId = Participation = EligibilityReason = EligibilityClause = PlanDueClause = ActualsDueClause = TimingReason = OpenedBy = string.Empty;
    }

    public Guid RoundId { get; private set; }

    /// <summary>The head whose KTIs these are.</summary>
    public Guid ServantId { get; private set; }

    public Guid EvaluatorId { get; private set; }

    public string PackId { get; private set; }

    /// <summary>The round's version: the one in force on the evaluation day.</summary>
    public string VersionId { get; private set; }

    public int Year { get; private set; }

    public int Quarter { get; private set; }

    /// <summary>Engine eligibility under <see cref="VersionId"/>: yes or without-participation.</summary>
    public string Participation { get; private set; }

    public string EligibilityReason { get; private set; }

    public string EligibilityClause { get; private set; }

    /// <summary>period-start or appointment: what the ten working days count from.</summary>
    public string TimingReason { get; private set; }

    public DateOnly PlanDue { get; private set; }

    public string PlanDueClause { get; private set; }

    public DateOnly ActualsDue { get; private set; }

    public string ActualsDueClause { get; private set; }

    public KtiPlanState State { get; private set; }

    public IReadOnlyList<KtiItem> Items => _items;

    public string OpenedBy { get; private set; }

    /// <summary>How many times the KTIs were written: a change of the list alone still moves the version token.</summary>
    public int Edits { get; private set; }

    public DateOnly? AgreedOn { get; private set; }

    public string? AgreedBy { get; private set; }

    /// <summary>Agreed after <see cref="PlanDue"/>: the act sets the term without a consequence, so the plan is accepted and flagged.</summary>
    public bool SetLate { get; private set; }

    public DateOnly? ActualsOn { get; private set; }

    public string? ActualsBy { get; private set; }

    public bool ActualsLate { get; private set; }

    public decimal? Score { get; private set; }

    public string? Grade { get; private set; }

    public string? ResultClause { get; private set; }

    /// <summary>The permitted-score table revision the scores were checked against (null: only the 0-5 scale).</summary>
    public int? TableRevision { get; private set; }

    public DateOnly? ScoredOn { get; private set; }

    public Period Period => Decisions.Period.OfQuarter(Year, Quarter);

    public bool IsEvaluator(Guid servantId) => EvaluatorId == servantId;

    /// <summary>The plan itself: HR (who agrees it and enters the actual values), the evaluator and the head.</summary>
    public bool CanOpen(Actor actor) => actor.IsHr || actor.Is(ServantId) || actor.Is(EvaluatorId);

    /// <summary>Clauses 15, 20: the result is known only to the evaluated head, the evaluator and the head of HR.</summary>
    public bool CanSeeResult(Actor actor) => actor.IsHrHead || actor.Is(ServantId) || actor.Is(EvaluatorId);

    /// <summary>
    /// HR opens the plan of a head for an approved or scheduled round, naming the evaluator.
    /// Refused when the engine says the head is not evaluated (5) or needs no KTIs (22).
    /// </summary>
    public static Outcome<KtiPlan> Open(
        QuarterRound round, PackVersion version, Guid servantId, Guid evaluatorId, Actor actor,
        Decided<EligibilityAnswer> eligibility, Decided<KtiPlanTimingAnswer> timing, KzCalendar calendar)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.OpenKtiPlan, ActorNames.Hr);
        }

        if (servantId == evaluatorId)
        {
            return Refusal.Of(
                "evaluator-is-head",
                $"Басшы өз ТНИ-ін бағаламайды (2.3-тармақ)",
                $"Руководитель не оценивает свои КЦИ (пункт 2.3)",
                $"The head cannot be the evaluator of their own KTIs (clause 2.3)");
        }

        if (eligibility.IsRefused)
        {
            return eligibility.Refusal!;
        }

        if (eligibility.Answer!.Evaluate == "no")
        {
            var clause = eligibility.Provenance!.Clause;
            return Refusal.Of(
                "not-evaluated",
                $"Басшы бұл кезеңде бағаланбайды: {ReasonKk(eligibility.Answer.Reason)} ({clause}-тармақ)",
                $"Руководитель не оценивается в этом периоде: {ReasonRu(eligibility.Answer.Reason)} (пункт {clause})",
                $"The head is not evaluated in this period: {eligibility.Answer.Reason} (clause {clause})");
        }

        if (timing.IsRefused)
        {
            return timing.Refusal!;
        }

        if (!timing.Answer!.Required)
        {
            return NotRequired(timing.Answer.From, round.Period);
        }

        var actuals = DeadlineDecision.Decide(version, "kti-actuals", round.Due, calendar);
        if (actuals.IsRefused)
        {
            return actuals.Refusal!;
        }

        return Outcome<KtiPlan>.Ok(new KtiPlan(round.StateBodyId)
        {
            RoundId = round.Id,
            ServantId = servantId,
            EvaluatorId = evaluatorId,
            PackId = round.PackId,
            VersionId = version.Id,
            Year = round.Year,
            Quarter = round.Quarter,
            Participation = eligibility.Answer.Evaluate,
            EligibilityReason = eligibility.Answer.Reason,
            EligibilityClause = eligibility.Provenance!.Clause ?? string.Empty,
            TimingReason = timing.Answer.Reason,
            PlanDue = timing.Answer.Due!.Value,
            PlanDueClause = timing.Provenance!.Clause ?? string.Empty,
            ActualsDue = actuals.Answer!.Due,
            ActualsDueClause = actuals.Provenance!.Clause ?? string.Empty,
            State = KtiPlanState.Draft,
            OpenedBy = actor.UserId,
        });
    }

    /// <summary>Clause 22: no KTIs when under three months remain from the appointment to the period's end.</summary>
    public static Refusal NotRequired(DateOnly appointed, Period period) => Refusal.Of(
        "kti-not-required",
        $"{WorkflowRefusals.Day(appointed)} тағайындалған күннен бастап {period} кезеңі аяқталғанға дейін үш айдан кем: ТНИ белгіленбейді ({KtiPlanTimingRule.Clause}-тармақ)",
        $"С назначения {WorkflowRefusals.Day(appointed)} до конца периода {period} меньше трёх месяцев: КЦИ не устанавливаются (пункт {KtiPlanTimingRule.Clause})",
        $"Less than three months from the appointment on {WorkflowRefusals.Day(appointed)} to the end of {period}: no KTIs are set (clause {KtiPlanTimingRule.Clause})");

    /// <summary>The evaluator or HR writes the KTIs; the engine's kpi-plan (23-24) must accept them.</summary>
    public Refusal? SetKtis(PackVersion version, Actor actor, IReadOnlyList<KpiEntry> ktis)
    {
        if (!actor.IsHr && !(actor.ServantId is { } me && IsEvaluator(me)))
        {
            return WorkflowRefusals.NotAllowed(Actions.WriteKtis, ActorNames.EvaluatorOrHr);
        }

        if (State != KtiPlanState.Draft)
        {
            return Frozen();
        }

        foreach (var k in ktis)
        {
            foreach (var (field, value) in new[] { (Fields.KtiName, k.Name), (Fields.KtiUnit, k.Unit), (Fields.KtiPlanned, k.Planned), (Fields.KtiResult, k.Result) })
            {
                if (value is not null && value.Trim().Length > TextRules.MaxNameLength)
                {
                    return WorkflowRefusals.TooLong(field, TextRules.MaxNameLength);
                }
            }
        }

        var decided = KpiPlanDecision.Decide(version, Period, ktis);
        if (decided.IsRefused)
        {
            return decided.Refusal;
        }

        if (!decided.Answer!.Valid)
        {
            var errors = KpiPlanErrors.Describe(decided.Answer.Errors);
            var clause = decided.Provenance!.Clause;
            return Refusal.Of(
                "kti-plan-invalid",
                $"ТНИ жоспары қабылданбады: {errors.Kk} (3-тен 5-ке дейін ТНИ, әр жолы толық, мерзімі кезең ішінде; {clause}-тармақ)",
                $"План КЦИ не принят: {errors.Ru} (от 3 до 5 КЦИ, все поля, срок в пределах периода; пункт {clause})",
                $"The KTI plan is not acceptable: {errors.En} (3 to 5 KTIs, every field, due within the period; clause {clause})");
        }

        _items.Clear();
        for (var i = 0; i < ktis.Count; i++)
        {
            _items.Add(new KtiItem(i + 1, ktis[i]));
        }

        Edits++;

        return null;
    }

    /// <summary>HR agrees the plan (22): it is frozen from now on; a plan agreed after the ten working days is flagged, not refused.</summary>
    public Refusal? Agree(Actor actor, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.AgreeKtiPlan, ActorNames.Hr);
        }

        if (State != KtiPlanState.Draft)
        {
            return WorkflowRefusals.WrongState(Actions.Agree, State);
        }

        if (_items.Count == 0)
        {
            return WorkflowRefusals.Required(Fields.Ktis);
        }

        State = KtiPlanState.Agreed;
        AgreedOn = today;
        AgreedBy = actor.UserId;
        SetLate = today > PlanDue;
        return null;
    }

    /// <summary>HR enters the pre-computed actual value of every KTI (22); correctable until the evaluator scores.</summary>
    public Refusal? EnterActuals(Actor actor, IReadOnlyList<KtiActualInput> actuals, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.EnterActuals, ActorNames.Hr);
        }

        if (State is not (KtiPlanState.Agreed or KtiPlanState.ActualsEntered))
        {
            return WorkflowRefusals.WrongState(Actions.EnterActuals, State);
        }

        var byNumber = new Dictionary<int, KtiActualInput>();
        foreach (var a in actuals)
        {
            if (!byNumber.TryAdd(a.Number, a) || _items.All(i => i.Number != a.Number))
            {
                return Refusals.InvalidInput(
                    $"№ {a.Number} ТНИ белгісіз немесе екі рет берілген",
                    $"КЦИ № {a.Number} неизвестен или указан дважды",
                    $"KTI number {a.Number} is unknown or given twice");
            }
        }

        foreach (var item in _items)
        {
            if (!byNumber.TryGetValue(item.Number, out var a) || string.IsNullOrWhiteSpace(a.Actual))
            {
                return WorkflowRefusals.Required(Fields.Numbered(item.Number, item.Name));
            }

            if (a.Actual.Trim().Length > TextRules.MaxNameLength)
            {
                return WorkflowRefusals.TooLong(Fields.Numbered(item.Number, item.Name), TextRules.MaxNameLength);
            }

            if (a.AchievementPercent is { } p && (p < 0 || p > PermittedScoreTableRule.MaxPercent))
            {
                return Refusals.InvalidInput(
                    $"№ {item.Number} ТНИ-дің орындалу пайызы ({TreeValues.Format(p)}%) 0–{TreeValues.Format(PermittedScoreTableRule.MaxPercent)} аралығынан тыс",
                    $"процент исполнения КЦИ № {item.Number} ({TreeValues.Format(p)}%) вне диапазона 0–{TreeValues.Format(PermittedScoreTableRule.MaxPercent)}",
                    $"achievement {TreeValues.Format(p)}% of KTI {item.Number} is outside 0-{TreeValues.Format(PermittedScoreTableRule.MaxPercent)}");
            }
        }

        foreach (var item in _items)
        {
            var a = byNumber[item.Number];
            item.SetActual(a.Actual!, a.AchievementPercent);
        }

        State = KtiPlanState.ActualsEntered;
        ActualsOn = today;
        ActualsBy = actor.UserId;
        ActualsLate = today > ActualsDue;
        return null;
    }

    /// <summary>The engine's kti-score on the given scores: what the result would be (nothing changes).</summary>
    public Decided<KtiScoreAnswer> Preview(PackVersion version, IReadOnlyList<KtiScoreEntry> scores, IReadOnlyList<PermittedScoreRow>? table) =>
        Inputs(scores) is { } inputs ? KtiScoreDecision.Decide(version, inputs, table) : MissingScores();

    /// <summary>The evaluator scores each KTI (27); the engine checks the scale and the permitted-score table and gives the result.</summary>
    public Refusal? ScoreKtis(PackVersion version, Actor actor, IReadOnlyList<KtiScoreEntry> scores, IReadOnlyList<PermittedScoreRow>? table, int? tableRevision, DateOnly today)
    {
        if (!(actor.ServantId is { } me && IsEvaluator(me)))
        {
            return WorkflowRefusals.NotAllowed(Actions.ScoreKtis, ActorNames.Evaluator);
        }

        if (State != KtiPlanState.ActualsEntered)
        {
            return WorkflowRefusals.WrongState(Actions.ScoreKtis, State);
        }

        foreach (var s in scores)
        {
            if (WorkflowRefusals.Text(Fields.Comment, s.Comment, required: false) is { } bad)
            {
                return bad;
            }
        }

        var decided = Preview(version, scores, table);
        if (decided.IsRefused)
        {
            return decided.Refusal;
        }

        foreach (var item in _items)
        {
            var s = scores.First(x => x.Number == item.Number);
            item.SetScore(s.Score, s.Comment);
        }

        State = KtiPlanState.Scored;
        Score = decided.Answer!.Score;
        Grade = decided.Answer.Grade;
        ResultClause = decided.Provenance!.Clause;
        TableRevision = decided.Answer.TableApplied ? tableRevision : null;
        ScoredOn = today;
        return null;
    }

    private List<KtiScoreInput>? Inputs(IReadOnlyList<KtiScoreEntry> scores)
    {
        if (scores.Select(s => s.Number).Distinct().Count() != scores.Count || scores.Count != _items.Count)
        {
            return null;
        }

        var inputs = new List<KtiScoreInput>();
        foreach (var item in _items)
        {
            if (scores.FirstOrDefault(s => s.Number == item.Number) is not { } s)
            {
                return null;
            }

            inputs.Add(new KtiScoreInput($"{item.Number}. {item.Name}", s.Score, item.AchievementPercent));
        }

        return inputs;
    }

    private static Refusal MissingScores() => Refusal.Of(
        "score-missing",
        $"Әр ТНИ-ге бір баға қойыңыз",
        $"Выставьте одну оценку каждому КЦИ",
        $"Give exactly one score to every KTI");

    private static Refusal Frozen() => Refusal.Of(
        RefusalKind.Conflict,
        "kti-plan-frozen",
        $"Келісілген ТНИ өзгертілмейді (25-тармақ: тек мемлекеттік органның функциялары мен құрылымы өзгергенде)",
        $"Согласованные КЦИ не меняются (пункт 25: только при изменении функций и структуры госоргана)",
        $"Agreed KTIs are frozen (clause 25: changed only when the body's functions or structure change)");

    /// <summary>Why eligibility says "no", in Kazakh; a reason id the pack names otherwise is shown as it is, in quotes.</summary>
    private static string ReasonKk(string reason) => reason switch
    {
        "tenure-under-1-month" => "лауазымда бір айдан аз",
        "tenure-under-3-months" => "лауазымда үш айдан аз",
        "under-15-working-days" => "кезеңде 15 жұмыс күнінен аз",
        "probation" => "сынақ мерзімінде",
        _ => "«" + reason + "»",
    };

    /// <summary>Why eligibility says "no", in Russian; a reason id the pack names otherwise is shown as it is, in quotes.</summary>
    private static string ReasonRu(string reason) => reason switch
    {
        "tenure-under-1-month" => "менее одного месяца в должности",
        "tenure-under-3-months" => "менее трёх месяцев в должности",
        "under-15-working-days" => "менее 15 рабочих дней в периоде",
        "probation" => "на испытательном сроке",
        _ => "«" + reason + "»",
    };
}
