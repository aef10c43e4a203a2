using Bagalau.Application.Audit;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Acquaintance;

using AcquaintanceRecord = Domain.Acquaintance.ResultAcquaintance;

/// <summary>Input of a refusal act as a form or the API sends it.</summary>
public sealed record RefusalActInput(DateOnly Date, string HrName, string HrPosition, string Witness1Name, string Witness1Position, string Witness2Name, string Witness2Position, string? Note)
{
    public RefusalAct ToAct() => new(Date, new Signatory(HrName ?? "", HrPosition ?? ""), new Signatory(Witness1Name ?? "", Witness1Position ?? ""), new Signatory(Witness2Name ?? "", Witness2Position ?? ""), Note);
}

/// <summary>A new acquaintance and the servant's task, not yet tracked by the context.</summary>
public sealed record StagedAcquaintance(AcquaintanceRecord Acquaintance, EvaluationTask Task)
{
    /// <summary>The rows to write, parent first.</summary>
    public IEnumerable<object> Rows => [Acquaintance, Task];
}

/// <summary>
/// Acquainting servants with results (both families): open with the engine's <c>acquaint</c>
/// deadline and a task for the servant; acknowledge, refusal act or notification of an absent
/// or dismissed servant; each completion flags lateness, closes the task and adds the
/// service-record entry, in one save.
/// </summary>
public sealed class AcquaintanceService(BagalauDbContext db, WorkflowContext context, TaskService tasks, AuditLog audit)
{
    public const string TaskKind = "acquaint";

    /// <summary>HR's task once an acquaintance is past its deadline: record the refusal act or the notification (the reminder run opens it).</summary>
    public const string OverdueTaskKind = "acquaint-overdue";

    /// <summary>Stages an acquaintance and the servant's task (the calling workflow saves both with its own transition).</summary>
    public Outcome<AcquaintanceRecord> Open(Guid stateBodyId, string packId, Guid servantId, string subjectType, Guid subjectId, LocalizedText result, DateOnly resultOn, Guid? cycleId, Guid? unitId)
    {
        var due = Deadline(packId, resultOn);
        var opened = AcquaintanceRecord.Open(stateBodyId, servantId, subjectType, subjectId, result, resultOn, due);
        if (opened.Value is not { } acquaintance)
        {
            return opened;
        }

        db.Acquaintances.Add(acquaintance);
        tasks.ScheduleOn(stateBodyId, due.Provenance!, "acquaint", acquaintance.Due, TaskKind, TaskAssignee.Servant(servantId), Subject(acquaintance), cycleId, unitId);
        return acquaintance;
    }

    /// <summary>
    /// The engine's <c>acquaint</c> deadline for results of <paramref name="resultOn"/>: the same
    /// for every servant of a pack, so a close of thousands decides it once.
    /// </summary>
    public Decided<DeadlineAnswer> Deadline(string packId, DateOnly resultOn)
    {
        var version = context.VersionOf(packId, resultOn);
        return version.Refusal is { } refusal
            ? Decided<DeadlineAnswer>.Refused(refusal)
            : DeadlineDecision.Decide(version.Value!, "acquaint", resultOn, context.Calendar);
    }

    /// <summary>
    /// The <c>acquaint</c> deadline under a given version: a quarter close decides it under the
    /// version its round runs under (the one in force for the quarter), not the one in force on
    /// the day of the close, which may be none for a past quarter of a repealed methodology.
    /// </summary>
    public Decided<DeadlineAnswer> Deadline(PackVersion version, DateOnly resultOn) =>
        DeadlineDecision.Decide(version, "acquaint", resultOn, context.Calendar);

    /// <summary>
    /// An acquaintance and the servant's task as new objects the context does not track: the
    /// caller writes them with <see cref="BagalauDbContext.SaveChangesInBulkAsync(IReadOnlyCollection{object}, CancellationToken)"/>
    /// (a quarter close of a body's thousands of results, no change-tracker scan).
    /// </summary>
    public static Outcome<StagedAcquaintance> Staged(
        Guid stateBodyId, Guid servantId, string subjectType, Guid subjectId, LocalizedText result, DateOnly resultOn, Decided<DeadlineAnswer> due, Guid? cycleId, Guid? unitId)
    {
        var opened = AcquaintanceRecord.Open(stateBodyId, servantId, subjectType, subjectId, result, resultOn, due);
        if (opened.Value is not { } acquaintance)
        {
            return opened.Refusal!;
        }

        var task = EvaluationTask.Create(stateBodyId, TaskKind, TaskAssignee.Servant(servantId), Subject(acquaintance), cycleId, unitId, "acquaint", acquaintance.Due, due.Provenance!);
        if (task.Value is not { } created)
        {
            return task.Refusal!;
        }

        return new StagedAcquaintance(acquaintance, created);
    }

