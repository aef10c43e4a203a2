using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Tasks;

public enum EvaluationTaskStatus
{
    Open,
    Done,
}

/// <summary>What a task is about: an entity type id and its id (e.g. <c>work-plan</c>, plan id).</summary>
public sealed record TaskSubject(string Type, Guid Id);

/// <summary>Who must do a task: a servant of the body, or a user (HR, the authorized person, ...).</summary>
public sealed record TaskAssignee(Guid? ServantId, string? UserId)
{
    public static TaskAssignee Servant(Guid servantId) => new(servantId, null);

    public static TaskAssignee User(string userId) => new(null, userId);
}

/// <summary>
/// One thing a person must do in an evaluation, by a due date the engine's deadline decision
/// computed (the clause is kept with it). Overdue is not stored: it is "open and past due" on
/// the day asked about.
/// </summary>
public sealed class EvaluationTask : OrganisationEntity
{
    private EvaluationTask()
    {
        Kind = SubjectType = DeadlineId = PackId = PackVersionId = string.Empty;
    }

    private EvaluationTask(Guid stateBodyId)
        : base(stateBodyId)
    {
        Kind = SubjectType = DeadlineId = PackId = PackVersionId = string.Empty;
    }

    /// <summary>Task kind id (<see cref="TaskKinds"/>).</summary>
    public string Kind { get; private set; }

    public Guid? AssigneeServantId { get; private set; }

    public string? AssigneeUserId { get; private set; }

    /// <summary>The structural unit the work belongs to (the evaluated servant's unit), for completion by unit.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>The evaluation cycle the task belongs to, if any.</summary>
    public Guid? CycleId { get; private set; }

    public string SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>
    /// The day the work is due; null when the pack sets no deadline for it (a Commission
    /// member's vote, the approval of a protocol): such a task is never overdue.
    /// </summary>
    public DateOnly? Due { get; private set; }

    /// <summary>The servant the work concerns when the subject does not say it (a vote on one servant's case of a sitting).</summary>
    public Guid? AboutServantId { get; private set; }

    /// <summary>The pack's deadline id that set <see cref="Due"/> (plan-set, acquaint, ...); empty when the task has no deadline.</summary>
    public string DeadlineId { get; private set; }

    /// <summary>The clause of the act that sets the deadline.</summary>
    public string? Clause { get; private set; }

    public string PackId { get; private set; }

    public string PackVersionId { get; private set; }

    public EvaluationTaskStatus Status { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    /// <summary>
    /// Schedules a task whose due date comes from the engine's <c>deadline</c> decision; a
    /// refused decision (deadline not in the pack, ...) schedules nothing.
    /// </summary>
    public static Outcome<EvaluationTask> Schedule(
        Guid stateBodyId, string kind, TaskAssignee assignee, TaskSubject subject, Guid? cycleId, Guid? unitId, string deadlineId, Decided<DeadlineAnswer> due)
    {
        if (due.Refusal is { } refusal)
        {
            return refusal;
        }

        return Create(stateBodyId, kind, assignee, subject, cycleId, unitId, deadlineId, due.Answer!.Due, due.Provenance!);
    }

    /// <summary>Schedules a task with a date the engine already decided (e.g. eligibility's after-return date).</summary>
    public static Outcome<EvaluationTask> Create(
        Guid stateBodyId, string kind, TaskAssignee assignee, TaskSubject subject, Guid? cycleId, Guid? unitId, string deadlineId, DateOnly due, Provenance provenance)
    {
        if (assignee.ServantId is null && string.IsNullOrWhiteSpace(assignee.UserId))
        {
            return WorkflowRefusals.Required(Fields.Assignee);
        }

        if (TextRules.Code(kind, "kind") is not null)
        {
            return Refusals.InvalidInput(
                $"«{kind}» тапсырма түрі жарамсыз",
                $"недопустимый вид задачи «{kind}»",
                $"task kind '{kind}'");
        }

        return new EvaluationTask(stateBodyId)
        {
            Kind = kind,
            AssigneeServantId = assignee.ServantId,
            AssigneeUserId = TextRules.Clean(assignee.UserId),
            UnitId = unitId,
            CycleId = cycleId,
            SubjectType = subject.Type,
            SubjectId = subject.Id,
            Due = due,
            DeadlineId = deadlineId,
            Clause = provenance.Clause,
            PackId = provenance.PackId,
            PackVersionId = provenance.VersionId,
            Status = EvaluationTaskStatus.Open,
        };
    }

    /// <summary>
    /// A task for which the pack sets no deadline: no due date, no clause (none is invented),
    /// under the pack version the work runs under.
    /// </summary>
    public static Outcome<EvaluationTask> Undated(
        Guid stateBodyId, string kind, TaskAssignee assignee, TaskSubject subject, Guid? cycleId, Guid? unitId, string packId, string packVersionId, Guid? aboutServantId = null)
    {
        var task = Create(stateBodyId, kind, assignee, subject, cycleId, unitId, string.Empty, default, new Provenance(packId, packVersionId, null));
        if (task.Value is { } created)
        {
            created.Due = null;
            created.AboutServantId = aboutServantId;
        }

        return task;
    }

    /// <summary>open, done or overdue on <paramref name="today"/>.</summary>
    public string StatusOn(DateOnly today) => TaskStatusRule.StatusOn(Status, Due, today);

    /// <summary>Marks the task done; doing it late is allowed (the completion date shows it).</summary>
    public Outcome Complete(DateOnly today)
    {
        if (Status == EvaluationTaskStatus.Done)
        {
            return WorkflowRefusals.WrongState(Actions.Complete, StateNames.Done);
        }

        Status = EvaluationTaskStatus.Done;
        CompletedOn = today;
        return Outcome.Done;
    }

    /// <summary>Done after the due date.</summary>
    public bool CompletedLate => CompletedOn is { } on && Due is { } due && on > due;
}

/// <summary>A task is overdue when it is still open after its due day (the due day itself is in time).</summary>
public static class TaskStatusRule
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Overdue = "overdue";

