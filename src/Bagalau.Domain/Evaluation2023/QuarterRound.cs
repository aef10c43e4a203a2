using Bagalau.Domain.Calendar;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

public enum RoundState
{
    Scheduled,
    Approved,

    /// <summary>The quarter was closed: results confirmed, annual scores updated, acquaintance opened.</summary>
    Closed,
}

/// <summary>
/// One quarter's evaluation in a body (2023 family): HR schedules it in the system and the
/// official entitled to appoint and dismiss approves the schedule (oskemen 10, nhrc 8). The pack
/// version is the one in force on the evaluation day; the deadlines come from the engine.
/// </summary>
public sealed class QuarterRound : OrganisationEntity
{
    private QuarterRound()
    {
        PackId = VersionId = DueClause = ScheduledBy = string.Empty;
    }

    private QuarterRound(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = VersionId = DueClause = ScheduledBy = string.Empty;
    }

    public string PackId { get; private set; }

    /// <summary>The pack version in force on <see cref="EvaluationDate"/>.</summary>
    public string VersionId { get; private set; }

    public int Year { get; private set; }

    public int Quarter { get; private set; }

    /// <summary>The day the evaluation is held: eligibility (absent on that day) is decided for it.</summary>
    public DateOnly EvaluationDate { get; private set; }

    /// <summary>Engine <c>deadline</c> quarter-evaluation (oskemen 4: 10th, nhrc 4: 20th of the next month).</summary>
    public DateOnly Due { get; private set; }

    public string DueClause { get; private set; }

    /// <summary>oskemen 26: HR notifies the head with KTIs by the 5th of the next month (null when the pack has no such date).</summary>
    public DateOnly? NotifyBy { get; private set; }

    public RoundState State { get; private set; }

    public string ScheduledBy { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public Period Period => Decisions.Period.OfQuarter(Year, Quarter);

    /// <param name="confirmedLate">HR confirms an evaluation day after the quarter's deadline (the act's term is then missed knowingly).</param>
    public static Outcome<QuarterRound> Schedule(Guid stateBodyId, Pack pack, Period quarter, DateOnly evaluationDate, KzCalendar calendar, Actor actor, bool confirmedLate = false)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.ScheduleQuarter, ActorNames.Hr);
        }

        if (pack.Family != PackFamily.Quarterly2023)
        {
            return Refusals.InvalidInput(
                $"«{pack.Id}» әдістемесі 2023 жылғы тоқсандық бағалау үлгісіне жатпайды",
                $"методика «{pack.Id}» не относится к семейству квартальной оценки 2023 года",
                $"pack '{pack.Id}' is not of the quarterly-2023 family");
        }

        if (quarter.Kind != PeriodKind.Quarter)
        {
            return Refusals.InvalidInput(
                $"тоқсан 2026-Q1 түрінде жазылуы тиіс, берілгені: {quarter}",
                $"квартал указывается в виде 2026-Q1, получено: {quarter}",
                $"quarter must look like 2026-Q1, found {quarter}");
        }

        if (evaluationDate < quarter.Start)
        {
            return Refusals.InvalidInput(
                $"бағалау күні ({WorkflowRefusals.Day(evaluationDate)}) {quarter} тоқсаны басталғанға дейін",
                $"день оценки ({WorkflowRefusals.Day(evaluationDate)}) раньше начала квартала {quarter}",
                $"the evaluation day {WorkflowRefusals.Day(evaluationDate)} is before the quarter {quarter} starts");
        }

        var version = pack.VersionOn(evaluationDate);
        if (version is null)
        {
            return Refusals.NoVersionInForce(pack, evaluationDate);
        }

        var due = DeadlineDecision.Decide(version, "quarter-evaluation", quarter.End, calendar);
        if (due.IsRefused)
        {
            return due.Refusal!;
        }

        // The act's term (oskemen 4: the 10th, nhrc 4: the 20th of the next month) is checked where the
        // day is chosen: a later day is kept only when HR confirms it knowing the clause.
        if (evaluationDate > due.Answer!.Due && !confirmedLate)
        {
            return Refusal.Of(
                "evaluation-after-deadline",
                $"Бағалау күні ({WorkflowRefusals.Day(evaluationDate)}) {quarter} тоқсанын бағалау мерзімінен ({WorkflowRefusals.Day(due.Answer.Due)}, {due.Provenance!.Clause}-тармақ) кейін: күнді ауыстырыңыз немесе мерзімнен кейін өткізуді растаңыз",
                $"День оценки ({WorkflowRefusals.Day(evaluationDate)}) позже срока оценки квартала {quarter} ({WorkflowRefusals.Day(due.Answer.Due)}, пункт {due.Provenance!.Clause}): перенесите день или подтвердите проведение после срока",
                $"The evaluation day {WorkflowRefusals.Day(evaluationDate)} is after the quarter {quarter}'s deadline ({WorkflowRefusals.Day(due.Answer.Due)}, clause {due.Provenance!.Clause}): move the day or confirm holding it late");
        }

        var notify = version.Rules.Deadlines.ContainsKey("kti-notify")
            ? DeadlineDecision.Decide(version, "kti-notify", quarter.End, calendar).Answer?.Due
            : null;
        return Outcome<QuarterRound>.Ok(new QuarterRound(stateBodyId)
        {
            PackId = pack.Id,
            VersionId = version.Id,
            Year = quarter.Year,
            Quarter = quarter.Quarter,
            EvaluationDate = evaluationDate,
            Due = due.Answer!.Due,
            DueClause = due.Provenance!.Clause ?? string.Empty,
            NotifyBy = notify,
            State = RoundState.Scheduled,
            ScheduledBy = actor.UserId,
        });
    }

    /// <summary>oskemen 10: the schedule is approved by the official entitled to appoint and dismiss.</summary>
    public Refusal? Approve(Actor actor, DateOnly today)
    {
        if (!actor.IsAuthorized)
        {
            return WorkflowRefusals.NotAllowed(Actions.Approve, ActorNames.AuthorizedPerson);
        }

        if (State != RoundState.Scheduled)
        {
            return WorkflowRefusals.WrongState(Actions.Approve, State);
        }

        State = RoundState.Approved;
        ApprovedBy = actor.UserId;
        ApprovedOn = today;
        return null;
    }

    /// <summary>
    /// HR closes the quarter once it has ended (nhrc 4, oskemen 4: the quarter is evaluated after
    /// it ends): sheets can no longer be submitted and the quarter counts in the annual score.
    /// Closing a closed round again changes nothing.
    /// </summary>
    public Refusal? Close(Actor actor, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.CloseQuarter, ActorNames.Hr);
        }

        if (State == RoundState.Closed)
        {
            return null;
        }

        if (State != RoundState.Approved)
        {
            return WorkflowRefusals.WrongState(Actions.Close, State);
        }

        if (today <= Period.End)
        {
            return Refusal.Of(
                "quarter-not-ended",
                $"{Period} тоқсаны {WorkflowRefusals.Day(Period.End)} күні аяқталады: оны одан кейін ғана жабуға болады",
                $"Квартал {Period} заканчивается {WorkflowRefusals.Day(Period.End)}: закрыть его можно только после этого",
                $"Quarter {Period} ends on {WorkflowRefusals.Day(Period.End)}: it can only be closed after that");
        }

        State = RoundState.Closed;
        ClosedBy = actor.UserId;
        ClosedOn = today;
        return null;
    }

    /// <summary>The pack version this round runs on.</summary>
    public PackVersion VersionIn(Pack pack) => pack.Versions.First(v => v.Id == VersionId);
}
