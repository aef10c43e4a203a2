using Bagalau.Application.Audit;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using DecisionAbsence = Bagalau.Domain.Decisions.Absence;

namespace Bagalau.Application.Evaluation2018;

/// <summary>What opening a cycle did: the cycle, the eligibility list and how many plans were drafted.</summary>
public sealed record OpenedCycle(EvaluationCycle Cycle, IReadOnlyList<EligibilityEntry> Eligibility, int PlansDrafted);

/// <summary>The fields of one KPI as a form or the API sends them (Appendix 1).</summary>
public sealed record KpiInput(string? Name, string? Unit, string? Planned, DateOnly? Due, string? Result, string? Source = null)
{
    public KpiEntry ToEntry() => new(Name, Unit, Planned, Due, Result, Source);
}

/// <summary>Actual value and achievement of one KPI of the sheet.</summary>
/// <param name="Exception">The evaluator's reason for marking a measurable KPI otherwise than the engine computes.</param>
public sealed record KpiResultInput(int Number, string? Actual, bool Achieved, string? Exception = null);

/// <summary>
/// The 2018 family's annual cycle as use cases for the web app, the API and the CLI: open the
/// cycle with the eligibility list and tasks, the work plan steps and the KPI sheet steps.
/// Every transition loads the record, checks the version the user saw, lets the domain decide
/// (with the engine's decisions) and saves the change with its task updates in one save.
/// </summary>
public sealed class Evaluation2018Service(BagalauDbContext db, WorkflowContext context, WorkflowSteps steps, RecordVersions versions, TaskService tasks, AuditLog audit, PackCatalog packs)
{
    public const string PlanSubject = "work-plan";
    public const string SheetSubject = "kpi-sheet";

    /// <summary>HR's task to send an agreed KPI sheet (or a signed competency sheet) to the Commission.</summary>
    public const string SendTaskKind = "sheet-to-commission";

