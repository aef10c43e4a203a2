using Bagalau.Application.Audit;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Tasks;
using Bagalau.Application.Workflow;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using PackPosition = Bagalau.Domain.Packs.Position;

namespace Bagalau.Application.Evaluation2018;

/// <summary>The indicators (1-based) the direct supervisor observed for one competency.</summary>
public sealed record CompetencyMarkInput(string Competency, IReadOnlyList<int> Observed);

/// <summary>One KPI's progress in a quarterly note, as a form or the API sends it.</summary>
public sealed record KpiProgressInput(int Number, string? Progress);

/// <summary>A fact file without its content (lists).</summary>
public sealed record KpiFactInfo(Guid Id, Guid SheetId, int KpiNumber, string FileName, string ContentType, long Length, DateOnly UploadedOn);

/// <summary>One competency of a competency sheet as the evaluator sees it: its indicators verbatim and what is ticked.</summary>
public sealed record CompetencyView(string Id, Domain.Packs.LocalizedText Title, IReadOnlyList<string> Indicators, IReadOnlyList<int> Observed, CompetencyResult? Result);

/// <summary>The sheets of a plan, when opened.</summary>
public sealed record PlanSheets(Guid PlanId, Guid? KpiSheetId, Guid? CompetencySheetId);

/// <summary>A competency sheet with its competencies as the page and the API show them.</summary>
public sealed record CompetencySheetView(CompetencySheet Sheet, IReadOnlyList<CompetencyView> Competencies);

/// <summary>
/// The servant's records around the KPI sheet: quarterly monitoring notes on the approved
/// plan (clause 16), fact files on the KPI sheet (clause 22) and the competency sheet
/// (chapter 4). Reads are limited to those the act involves and audited.
/// </summary>
public sealed class SheetService(BagalauDbContext db, WorkflowSteps steps, AuditLog audit, RecordLinks links, RecordVersions versions, TaskService tasks)
{
    /// <summary>
    /// The plans of a cycle the user takes part in: all of them for HR; otherwise those where
    /// the user is the servant, the direct supervisor or the approver (paged).
    /// </summary>
    public async Task<Outcome<Page<WorkPlan>>> PlansAsync(string userId, Guid cycleId, PageRequest page, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.EvaluationCycles2018.AsNoTracking(), cycleId, userId, (actor, _) => actor.Roles.Count > 0, Records.Cycle, ct);
        if (opened.Value is not (var actor, var cycle))
        {
            return opened.Refusal!;
        }

        var me = actor.ServantId ?? Guid.Empty;
        var plans = db.WorkPlans.AsNoTracking().Where(p => p.CycleId == cycleId);
        if (!actor.IsHr)
        {
            plans = plans.Where(p => p.ServantId == me || p.DirectSupervisorId == me || p.ApproverId == me);
        }