    /// <summary>Opens and saves an acquaintance on its own (when no workflow transition carries it).</summary>
    public async Task<Outcome<AcquaintanceRecord>> OpenAsync(Guid stateBodyId, string packId, Guid servantId, string subjectType, Guid subjectId, LocalizedText result, DateOnly resultOn, Guid? cycleId = null, CancellationToken ct = default)
    {
        if (!await db.Servants.AnyAsync(s => s.Id == servantId && s.StateBodyId == stateBodyId, ct))
        {
            return WorkflowRefusals.NotFound(Records.Servant);
        }

        var unit = await context.UnitOfAsync(servantId, resultOn, ct);
        var opened = Open(stateBodyId, packId, servantId, subjectType, subjectId, result, resultOn, cycleId, unit);
        if (!opened.IsRefused)
        {
            await db.SaveChangesAsync(ct);
        }

        return opened;
    }

    /// <summary>
    /// The acquaintance, if the user may see it: the servant themselves or HR of the body. The
    /// read of the result is audited. Others get not-found (existence is not revealed).
    /// </summary>
    public async Task<Outcome<AcquaintanceRecord>> GetAsync(string userId, Guid id, CancellationToken ct = default)
    {
        var opened = await context.OpenAsync(db.Acquaintances.AsNoTracking(), id, userId, (actor, acquaintance) => actor.Is(acquaintance.ServantId) || actor.IsHr, Records.Acquaintance, ct);
        if (opened.Value is not (var actor, var acquaintance))
        {
            return opened.Refusal!;
        }

        await audit.RecordReadAsync(nameof(ResultAcquaintance), acquaintance.Id.ToString(), acquaintance.StateBodyId, ct);
        return acquaintance;
    }

    /// <summary>The acquaintance of a result (e.g. of one servant's 2018 evaluation), without access checks (workflows use it).</summary>
    public Task<AcquaintanceRecord?> OfSubjectAsync(string subjectType, Guid subjectId, CancellationToken ct = default) =>
        db.Acquaintances.AsNoTracking().Where(a => a.SubjectType == subjectType && a.SubjectId == subjectId).OrderByDescending(a => a.ResultOn).FirstOrDefaultAsync(ct);

    public Task<Outcome> AcknowledgeAsync(string userId, Guid id, int version, DateOnly today, CancellationToken ct = default) =>
        TransitionAsync(userId, id, version, today, (a, actor, _) => Task.FromResult(a.Acknowledge(actor, today)), ct);

    public Task<Outcome> RecordRefusalAsync(string userId, Guid id, int version, RefusalActInput act, DateOnly today, CancellationToken ct = default) =>
        TransitionAsync(userId, id, version, today, (a, actor, _) => Task.FromResult(a.RecordRefusal(actor, act.ToAct(), today)), ct);

    public Task<Outcome> RecordNotificationAsync(string userId, Guid id, int version, string channel, DateOnly notifiedOn, string? detail, DateOnly today, CancellationToken ct = default) =>
        TransitionAsync(userId, id, version, today, async (a, actor, token) =>
        {
            if (!Domain.Organisation.KindIds.TryParse<NotificationChannel>(channel, out var parsed))
            {
                return Outcome.Refused(Refusal.Of(
                    $"unknown-channel",
                    $"«{channel}» хабарлау тәсілі белгісіз",
                    $"Неизвестный способ уведомления «{channel}»",
                    $"Unknown notification channel '{channel}' ({string.Join(", ", Domain.Organisation.KindIds.All<NotificationChannel>())})"));
            }

            var servant = await db.Servants.Include(s => s.Absences).Include(s => s.Dismissals).Include(s => s.Appointments)
                .AsSplitQuery().FirstAsync(s => s.Id == a.ServantId, token);
            var away = servant.IsAbsentOn(notifiedOn) || servant.IsDismissedOn(notifiedOn) || servant.Dismissals.Any(d => d.Date <= notifiedOn);
            return a.RecordNotification(actor, parsed, notifiedOn, detail, away, today);
        }, ct);