    /// <summary>HR opens the year's cycle: eligibility for every servant appointed in the year, a draft plan and a task for each one evaluated.</summary>
    public async Task<Outcome<OpenedCycle>> OpenCycleAsync(string userId, Guid bodyId, string packId, int year, DateOnly today, CancellationToken ct = default)
    {
        var actor = await context.ActorAsync(userId, bodyId, ct);
        var pack = packs.Catalogue.Find(packId);
        if (pack is null)
        {
            return context.VersionOf(packId, today).Refusal!;
        }

        var opened = EvaluationCycle.Open(actor, bodyId, pack, year, today);
        if (opened.Value is not { } cycle)
        {
            return opened.Refusal!;
        }

        if (await db.EvaluationCycles2018.AnyAsync(c => c.StateBodyId == bodyId && c.Year == year && c.PackId == packId, ct))
        {
            return Refusal.Of(
                $"cycle-exists",
                $"{year} жылғы бағалау бұрын ашылған",
                $"Оценка за {year} год уже открыта",
                $"The {year} evaluation is already open");
        }

        var version = pack.VersionOn(new DateOnly(year, 1, 1))!;
        var period = cycle.Period;
        db.EvaluationCycles2018.Add(cycle);

        var servants = await db.Servants.Where(s => s.StateBodyId == bodyId)
            .Include(s => s.Appointments).Include(s => s.Probations).Include(s => s.Absences).Include(s => s.Dismissals)
            .AsSplitQuery().ToListAsync(ct);
        var structure = ReportingStructure.Of(await db.ReportingLines.Where(l => l.StateBodyId == bodyId).ToListAsync(ct));
        var positions = await db.Positions.Where(p => p.StateBodyId == bodyId).ToDictionaryAsync(p => p.Id, ct);
        var firstHead = FirstHeadOf(servants, structure);

        var entries = new List<EligibilityEntry>();
        var drafted = 0;
        foreach (var servant in servants.OrderBy(s => s.FullName, StringComparer.Ordinal))
        {
            var appointment = servant.Appointments.Where(a => a.From <= period.End && (a.To == null || a.To >= period.Start)).OrderByDescending(a => a.From).FirstOrDefault();
            if (appointment is null)
            {
                continue;
            }

            var unitId = positions.TryGetValue(appointment.PositionId, out var position) ? position.UnitId : (Guid?)null;
            var input = new EligibilityInput(
                period,
                appointment.From,
                servant.Probations.Where(p => p.From <= period.End).Select(p => (DateOnly?)p.To).Max(),
                servant.Absences.Select(a => new DecisionAbsence(KindIds.Id(a.Kind), a.From, a.To)).ToList(),
                servant.Dismissals.Where(d => d.Date >= period.Start).Select(d => (DateOnly?)d.Date).Min(),
                null);
            var decided = EligibilityDecision.Decide(version, input, context.Calendar);
            if (decided.Refusal is not null)
            {
                continue;
            }

            var entry = new EligibilityEntry(bodyId, cycle.Id, servant.Id, unitId, decided.Answer!, decided.Provenance!.Clause);
            entries.Add(entry);
            db.EligibilityEntries.Add(entry);
            if (entry.Evaluate == "after-return" && entry.Due is { } due && structure.DirectSupervisorOf(servant.Id) is { } evaluator)
            {
                tasks.ScheduleOn(bodyId, decided.Provenance, "evaluate-after-return", due, "evaluate-after-return", TaskAssignee.Servant(evaluator), new TaskSubject("servant", servant.Id), cycle.Id, unitId);
            }

            if (entry.Evaluate != "yes" || structure.DirectSupervisorOf(servant.Id) is not { } supervisor)
            {
                continue;
            }

            var approver = PlanApproverRule.Decide(version, supervisor, structure.SuperiorOf(servant.Id), firstHead);
            if (approver.Value is null)
            {
                continue;
            }

            var plan = WorkPlan.Draft(bodyId, cycle.Id, servant.Id, supervisor, approver.Value, version);
            db.WorkPlans.Add(plan);
            tasks.Schedule(bodyId, packId, "plan-set", period.Start, "plan-draft", TaskAssignee.Servant(supervisor), new TaskSubject(PlanSubject, plan.Id), cycle.Id, unitId);
            drafted++;
        }

        await db.SaveChangesAsync(ct);
        return new OpenedCycle(cycle, entries, drafted);
    }

    /// <summary>The eligibility list of a cycle (HR), paged.</summary>
    public async Task<Outcome<Page<EligibilityEntry>>> EligibilityAsync(string userId, Guid cycleId, PageRequest page, CancellationToken ct = default)
    {
        var cycle = await db.EvaluationCycles2018.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null || !(await context.ActorAsync(userId, cycle.StateBodyId, ct)).IsHr)
        {
            return WorkflowRefusals.NotFound(Records.Cycle);
        }