        return await plans.OrderBy(p => p.ServantId).ToPageAsync(page, ct);
    }

    /// <summary>The KPI sheet and competency sheet of a plan, if opened (for those who may see the plan).</summary>
    public async Task<Outcome<PlanSheets>> SheetsOfPlanAsync(string userId, Guid planId, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.WorkPlans.AsNoTracking(), planId, userId, (actor, plan) => actor.Is(plan.ServantId) || actor.Is(plan.DirectSupervisorId) || actor.Is(plan.ApproverId) || actor.IsHr, Records.Plan, ct);
        if (opened.Value is not (var actor, var plan))
        {
            return opened.Refusal!;
        }

        return new PlanSheets(planId, await links.KpiSheetOfAsync(planId, ct), await links.CompetencySheetOfAsync(plan.CycleId, plan.ServantId, ct));
    }

    // ---- Quarterly monitoring (clause 16) ----

    /// <summary>The direct supervisor records (or corrects) the note of a quarter on an approved plan.</summary>
    public async Task<Outcome<MonitoringNote>> RecordNoteAsync(string userId, Guid planId, int quarter, int? version, IReadOnlyList<KpiProgressInput> progress, string? recommendations, DateOnly today, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.WorkPlans.AsNoTracking(), planId, userId, (actor, plan) => actor.Is(plan.ServantId) || actor.Is(plan.DirectSupervisorId) || actor.Is(plan.ApproverId) || actor.IsHr, Records.Plan, ct);
        if (opened.Value is not (var actor, var plan))
        {
            return opened.Refusal!;
        }

        var items = progress.Select(p => new KpiProgress(p.Number, p.Progress ?? string.Empty)).ToList();
        var note = await db.Set<MonitoringNote>().FirstOrDefaultAsync(n => n.PlanId == planId && n.Quarter == quarter, ct);
        if (note is null)
        {
            var recorded = MonitoringNote.Record(actor, plan, quarter, items, recommendations, today);
            if (recorded.Value is not { } created)
            {
                return recorded;
            }

            db.Set<MonitoringNote>().Add(created);
            return await steps.SaveAsync(created, ct);
        }

        var outcome = await steps.RunAsync(note, version ?? -1, () => Task.FromResult(note.Revise(actor, plan, items, recommendations, today)), ct);
        return outcome.Refusal is { } refused ? refused : note;
    }

    /// <summary>The notes of a plan, by quarter, for the servant, the direct supervisor and HR; others get not-found.</summary>
    public async Task<Outcome<IReadOnlyList<MonitoringNote>>> NotesAsync(string userId, Guid planId, CancellationToken ct = default)
    {
        var opened = await steps.OpenAsync(db.WorkPlans.AsNoTracking(), planId, userId, (actor, plan) => actor.Is(plan.ServantId) || actor.Is(plan.DirectSupervisorId) || actor.IsHr, Records.Plan, ct);
        if (opened.Value is not (var actor, var plan))
        {
            return opened.Refusal!;
        }

        var notes = await db.Set<MonitoringNote>().AsNoTracking().Where(n => n.PlanId == planId).OrderBy(n => n.Quarter).ToListAsync(ct);
        await audit.RecordReadAsync(nameof(MonitoringNote), planId.ToString(), plan.StateBodyId, ct);
        return Outcome<IReadOnlyList<MonitoringNote>>.Ok(notes);
    }

    // ---- Fact files on the KPI sheet (clause 22) ----

    public async Task<Outcome<KpiFactInfo>> AttachFactAsync(string userId, Guid sheetId, int kpiNumber, string? fileName, byte[] content, DateOnly today, CancellationToken ct = default)
    {
        var (sheet, actor, refusal) = await SheetForAsync(userId, sheetId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var attached = KpiFact.Attach(actor!, sheet!, kpiNumber, fileName, content, today);
        if (attached.Value is not { } fact)
        {
            return attached.Refusal!;
        }

        db.Set<KpiFact>().Add(fact);
        var saved = await steps.SaveAsync(ct);
        return saved.Refusal is { } failed ? failed : Info(fact);
    }

    public async Task<Outcome<IReadOnlyList<KpiFactInfo>>> FactsAsync(string userId, Guid sheetId, CancellationToken ct = default)
    {
        var (sheet, _, refusal) = await SheetForAsync(userId, sheetId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var facts = await db.Set<KpiFact>().AsNoTracking().Where(f => f.SheetId == sheet!.Id)
            .OrderBy(f => f.KpiNumber).ThenBy(f => f.FileName)
            .Select(f => new KpiFactInfo(f.Id, f.SheetId, f.KpiNumber, f.FileName, f.ContentType, f.Length, f.UploadedOn))
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<KpiFactInfo>>.Ok(facts);
    }

    public async Task<Outcome<KpiFact>> FactAsync(string userId, Guid sheetId, Guid factId, CancellationToken ct = default)
    {
        var (sheet, _, refusal) = await SheetForAsync(userId, sheetId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var fact = await db.Set<KpiFact>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == factId && f.SheetId == sheet!.Id, ct);
        if (fact is null)
        {
            return WorkflowRefusals.NotFound(Records.Fact);
        }

        await audit.RecordReadAsync(nameof(KpiFact), fact.Id.ToString(), fact.StateBodyId, ct);
        return fact;
    }

    public async Task<Outcome> RemoveFactAsync(string userId, Guid sheetId, Guid factId, CancellationToken ct = default)
    {
        var (sheet, actor, refusal) = await SheetForAsync(userId, sheetId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var fact = await db.Set<KpiFact>().FirstOrDefaultAsync(f => f.Id == factId && f.SheetId == sheet!.Id, ct);
        if (fact is null)
        {
            return WorkflowRefusals.NotFound(Records.Fact);
        }

        var allowed = KpiFact.CanRemove(actor!, sheet!);
        if (allowed.IsRefused)
        {
            return allowed;
        }

        db.Set<KpiFact>().Remove(fact);
        return await steps.SaveAsync(ct);
    }

    // ---- Competency sheet (chapter 4) ----

    /// <summary>The direct supervisor (or HR) opens the servant's competency sheet in the cycle, for the servant's position on the day.</summary>
    public async Task<Outcome<CompetencySheet>> OpenCompetencySheetAsync(string userId, Guid planId, DateOnly today, CancellationToken ct = default)
    {
        var plan = await db.WorkPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return WorkflowRefusals.NotFound(Records.Plan);
        }

        var actor = await steps.ActorAsync(userId, plan.StateBodyId, ct);
        if (!actor.Is(plan.DirectSupervisorId) && !actor.IsHr)
        {
            return actor.Roles.Count == 0 ? WorkflowRefusals.NotFound(Records.Plan) : WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (await db.Set<CompetencySheet>().AnyAsync(s => s.CycleId == plan.CycleId && s.ServantId == plan.ServantId, ct))
        {
            return Refusal.Of("sheet-exists", $"Құзыреттер бойынша бағалау парағы бұрын ашылған", $"Оценочный лист по компетенциям уже открыт", $"The competency sheet is already open");
        }

        var servant = await db.Servants.AsNoTracking().FirstAsync(s => s.Id == plan.ServantId, ct);
        var cycleYear = await db.EvaluationCycles2018.AsNoTracking().Where(c => c.Id == plan.CycleId).Select(c => c.Year).FirstAsync(ct);
        var yearEnd = new DateOnly(cycleYear, 12, 31);
        var on = today < yearEnd ? today : yearEnd;
        var position = await db.Appointments.AsNoTracking()
            .Where(a => a.ServantId == plan.ServantId && a.From <= on && (a.To == null || a.To >= on))
            .OrderByDescending(a => a.From)
            .Join(db.Positions, a => a.PositionId, p => p.Id, (a, p) => new { p.Category, p.Qualifier })
            .FirstOrDefaultAsync(ct);
        if (position is null)
        {
            return Refusal.Of("no-position", $"Қызметшінің {WorkflowRefusals.Day(on)} күнгі лауазымы жоқ", $"У служащего нет должности на {WorkflowRefusals.Day(on)}", $"The servant holds no position on {WorkflowRefusals.Day(on)}");
        }

        var qualifier = position.Qualifier == PositionQualifier.None ? null : KindIds.Id(position.Qualifier);
        var version = steps.VersionOf(plan.PackId, plan.PackVersionId);
        var opened = CompetencySheet.Open(plan.StateBodyId, plan.CycleId, plan.ServantId, plan.DirectSupervisorId, version, new PackPosition(position.Category, qualifier), servant.ProvidesPublicServices);
        if (opened.Value is not { } sheet)
        {
            return opened;
        }

        db.Set<CompetencySheet>().Add(sheet);
        return await steps.SaveAsync(sheet, ct);
    }

    /// <summary>The sheet with its competencies and indicators, for the servant, the direct supervisor and HR (audited).</summary>
    public async Task<Outcome<CompetencySheetView>> CompetencySheetAsync(string userId, Guid sheetId, CancellationToken ct = default)
    {
        var sheet = await db.Set<CompetencySheet>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null)
        {
            return Outcome<CompetencySheetView>.Refused(WorkflowRefusals.NotFound(Records.CompetencySheet));
        }

        var actor = await steps.ActorAsync(userId, sheet.StateBodyId, ct);
        if (!(actor.Is(sheet.ServantId) || actor.Is(sheet.DirectSupervisorId) || actor.IsHr))
        {
            return Outcome<CompetencySheetView>.Refused(WorkflowRefusals.NotFound(Records.CompetencySheet));
        }

        await audit.RecordReadAsync(nameof(CompetencySheet), sheet.Id.ToString(), sheet.StateBodyId, ct);
        var version = steps.VersionOf(sheet.PackId, sheet.PackVersionId);
        var views = sheet.Assessed(version).Select(c => new CompetencyView(
            c.Id,
            c.Title,
            sheet.Indicators(version, c.Id),
            sheet.Marks.FirstOrDefault(m => m.Competency == c.Id)?.Observed ?? [],
            sheet.Results.FirstOrDefault(r => r.Competency == c.Id))).ToList();
        return new CompetencySheetView(sheet, views);
    }

    public Task<Outcome> TickAsync(string userId, Guid sheetId, int version, string competency, IReadOnlyList<int> observed, CancellationToken ct = default) =>
        CompetencyAsync(userId, sheetId, version, (sheet, actor, v) => Task.FromResult(sheet.Tick(actor, v, competency, observed)), ct);

    /// <summary>
    /// The direct supervisor ticks every competency of the form and, when <paramref name="sign"/>,
    /// signs, as one step: a refusal of any tick or of the signature keeps nothing.
    /// </summary>
    public Task<Outcome> MarkCompetencySheetAsync(
        string userId, Guid sheetId, int version, IReadOnlyList<CompetencyMarkInput> marks, bool sign, DateOnly today, CancellationToken ct = default)
    {
        var next = version;
        var parts = marks.Select<CompetencyMarkInput, Func<Task<Outcome>>>(mark => async () =>
        {
            var ticked = await TickAsync(userId, sheetId, next, mark.Competency, mark.Observed, ct);
            next = await versions.CompetencySheetAsync(sheetId, ct);
            return ticked;
        }).ToList();
        if (sign)
        {
            parts.Add(() => SignCompetencySheetAsync(userId, sheetId, next, today, ct));
        }

        return steps.AllOrNoneAsync(parts, ct);
    }

    /// <summary>The task kind of HR sending a signed competency sheet to the Commission.</summary>
    public const string SendTaskKind = "competency-to-commission";

    public static TaskSubject CompetencySubject(Guid sheetId) => new("competency-sheet", sheetId);

    /// <summary>The direct supervisor signs; HR gets the task to send the sheet to the Commission within the pack's sheet-to-commission deadline (clause 28 sets the KPI sheet's 2 working days).</summary>
    public Task<Outcome> SignCompetencySheetAsync(string userId, Guid sheetId, int version, DateOnly today, CancellationToken ct = default) =>
        CompetencyAsync(userId, sheetId, version, async (sheet, actor, v) =>
        {
            var signed = sheet.Sign(actor, v, today);
            if (signed.IsRefused)
            {
                return signed;
            }

            var due = Domain.Decisions.DeadlineDecision.Decide(v, "sheet-to-commission", today, steps.Context.Calendar);
            var unit = await steps.Context.UnitOfAsync(sheet.ServantId, today, ct);
            foreach (var hr in await tasks.UsersInRolesAsync(sheet.StateBodyId, [Accounts.BodyRole.Hr, Accounts.BodyRole.HrHead], ct))
            {
                if (due.Answer is { } answer)
                {
                    tasks.ScheduleOn(sheet.StateBodyId, due.Provenance!, "sheet-to-commission", answer.Due, SendTaskKind, TaskAssignee.User(hr), CompetencySubject(sheet.Id), sheet.CycleId, unit);
                }
                else
                {
                    tasks.ScheduleUndated(sheet.StateBodyId, sheet.PackId, sheet.PackVersionId, SendTaskKind, TaskAssignee.User(hr), CompetencySubject(sheet.Id), sheet.CycleId, unit);
                }
            }

            return signed;
        }, ct);

    public Task<Outcome> SendCompetencySheetAsync(string userId, Guid sheetId, int version, DateOnly today, CancellationToken ct = default) =>
        CompetencyAsync(userId, sheetId, version, async (sheet, actor, _) =>
        {
            var sent = sheet.SendToCommission(actor, today);
            if (!sent.IsRefused)
            {
                await tasks.CompleteAsync(CompetencySubject(sheet.Id), SendTaskKind, today, ct);
            }

            return sent;
        }, ct);

    private async Task<Outcome> CompetencyAsync(string userId, Guid sheetId, int version, Func<CompetencySheet, Actor, Domain.Packs.PackVersion, Task<Outcome>> transition, CancellationToken ct)
    {
        var sheet = await db.Set<CompetencySheet>().FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null)
        {
            return WorkflowRefusals.NotFound(Records.CompetencySheet);
        }

        // As for plans and KPI sheets: people of the body get the domain's refusal (wrong actor), others not-found.
        var actor = await steps.ActorAsync(userId, sheet.StateBodyId, ct);
        if (actor.Roles.Count == 0)
        {
            return WorkflowRefusals.NotFound(Records.CompetencySheet);
        }

        return await steps.RunAsync(sheet, version, () => transition(sheet, actor, steps.VersionOf(sheet.PackId, sheet.PackVersionId)), ct);
    }

    /// <summary>The KPI sheet and the actor when the actor may see it (servant, direct supervisor, superior, HR); others not-found.</summary>
    private async Task<(KpiSheet? Sheet, Actor? Actor, Refusal? Refusal)> SheetForAsync(string userId, Guid sheetId, CancellationToken ct)
    {
        var sheet = await db.KpiSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null)
        {
            return (null, null, WorkflowRefusals.NotFound(Records.KpiSheet));
        }

        var actor = await steps.ActorAsync(userId, sheet.StateBodyId, ct);
        if (!(actor.Is(sheet.ServantId) || actor.Is(sheet.DirectSupervisorId) || actor.Is(sheet.SuperiorId) || actor.IsHr))
        {
            return (null, null, WorkflowRefusals.NotFound(Records.KpiSheet));
        }

        return (sheet, actor, null);
    }

    private static KpiFactInfo Info(KpiFact f) => new(f.Id, f.SheetId, f.KpiNumber, f.FileName, f.ContentType, f.Length, f.UploadedOn);
}
