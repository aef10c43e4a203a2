using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Tasks;

/// <summary>A task as lists show it: what, about what, by when (with the clause) and its status on the day asked.</summary>
public sealed record TaskView(
    Guid Id,
    Guid StateBodyId,
    string Kind,
    LocalizedText Name,
    string SubjectType,
    Guid SubjectId,
    Guid? CycleId,
    Guid? AssigneeServantId,
    string? AssigneeUserId,
    DateOnly? Due,
    string DeadlineId,
    string? Clause,
    string PackId,
    string Status,
    DateOnly? CompletedOn,
    Guid? AboutServantId = null,
    Guid? UnitId = null);

/// <summary>What the home page shows of a user's work: open and overdue counts and the nearest deadlines.</summary>
public sealed record WorkSummary(int Open, int Overdue, IReadOnlyList<TaskView> Nearest);

/// <summary>How far a cycle (2018) or a quarter round (2023) has got: its tasks done out of all, and how many are late.</summary>
public sealed record CycleProgress(Guid CycleId, string Family, int Year, int? Quarter, int Done, int Total, int Overdue);

/// <summary>Done, open and overdue tasks of one structural unit in a cycle.</summary>
/// <summary>A cycle's tasks done, open and overdue in total (units without a unit included), and per unit.</summary>
public sealed record CycleCompletion(int Done, int Open, int Overdue, Page<UnitCompletion> Units);

public sealed record UnitCompletion(Guid UnitId, string UnitCode, LocalizedText UnitName, int Done, int Open, int Overdue)
{
    public int Total => Done + Open + Overdue;
}

/// <summary>
/// Evaluation tasks shared by both families' workflows: scheduling with the engine's deadline
/// decision, completing, my tasks and completion by unit. Scheduling and completing only stage
/// changes; the calling workflow saves them with its own transition (one transaction).
/// </summary>
public sealed class TaskService(BagalauDbContext db, WorkflowContext context, SqliteReads reads)
{
    /// <summary>
    /// Stages a task due by the pack's <paramref name="deadlineId"/> counted from
    /// <paramref name="from"/> (the pack version in force on <paramref name="from"/>).
    /// </summary>
    public Outcome<EvaluationTask> Schedule(
        Guid stateBodyId, string packId, string deadlineId, DateOnly from, string kind, TaskAssignee assignee, TaskSubject subject, Guid? cycleId, Guid? unitId)
    {
        var version = context.VersionOf(packId, from);
        if (version.Refusal is { } refusal)
        {
            return refusal;
        }

        var due = DeadlineDecision.Decide(version.Value!, deadlineId, from, context.Calendar);
        var task = EvaluationTask.Schedule(stateBodyId, kind, assignee, subject, cycleId, unitId, deadlineId, due);
        if (task.Value is { } created)
        {
            db.EvaluationTasks.Add(created);
        }

        return task;
    }

    /// <summary>Stages a task with a due date the engine already decided (e.g. eligibility's after-return date).</summary>
    public Outcome<EvaluationTask> ScheduleOn(
        Guid stateBodyId, Provenance provenance, string deadlineId, DateOnly due, string kind, TaskAssignee assignee, TaskSubject subject, Guid? cycleId, Guid? unitId)
    {
        var task = EvaluationTask.Create(stateBodyId, kind, assignee, subject, cycleId, unitId, deadlineId, due, provenance);
        if (task.Value is { } created)
        {
            db.EvaluationTasks.Add(created);
        }

        return task;
    }

    /// <summary>
    /// Stages a task for work the pack sets no deadline for (a Commission member's vote, the
    /// approval of a protocol, the schedule to build): it carries no due date and no clause
    /// rather than an invented one, and is never overdue.
    /// </summary>
    public Outcome<EvaluationTask> ScheduleUndated(
        Guid stateBodyId, string packId, string packVersionId, string kind, TaskAssignee assignee, TaskSubject subject, Guid? cycleId, Guid? unitId, Guid? aboutServantId = null)
    {
        var task = EvaluationTask.Undated(stateBodyId, kind, assignee, subject, cycleId, unitId, packId, packVersionId, aboutServantId);
        if (task.Value is { } created)
        {
            db.EvaluationTasks.Add(created);
        }

        return task;
    }

