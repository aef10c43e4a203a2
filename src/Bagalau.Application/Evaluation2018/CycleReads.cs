using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2018;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>A plan the user takes part in, with its cycle's year and its KPI sheet if opened.</summary>
public sealed record MyPlanRow(WorkPlan Plan, int Year, Guid? SheetId, string? SheetState);

/// <summary>
/// The lists of a 2018-family cycle that its pages show around the use cases: the body's cycles,
/// the eligibility counts, the plans and sheets of a page of servants, the Commission's sittings.
/// Reads only, untracked; the cycle pages check the body and the user's roles before using them.
/// </summary>
public sealed class CycleReads(BagalauDbContext db)
{
    /// <summary>The cycle, when it is of the body.</summary>
    public Task<EvaluationCycle?> CycleAsync(Guid bodyId, Guid cycleId, CancellationToken ct) =>
        db.EvaluationCycles2018.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId && c.StateBodyId == bodyId, ct);

    /// <summary>The body's cycles, newest year first.</summary>
    public async Task<IReadOnlyList<EvaluationCycle>> CyclesAsync(Guid bodyId, CancellationToken ct) =>
        await db.EvaluationCycles2018.AsNoTracking().Where(c => c.StateBodyId == bodyId).OrderByDescending(c => c.Year).ThenBy(c => c.PackId).ToListAsync(ct);

    /// <summary>The year a cycle evaluates.</summary>
    public Task<int> YearAsync(Guid cycleId, CancellationToken ct) =>
        db.EvaluationCycles2018.AsNoTracking().Where(c => c.Id == cycleId).Select(c => c.Year).FirstAsync(ct);

    /// <summary>How many servants of the cycle got each eligibility answer (yes, no...).</summary>
    public async Task<IReadOnlyDictionary<string, int>> EligibilityCountsAsync(Guid cycleId, CancellationToken ct) =>
        await db.EligibilityEntries.AsNoTracking().Where(e => e.CycleId == cycleId).GroupBy(e => e.Evaluate)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

    /// <summary>The servants of the cycle to be evaluated (eligibility "yes").</summary>
    public async Task<IReadOnlyList<Guid>> EvaluatedAsync(Guid cycleId, CancellationToken ct) =>
        await db.EligibilityEntries.AsNoTracking().Where(e => e.CycleId == cycleId && e.Evaluate == "yes").Select(e => e.ServantId).ToListAsync(ct);

    /// <summary>
    /// One page of the servants of the cycle to be evaluated (eligibility "yes"), by name, for
    /// the commission's schedule: filtered in SQL by name (folded search) and unit on <paramref name="day"/>.
    /// </summary>
    public async Task<Page<(Guid Id, string Name)>> EvaluatedAsync(Guid bodyId, Guid cycleId, ListQuery query, DateOnly day, CancellationToken ct)
    {
        var servants = db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).Matching(query.Search).InUnit(db, query.UnitId, day);
        var page = await db.EligibilityEntries.AsNoTracking().Where(e => e.CycleId == cycleId && e.Evaluate == "yes")
            .Join(servants, e => e.ServantId, s => s.Id, (e, s) => new { s.Id, s.FullName, s.SearchName })
            .OrderBy(s => s.SearchName).ThenBy(s => s.Id)
            .Select(s => new { s.Id, s.FullName })
            .ToPageAsync(query.Page, ct);
        return new Page<(Guid Id, string Name)>([.. page.Items.Select(s => (s.Id, s.FullName))], page.Number, page.Size, page.Total);
    }

    /// <summary>The plan of each of the servants in the cycle, with its KPI sheet if opened, by servant.</summary>
    public async Task<IReadOnlyDictionary<Guid, (WorkPlan Plan, KpiSheet? Sheet)>> PlansOfAsync(Guid cycleId, IReadOnlyCollection<Guid> servantIds, CancellationToken ct)
    {
        var plans = await db.WorkPlans.AsNoTracking().Where(p => p.CycleId == cycleId && servantIds.Contains(p.ServantId)).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var sheets = await db.KpiSheets.AsNoTracking().Where(s => planIds.Contains(s.PlanId)).ToListAsync(ct);
        return plans.ToDictionary(p => p.ServantId, p => (p, sheets.FirstOrDefault(s => s.PlanId == p.Id)));
    }

    /// <summary>
    /// The plans of the body the servant takes part in (as servant, direct supervisor or approver),
    /// at most 200, newest year first, each with its year and its KPI sheet's id and state.
    /// </summary>
    public async Task<IReadOnlyList<MyPlanRow>> PlansOfServantAsync(Guid bodyId, Guid servantId, CancellationToken ct)
    {
        var plans = await db.WorkPlans.AsNoTracking()
            .Where(p => p.StateBodyId == bodyId && (p.ServantId == servantId || p.DirectSupervisorId == servantId || p.ApproverId == servantId))
            .Take(200).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var cycleIds = plans.Select(p => p.CycleId).Distinct().ToList();
        var years = await db.EvaluationCycles2018.AsNoTracking().Where(c => cycleIds.Contains(c.Id)).Select(c => new { c.Id, c.Year }).ToDictionaryAsync(c => c.Id, c => c.Year, ct);
        var sheets = await db.KpiSheets.AsNoTracking().Where(s => planIds.Contains(s.PlanId)).Select(s => new { s.Id, s.PlanId, s.State }).ToListAsync(ct);
        return plans
            .Select(p => (Plan: p, Sheet: sheets.FirstOrDefault(s => s.PlanId == p.Id)))
            .Select(x => new MyPlanRow(x.Plan, years.GetValueOrDefault(x.Plan.CycleId), x.Sheet?.Id, x.Sheet?.State.ToString().ToLowerInvariant()))
            .OrderByDescending(r => r.Year).ToList();
    }

    /// <summary>The sittings of the cycle's Commission, by date.</summary>
    public async Task<IReadOnlyList<CommissionSitting>> SittingsAsync(Guid cycleId, CancellationToken ct) =>
        await db.Set<CommissionSitting>().AsNoTracking().Where(s => s.CycleId == cycleId).OrderBy(s => s.SittingOn).ToListAsync(ct);

    /// <summary>A schedule of sittings, when it is of the cycle.</summary>
    public Task<CommissionSchedule?> ScheduleAsync(Guid cycleId, Guid? scheduleId, CancellationToken ct) =>
        db.Set<CommissionSchedule>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == scheduleId && s.CycleId == cycleId, ct);
}