        return await db.EligibilityEntries.AsNoTracking().Where(e => e.CycleId == cycleId).OrderBy(e => e.ServantId).ToPageAsync(page, ct);
    }

    /// <summary>
    /// A plan for those who may see it (the servant, the direct supervisor, the approver, HR);
    /// others get not-found. The read is audited.
    /// </summary>
    public async Task<Outcome<WorkPlan>> GetPlanAsync(string userId, Guid planId, CancellationToken ct = default)
    {
        var opened = await context.OpenAsync(db.WorkPlans.AsNoTracking(), planId, userId, (actor, plan) => actor.Is(plan.ServantId) || actor.Is(plan.DirectSupervisorId) || actor.Is(plan.ApproverId) || actor.IsHr, Records.Plan, ct);
        if (opened.Value is not (var actor, var plan))
        {
            return opened.Refusal!;
        }

        await audit.RecordReadAsync(nameof(WorkPlan), plan.Id.ToString(), plan.StateBodyId, ct);
        return plan;
    }

    public Task<Outcome> SetKpisAsync(string userId, Guid planId, int version, IReadOnlyList<KpiInput> kpis, CancellationToken ct = default) =>
        PlanAsync(userId, planId, version, (plan, actor, _) => Task.FromResult(plan.SetKpis(actor, kpis.Select(k => k.ToEntry()).ToList())), ct);

    /// <summary>The direct supervisor saves the plan's KPIs and submits it as one step: a refused submission keeps nothing of the save.</summary>
    public Task<Outcome> SaveAndSubmitPlanAsync(string userId, Guid planId, int version, IReadOnlyList<KpiInput> kpis, DateOnly today, CancellationToken ct = default) =>
        steps.AllOrNoneAsync(
            [
                () => SetKpisAsync(userId, planId, version, kpis, ct),
                async () => await SubmitPlanAsync(userId, planId, await versions.PlanAsync(planId, ct), today, ct),
            ],
            ct);

    public Task<Outcome> SubmitPlanAsync(string userId, Guid planId, int version, DateOnly today, CancellationToken ct = default) =>
        PlanAsync(userId, planId, version, async (plan, actor, v) =>
        {
            var year = await db.EvaluationCycles2018.AsNoTracking().Where(c => c.Id == plan.CycleId).Select(c => c.Year).FirstAsync(ct);
            var outcome = plan.Submit(actor, v, Period.OfYear(year), today);
            if (!outcome.IsRefused)
            {
                await tasks.CompleteAsync(new TaskSubject(PlanSubject, plan.Id), "plan-draft", today);
                await tasks.CompleteAsync(new TaskSubject(PlanSubject, plan.Id), "plan-resubmit", today);
                tasks.Schedule(plan.StateBodyId, plan.PackId, "plan-set", today, "plan-approve", TaskAssignee.Servant(plan.ApproverId), new TaskSubject(PlanSubject, plan.Id), plan.CycleId, null);
            }

            return outcome;
        }, ct);

    public Task<Outcome> ReturnPlanAsync(string userId, Guid planId, int version, string reason, DateOnly today, CancellationToken ct = default) =>
        PlanAsync(userId, planId, version, async (plan, actor, v) =>
        {
            var outcome = plan.Return(actor, reason, DeadlineDecision.Decide(v, "plan-resubmit", today, context.Calendar));
            if (!outcome.IsRefused)
            {
                await tasks.CompleteAsync(new TaskSubject(PlanSubject, plan.Id), "plan-approve", today);
                tasks.Schedule(plan.StateBodyId, plan.PackId, "plan-resubmit", today, "plan-resubmit", TaskAssignee.Servant(plan.DirectSupervisorId), new TaskSubject(PlanSubject, plan.Id), plan.CycleId, null);
            }

            return outcome;
        }, ct);

    public Task<Outcome> ApprovePlanAsync(string userId, Guid planId, int version, DateOnly today, CancellationToken ct = default) =>
        PlanAsync(userId, planId, version, async (plan, actor, _) =>
        {
            var outcome = plan.Approve(actor, today);
            if (!outcome.IsRefused)
            {
                await tasks.CompleteAsync(new TaskSubject(PlanSubject, plan.Id), "plan-approve", today);
            }

            return outcome;
        }, ct);

    /// <summary>Opens the KPI sheet of an approved plan (the direct supervisor or HR).</summary>
    public async Task<Outcome<KpiSheet>> OpenSheetAsync(string userId, Guid planId, CancellationToken ct = default)
    {
        var plan = await db.WorkPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return WorkflowRefusals.NotFound(Records.Plan);
        }

        var actor = await context.ActorAsync(userId, plan.StateBodyId, ct);
        if (!actor.Is(plan.DirectSupervisorId) && !actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (await db.KpiSheets.AnyAsync(s => s.PlanId == planId, ct))
        {
            return Refusal.Of("sheet-exists", $"Бағалау парағы бұрын ашылған", $"Оценочный лист уже открыт", $"The KPI sheet is already open");
        }

        var version = VersionOf(plan.PackId, plan.PackVersionId);
        var opened = KpiSheet.Open(plan, plan.ApproverId, version);
        if (opened.Value is { } sheet)
        {
            db.KpiSheets.Add(sheet);
            await db.SaveChangesAsync(ct);
        }

        return opened;
    }

    public async Task<Outcome<KpiSheet>> GetSheetAsync(string userId, Guid sheetId, CancellationToken ct = default)
    {
        var opened = await context.OpenAsync(db.KpiSheets.AsNoTracking(), sheetId, userId, (actor, sheet) => actor.Is(sheet.ServantId) || actor.Is(sheet.DirectSupervisorId) || actor.Is(sheet.SuperiorId) || actor.IsHr, Records.KpiSheet, ct);
        if (opened.Value is not (var actor, var sheet))
        {
            return opened.Refusal!;
        }

        await audit.RecordReadAsync(nameof(KpiSheet), sheet.Id.ToString(), sheet.StateBodyId, ct);
        return sheet;
    }

    public Task<Outcome> FillSheetAsync(string userId, Guid sheetId, int version, IReadOnlyList<KpiResultInput> results, CancellationToken ct = default) =>
        SheetAsync(userId, sheetId, version, (sheet, actor, v) => Task.FromResult(sheet.Fill(actor, v, results.Select(r => (r.Number, r.Actual, r.Achieved, r.Exception)).ToList())), ct);

    /// <summary>The direct supervisor records the actual values and signs as one step: a refused signature keeps nothing of the save.</summary>
    public Task<Outcome> FillAndSignSheetAsync(string userId, Guid sheetId, int version, IReadOnlyList<KpiResultInput> results, DateOnly today, CancellationToken ct = default) =>
        steps.AllOrNoneAsync(
            [
                () => FillSheetAsync(userId, sheetId, version, results, ct),
                async () => await SignSheetAsync(userId, sheetId, await versions.KpiSheetAsync(sheetId, ct), today, ct),
            ],
            ct);

    public Task<Outcome> SignSheetAsync(string userId, Guid sheetId, int version, DateOnly today, CancellationToken ct = default) =>
        SheetAsync(userId, sheetId, version, async (sheet, actor, v) =>
        {
            var outcome = sheet.Sign(actor, v, today);
            if (!outcome.IsRefused)
            {
                // A returned sheet signed again is the resubmission the direct supervisor owed.
                await tasks.CompleteAsync(new TaskSubject(SheetSubject, sheet.Id), "sheet-resubmit", today, ct);
                tasks.Schedule(sheet.StateBodyId, sheet.PackId, "sheet-resubmit", today, "sheet-agree", TaskAssignee.Servant(sheet.SuperiorId), new TaskSubject(SheetSubject, sheet.Id), null, null);
            }

            return outcome;
        }, ct);

    public Task<Outcome> ReturnSheetAsync(string userId, Guid sheetId, int version, string reason, DateOnly today, CancellationToken ct = default) =>
        SheetAsync(userId, sheetId, version, async (sheet, actor, v) =>
        {
            var outcome = sheet.Return(actor, reason, DeadlineDecision.Decide(v, "sheet-resubmit", today, context.Calendar));
            if (!outcome.IsRefused)
            {
                await tasks.CompleteAsync(new TaskSubject(SheetSubject, sheet.Id), "sheet-agree", today);
                tasks.Schedule(sheet.StateBodyId, sheet.PackId, "sheet-resubmit", today, "sheet-resubmit", TaskAssignee.Servant(sheet.DirectSupervisorId), new TaskSubject(SheetSubject, sheet.Id), null, null);
            }

            return outcome;
        }, ct);

    public Task<Outcome> AgreeSheetAsync(string userId, Guid sheetId, int version, DateOnly today, CancellationToken ct = default) =>
        SheetAsync(userId, sheetId, version, async (sheet, actor, v) =>
        {
            var due = DeadlineDecision.Decide(v, "sheet-to-commission", today, context.Calendar);
            var outcome = sheet.Agree(actor, today, due);
            if (!outcome.IsRefused)
            {
                await tasks.CompleteAsync(new TaskSubject(SheetSubject, sheet.Id), "sheet-agree", today);
                if (due.Answer is { } answer)
                {
                    // HR sends it within the pack's sheet-to-commission deadline (clause 24).
                    var cycleId = await db.WorkPlans.AsNoTracking().Where(p => p.Id == sheet.PlanId).Select(p => (Guid?)p.CycleId).FirstOrDefaultAsync(ct);
                    var unit = await context.UnitOfAsync(sheet.ServantId, today, ct);
                    foreach (var hr in await tasks.UsersInRolesAsync(sheet.StateBodyId, [Accounts.BodyRole.Hr, Accounts.BodyRole.HrHead], ct))
                    {
                        tasks.ScheduleOn(sheet.StateBodyId, due.Provenance!, "sheet-to-commission", answer.Due, SendTaskKind, TaskAssignee.User(hr), new TaskSubject(SheetSubject, sheet.Id), cycleId, unit);
                    }
                }
            }

            return outcome;
        }, ct);

    public Task<Outcome> SendSheetToCommissionAsync(string userId, Guid sheetId, int version, DateOnly today, CancellationToken ct = default) =>
        SheetAsync(userId, sheetId, version, async (sheet, actor, _) =>
        {
            var sent = sheet.SendToCommission(actor, today);
            if (!sent.IsRefused)
            {
                await tasks.CompleteAsync(new TaskSubject(SheetSubject, sheet.Id), SendTaskKind, today, ct);
            }

            return sent;
        }, ct);

    private async Task<Outcome> PlanAsync(string userId, Guid planId, int version, Func<WorkPlan, Actor, PackVersion, Task<Outcome>> transition, CancellationToken ct)
    {
        var plan = await db.WorkPlans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null)
        {
            return WorkflowRefusals.NotFound(Records.Plan);
        }

        return await TransitionAsync(plan, plan.StateBodyId, VersionOf(plan.PackId, plan.PackVersionId), userId, version, (actor, v) => transition(plan, actor, v), ct);
    }

    private async Task<Outcome> SheetAsync(string userId, Guid sheetId, int version, Func<KpiSheet, Actor, PackVersion, Task<Outcome>> transition, CancellationToken ct)
    {
        var sheet = await db.KpiSheets.FirstOrDefaultAsync(s => s.Id == sheetId, ct);
        if (sheet is null)
        {
            return WorkflowRefusals.NotFound(Records.KpiSheet);
        }

        return await TransitionAsync(sheet, sheet.StateBodyId, VersionOf(sheet.PackId, sheet.PackVersionId), userId, version, (actor, v) => transition(sheet, actor, v), ct);
    }

    private async Task<Outcome> TransitionAsync(OrganisationEntity record, Guid bodyId, PackVersion packVersion, string userId, int version, Func<Actor, PackVersion, Task<Outcome>> transition, CancellationToken ct)
    {
        var actor = await context.ActorAsync(userId, bodyId, ct);
        if (actor.Roles.Count == 0)
        {
            return WorkflowRefusals.NotFound();
        }

        if (!VersionTokens.Expect(db, record, version))
        {
            return WorkflowRefusals.Stale();
        }

        var outcome = await transition(actor, packVersion);
        if (outcome.IsRefused)
        {
            return outcome;
        }

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

    private PackVersion VersionOf(string packId, string versionId) =>
        packs.Catalogue.Find(packId)!.Versions.First(v => v.Id == versionId);

    /// <summary>
    /// The first head of the body as the reporting lines show it: the one servant at the top of
    /// the direct-supervisor tree (has reports, reports to nobody). Null when the lines do not
    /// name exactly one (then the superior approves every plan, clause 10).
    /// </summary>
    private static Guid? FirstHeadOf(IEnumerable<Servant> servants, ReportingStructure structure)
    {
        var roots = servants.Where(s => structure.DirectSupervisorOf(s.Id) is null && structure.DirectReportsOf(s.Id).Any()).Select(s => s.Id).ToList();
        return roots.Count == 1 ? roots[0] : null;
    }
}