    /// <summary>The users holding any of <paramref name="roles"/> in the body (HR's tasks go to each of them; the first to act closes them all).</summary>
    public Task<List<string>> UsersInRolesAsync(Guid stateBodyId, IReadOnlyCollection<Accounts.BodyRole> roles, CancellationToken ct = default) =>
        db.BodyMemberships.AsNoTracking()
            .Where(m => m.StateBodyId == stateBodyId && roles.Contains(m.Role))
            .Select(m => m.UserId).Distinct().OrderBy(u => u).ToListAsync(ct);

    /// <summary>Stages completion of one assignee's open tasks of a kind about a subject and one servant (a member's vote on one case).</summary>
    public async Task CompleteForAsync(TaskSubject subject, string kind, Guid assigneeServantId, Guid aboutServantId, DateOnly today, CancellationToken ct = default)
    {
        var open = await db.EvaluationTasks
            .Where(t => t.SubjectType == subject.Type && t.SubjectId == subject.Id && t.Kind == kind && t.Status == EvaluationTaskStatus.Open
                && t.AssigneeServantId == assigneeServantId && t.AboutServantId == aboutServantId)
            .ToListAsync(ct);
        foreach (var task in open.Concat(db.EvaluationTasks.Local.Where(t => t.SubjectType == subject.Type && t.SubjectId == subject.Id && t.Kind == kind
                     && t.Status == EvaluationTaskStatus.Open && t.AssigneeServantId == assigneeServantId && t.AboutServantId == aboutServantId)).Distinct().ToList())
        {
            task.Complete(today);
        }
    }

    /// <summary>Stages completion of the open tasks of a kind about a subject (none open is fine).</summary>
    public async Task CompleteAsync(TaskSubject subject, string kind, DateOnly today, CancellationToken ct = default)
    {
        var open = await db.EvaluationTasks
            .Where(t => t.SubjectType == subject.Type && t.SubjectId == subject.Id && t.Kind == kind && t.Status == EvaluationTaskStatus.Open)
            .ToListAsync(ct);
        foreach (var task in open.Concat(db.EvaluationTasks.Local.Where(t => t.SubjectType == subject.Type && t.SubjectId == subject.Id && t.Kind == kind && t.Status == EvaluationTaskStatus.Open)).Distinct().ToList())
        {
            task.Complete(today);
        }
    }

    /// <summary>
    /// The user's tasks in every body: assigned to the user or to the servant records the user
    /// is. Open work first (overdue first), then by due date; done tasks only when asked.
    /// </summary>
    public async Task<Page<TaskView>> MyTasksAsync(string userId, DateOnly today, PageRequest page, bool includeDone = false, CancellationToken ct = default)
    {
        // The count only when the page is full (see ToPageAsync).
        if (!includeDone && reads.Available)
        {
            var open = TaskListQueries.OpenPageOnSqlite(reads, userId, today, page.Skip, page.Size);
            var last = open.Count < page.Size && (open.Count > 0 || page.Number == 1);
            return new Page<TaskView>(open, page.Number, page.Size, last ? page.Skip + open.Count : TaskListQueries.OpenCountOnSqlite(reads, userId));
        }

        // One compiled query per page.
        var rows = await TaskListQueries.PageAsync(db, userId, includeDone, page.Skip, page.Size, ct);
        var isLast = rows.Count < page.Size && (rows.Count > 0 || page.Number == 1);
        var total = isLast ? page.Skip + rows.Count : await TaskListQueries.Mine(db, userId, !includeDone).CountAsync(ct);
        return new Page<TaskView>(rows.Select(t => View(t, today)).ToList(), page.Number, page.Size, total);
    }

    /// <summary>Completion of a cycle's tasks per structural unit of the body on <paramref name="today"/>, paged by unit code.</summary>
    public async Task<Page<UnitCompletion>> CompletionByUnitAsync(Guid stateBodyId, Guid cycleId, DateOnly today, PageRequest page, CancellationToken ct = default) =>
        (await CompletionAsync(stateBodyId, cycleId, today, page, ct)).Units;