    /// <summary>
    /// A workflow of its own (the 2023 rating sheet) records that an absent or dismissed servant
    /// was notified of a result: the subject's acquaintance (opened now with <paramref name="due"/>
    /// when the quarter close has not opened one) is completed by the channel and date, flagged
    /// late after its due day, its service-record entry added and the servant's task closed. The
    /// caller has checked who may notify and saves everything with its own transition.
    /// </summary>
    public async Task<Outcome<AcquaintanceRecord>> StageNotificationAsync(
        Actor actor, Guid stateBodyId, Guid servantId, string subjectType, Guid subjectId, LocalizedText result, DateOnly resultOn, Func<Decided<DeadlineAnswer>> due,
        NotificationChannel channel, DateOnly notifiedOn, DateOnly today, CancellationToken ct = default)
    {
        var acquaintance = await db.Acquaintances
            .Where(a => a.StateBodyId == stateBodyId && a.SubjectType == subjectType && a.SubjectId == subjectId)
            .OrderByDescending(a => a.ResultOn)
            .FirstOrDefaultAsync(ct);
        if (acquaintance is null)
        {
            var opened = AcquaintanceRecord.Open(stateBodyId, servantId, subjectType, subjectId, result, resultOn, due());
            if (opened.Value is not { } created)
            {
                return opened;
            }

            db.Acquaintances.Add(created);
            acquaintance = created;
        }

        var notified = acquaintance.RecordNotification(actor, channel, notifiedOn, null, servantAbsentOrDismissed: true, today, resultKnownOn: resultOn);
        if (notified.IsRefused)
        {
            return notified.Refusal!;
        }

        db.ServiceRecordEntries.Add(acquaintance.ServiceRecordEntry());
        await tasks.CompleteAsync(Subject(acquaintance), TaskKind, today, ct);
        await tasks.CompleteAsync(Subject(acquaintance), OverdueTaskKind, today, ct);
        return acquaintance;
    }

    /// <summary>
    /// A workflow of its own (the 2023 rating sheet) records that the servant acknowledged the
    /// result there: the subject's pending acquaintance, if one was opened, is acknowledged, its
    /// service-record entry added and the task closed. The caller saves with its own transition.
    /// </summary>
    public async Task<Outcome> StageAcknowledgementAsync(Actor actor, Guid stateBodyId, string subjectType, Guid subjectId, DateOnly today, CancellationToken ct = default)
    {
        var acquaintance = await db.Acquaintances
            .Where(a => a.StateBodyId == stateBodyId && a.SubjectType == subjectType && a.SubjectId == subjectId && a.State == AcquaintanceState.Pending)
            .OrderByDescending(a => a.ResultOn)
            .FirstOrDefaultAsync(ct);
        if (acquaintance is null)
        {
            return Outcome.Done;
        }

        var acknowledged = acquaintance.Acknowledge(actor, today);
        if (acknowledged.IsRefused)
        {
            return acknowledged;
        }

        db.ServiceRecordEntries.Add(acquaintance.ServiceRecordEntry());
        await tasks.CompleteAsync(Subject(acquaintance), TaskKind, today, ct);
        await tasks.CompleteAsync(Subject(acquaintance), OverdueTaskKind, today, ct);
        return Outcome.Done;
    }

    private async Task<Outcome> TransitionAsync(
        string userId, Guid id, int version, DateOnly today, Func<AcquaintanceRecord, Actor, CancellationToken, Task<Outcome>> transition, CancellationToken ct)
    {
        var opened = await context.OpenAsync(db.Acquaintances, id, userId, (actor, _) => actor.Roles.Count > 0, Records.Acquaintance, ct);
        if (opened.Value is not (var actor, var acquaintance))
        {
            return opened.Refusal!;
        }

        if (!VersionTokens.Expect(db, acquaintance, version))
        {
            return WorkflowRefusals.Stale();
        }

        var outcome = await transition(acquaintance, actor, ct);
        if (outcome.IsRefused)
        {
            return outcome;
        }

        db.ServiceRecordEntries.Add(acquaintance.ServiceRecordEntry());
        await tasks.CompleteAsync(Subject(acquaintance), TaskKind, today, ct);
        await tasks.CompleteAsync(Subject(acquaintance), OverdueTaskKind, today, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkflowRefusals.Stale();
        }

        return outcome;
    }

    public static TaskSubject Subject(AcquaintanceRecord a) => new("acquaintance", a.Id);
}