    public static string StatusOn(EvaluationTaskStatus status, DateOnly? due, DateOnly today) =>
        status == EvaluationTaskStatus.Done ? Done : due is { } day && today > day ? Overdue : Open;
}

/// <summary>
/// Which reminder a task needs on a day: "before" once the due day is at most N working days
/// ahead, "overdue" once it has passed. Each is sent once per channel (the sender records it).
/// </summary>
public static class ReminderRule
{
    public const string Before = "before";
    public const string Overdue = "overdue";

    public static string? ReminderOn(EvaluationTask task, DateOnly today, Calendar.KzCalendar calendar, int workingDaysBefore)
    {
        if (task.Status == EvaluationTaskStatus.Done || task.Due is not { } due)
        {
            return null;
        }

        if (today > due)
        {
            return Overdue;
        }

        return calendar.AddWorkingDays(due, -workingDaysBefore) <= today ? Before : null;
    }
}

/// <summary>Task kinds of both families with their names in kk/ru/en; unknown kinds show their id.</summary>
public static class TaskKinds
{
    public static readonly IReadOnlyDictionary<string, LocalizedText> Names = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        ["plan-draft"] = new("Жеке жұмыс жоспарын жасау", "Составить индивидуальный план работы", "Draft the individual work plan"),
        ["plan-approve"] = new("Жеке жұмыс жоспарын бекіту", "Утвердить индивидуальный план работы", "Approve the individual work plan"),
        ["plan-resubmit"] = new("Түзетілген жоспарды қайта енгізу", "Повторно внести исправленный план", "Resubmit the corrected plan"),
        ["kpi-sheet"] = new("НМИ бойынша бағалау парағын толтыру", "Заполнить оценочный лист по ЦИ", "Fill in the KPI evaluation sheet"),
        ["sheet-agree"] = new("Бағалау парағын келісу", "Согласовать оценочный лист", "Agree the evaluation sheet"),
        ["sheet-resubmit"] = new("Түзетілген бағалау парағын қайта енгізу", "Повторно внести исправленный оценочный лист", "Resubmit the corrected sheet"),
        ["sheet-to-commission"] = new("Бағалау парағын Комиссияға жіберу", "Направить оценочный лист в Комиссию", "Send the sheet to the Commission"),
        ["competency-sheet"] = new("Құзыреттер бойынша бағалау парағын толтыру", "Заполнить оценочный лист по компетенциям", "Fill in the competency sheet"),
        ["schedule-notice"] = new("Бағалау кестесі туралы хабардар ету", "Уведомить о графике оценки", "Notify the evaluators of the schedule"),
        ["protocol-approve"] = new("Комиссия хаттамасын бекіту", "Утвердить протокол Комиссии", "Approve the Commission's protocol"),
        ["acquaint"] = new("Бағалау нәтижелерімен танысу", "Ознакомиться с результатами оценки", "Acknowledge the evaluation results"),
        ["evaluate-after-return"] = new("Жұмысқа қайта кіріскеннен кейін бағалау", "Оценить после выхода на работу", "Evaluate after return to work"),
        ["calibration-decide"] = new("Калибрлеу сессиясын өткізу және құрамы туралы шешім қабылдау", "Принять решение о калибровочной сессии и её составе", "Decide on the calibration session and its composition"),
        ["calibration-session"] = new("Калибрлеу сессиясын өткізу", "Провести калибровочную сессию", "Hold the calibration session"),
        ["calibration-protocol"] = new("Калибрлеу сессиясының хаттамасын жүйеге орналастыру", "Разместить протокол калибровочной сессии в системе", "Post the calibration protocol in the system"),
        ["rate-sheet"] = new("Тоқсандық бағалау парағын толтыру", "Заполнить квартальный оценочный лист", "Fill in the quarterly rating sheet"),
        ["kti-actuals"] = new("ТНИ нақты мәндерін енгізу", "Внести фактические значения КЦИ", "Enter the actual values of the KTIs"),
        ["kti-score"] = new("ТНИ бағалау", "Оценить КЦИ", "Score the KTIs"),
        ["commission-vote"] = new("Комиссия отырысында іс бойынша дауыс беру", "Проголосовать по делу на заседании Комиссии", "Vote on a case at the Commission's sitting"),
        ["schedule-build"] = new("Комиссияның бағалау кестесін жасау", "Составить график оценки Комиссии", "Build the Commission's evaluation schedule"),
        ["competency-to-commission"] = new("Құзыреттер бойынша бағалау парағын Комиссияға жіберу", "Направить оценочный лист по компетенциям в Комиссию", "Send the competency sheet to the Commission"),
        ["acquaint-overdue"] = new("Нәтижемен танысу мерзімі өтті: акт жасау немесе хабарлау", "Срок ознакомления с результатом истёк: составить акт или уведомить", "Acquaintance overdue: record the refusal act or the notification"),
    };

    /// <summary>A kind no list knows is shown as "a task", never as its id.</summary>
    public static readonly LocalizedText Unknown = new("Тапсырма", "Задача", "Task");

    public static LocalizedText NameOf(string kind) =>
        Names.TryGetValue(kind, out var name) ? name : Unknown;
}