    /// <summary>
    /// Completion of a cycle's tasks on <paramref name="today"/>: totals and one row per
    /// structural unit (paged by unit code). One grouped pass over the cycle's tasks on the
    /// (cycle, unit) index and one read of the units: correlated counts per unit read the
    /// cycle's tasks three times per unit (57 requests/s on a 2,000-servant body, docs/benchmarks.md).
    /// </summary>
    public async Task<CycleCompletion> CompletionAsync(Guid stateBodyId, Guid cycleId, DateOnly today, PageRequest page, CancellationToken ct = default)
    {
        var counts = await db.EvaluationTasks.AsNoTracking()
            .Where(t => t.CycleId == cycleId && t.StateBodyId == stateBodyId)
            .GroupBy(t => t.UnitId)
            .Select(g => new
            {
                UnitId = g.Key,
                Done = g.Count(t => t.Status == EvaluationTaskStatus.Done),
                Open = g.Count(t => t.Status == EvaluationTaskStatus.Open && (t.Due == null || t.Due >= today)),
                Overdue = g.Count(t => t.Status == EvaluationTaskStatus.Open && t.Due < today),
            })
            .ToListAsync(ct);
        var byUnit = counts.Where(c => c.UnitId != null).ToDictionary(c => c.UnitId!.Value);
        var unitIds = byUnit.Keys.ToList();
        var units = await db.StructuralUnits.AsNoTracking()
            .Where(u => u.StateBodyId == stateBodyId && unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Code, u.NameKk, u.NameRu, u.NameEn })
            .ToListAsync(ct);
        var rows = units.OrderBy(u => u.Code, StringComparer.Ordinal)
            .Skip(page.Skip).Take(page.Size)
            .Select(u =>
            {
                var c = byUnit[u.Id];
                return new UnitCompletion(u.Id, u.Code, new LocalizedText(u.NameKk, u.NameRu.Length > 0 ? u.NameRu : u.NameKk, u.NameEn.Length > 0 ? u.NameEn : u.NameKk), c.Done, c.Open, c.Overdue);
            })
            .ToList();
        return new CycleCompletion(counts.Sum(c => c.Done), counts.Sum(c => c.Open), counts.Sum(c => c.Overdue), new Page<UnitCompletion>(rows, page.Number, page.Size, units.Count));
    }

    /// <summary>The cycle's open tasks past their deadline on <paramref name="today"/>, the most overdue first (the first 100: HR's list to chase).</summary>
    public async Task<IReadOnlyList<TaskView>> OverdueAsync(Guid stateBodyId, Guid cycleId, DateOnly today, CancellationToken ct) =>
        (await db.EvaluationTasks.AsNoTracking()
            .Where(t => t.StateBodyId == stateBodyId && t.CycleId == cycleId && t.Status == EvaluationTaskStatus.Open && t.Due < today)
            .OrderBy(t => t.Due).Take(100)
            .ToListAsync(ct))
        .Select(t => View(t, today)).ToList();

    /// <summary>
    /// The cycle's open tasks HR chases on the completion page: grouped by structural unit and
    /// step (kind), the most overdue first within a group; at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<TaskView>> OpenOfCycleAsync(Guid stateBodyId, Guid cycleId, DateOnly today, int limit, CancellationToken ct) =>
        (await db.EvaluationTasks.AsNoTracking()
            .Where(t => t.StateBodyId == stateBodyId && t.CycleId == cycleId && t.Status == EvaluationTaskStatus.Open)
            .OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.Id)
            .Take(limit)
            .ToListAsync(ct))
        .Select(t => View(t, today)).ToList();

    /// <summary>The home page's figures: the user's open tasks, how many are late, and the five nearest deadlines (late ones first).</summary>
    public async Task<WorkSummary> SummaryAsync(string userId, DateOnly today, CancellationToken ct = default)
    {
        var open = await TaskListQueries.Mine(db, userId, openOnly: true).CountAsync(ct);
        var overdue = open == 0 ? 0 : await TaskListQueries.Mine(db, userId, openOnly: true).CountAsync(t => t.Due < today, ct);
        var nearest = open == 0 ? [] : (await MyTasksAsync(userId, today, new PageRequest(1, 5), false, ct)).Items;
        return new WorkSummary(open, overdue, nearest);
    }

    /// <summary>The user's open tasks past their deadline, the most overdue first (My tasks filtered to the late ones).</summary>
    public async Task<Page<TaskView>> MyOverdueAsync(string userId, DateOnly today, PageRequest page, CancellationToken ct = default)
    {
        var late = TaskListQueries.Mine(db, userId, openOnly: true).Where(t => t.Due < today);
        var rows = await late.OrderBy(t => t.Due).ThenBy(t => t.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var total = rows.Count < page.Size && (rows.Count > 0 || page.Number == 1) ? page.Skip + rows.Count : await late.CountAsync(ct);
        return new Page<TaskView>(rows.Select(t => View(t, today)).ToList(), page.Number, page.Size, total);
    }

    /// <summary>
    /// Completion of the body's quarter rounds not yet closed and of its 2018 cycles with work
    /// still open: tasks done out of all and late, one grouped SQL pass over the body's tasks
    /// (nothing is loaded row by row).
    /// </summary>
    public async Task<IReadOnlyList<CycleProgress>> ProgressAsync(Guid stateBodyId, DateOnly today, CancellationToken ct = default)
    {
        var counts = await db.EvaluationTasks.AsNoTracking()
            .Where(t => t.StateBodyId == stateBodyId && t.CycleId != null)
            .GroupBy(t => t.CycleId)
            .Select(g => new
            {
                CycleId = g.Key!.Value,
                Done = g.Count(t => t.Status == EvaluationTaskStatus.Done),
                Total = g.Count(),
                Overdue = g.Count(t => t.Status == EvaluationTaskStatus.Open && t.Due < today),
            })
            .ToListAsync(ct);
        var byCycle = counts.ToDictionary(c => c.CycleId);
        var rounds = await db.QuarterRounds.AsNoTracking()
            .Where(r => r.StateBodyId == stateBodyId && r.State != Domain.Evaluation2023.RoundState.Closed)
            .Select(r => new { r.Id, r.Year, r.Quarter })
            .ToListAsync(ct);
        var cycles = await db.EvaluationCycles2018.AsNoTracking()
            .Where(c => c.StateBodyId == stateBodyId)
            .Select(c => new { c.Id, c.Year })
            .ToListAsync(ct);
        var result = new List<CycleProgress>();
        foreach (var r in rounds.OrderBy(r => r.Year).ThenBy(r => r.Quarter))
        {
            var c = byCycle.GetValueOrDefault(r.Id);
            result.Add(new CycleProgress(r.Id, "2023", r.Year, r.Quarter, c?.Done ?? 0, c?.Total ?? 0, c?.Overdue ?? 0));
        }

        foreach (var cycle in cycles.OrderBy(c => c.Year))
        {
            if (byCycle.GetValueOrDefault(cycle.Id) is { } c && c.Done < c.Total)
            {
                result.Add(new CycleProgress(cycle.Id, "2018", cycle.Year, null, c.Done, c.Total, c.Overdue));
            }
        }

        return result;
    }

    /// <summary>The tasks about one subject (a plan, a sheet, ...), oldest first.</summary>
    public async Task<IReadOnlyList<TaskView>> OfSubjectAsync(TaskSubject subject, DateOnly today, CancellationToken ct = default) =>
        (await db.EvaluationTasks.AsNoTracking()
            .Where(t => t.SubjectType == subject.Type && t.SubjectId == subject.Id)
            .OrderBy(t => t.Due).ThenBy(t => t.Kind)
            .ToListAsync(ct))
        .Select(t => View(t, today)).ToList();

    public static TaskView View(EvaluationTask t, DateOnly today) => new(
        t.Id, t.StateBodyId, t.Kind, TaskKinds.NameOf(t.Kind), t.SubjectType, t.SubjectId, t.CycleId, t.AssigneeServantId, t.AssigneeUserId,
        t.Due, t.DeadlineId, t.Clause, t.PackId, t.StatusOn(today), t.CompletedOn, t.AboutServantId, t.UnitId);
}
