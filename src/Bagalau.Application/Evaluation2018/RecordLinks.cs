using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2018;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>
/// The records a 2018-family record links to, for the links its page shows (the plan's sheets,
/// the sheets an appeal reopened, the appeals of a sitting). The callers pass a record they have
/// opened through a use case, which checked the user's access to it.
/// </summary>
public sealed class RecordLinks(BagalauDbContext db)
{
    /// <summary>A plan known to exist (the one a KPI sheet was opened from).</summary>
    public Task<WorkPlan> PlanAsync(Guid planId, CancellationToken ct) =>
        db.WorkPlans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);

    /// <summary>The servant's plan in the cycle, if drafted.</summary>
    public Task<Guid?> PlanOfAsync(Guid cycleId, Guid servantId, CancellationToken ct) =>
        db.WorkPlans.AsNoTracking().Where(p => p.CycleId == cycleId && p.ServantId == servantId).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>The KPI sheet opened from the plan, if any.</summary>
    public Task<Guid?> KpiSheetOfAsync(Guid planId, CancellationToken ct) =>
        db.KpiSheets.AsNoTracking().Where(s => s.PlanId == planId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    /// <summary>The servant's competency sheet in the cycle, if opened.</summary>
    public Task<Guid?> CompetencySheetOfAsync(Guid cycleId, Guid servantId, CancellationToken ct) =>
        db.Set<CompetencySheet>().AsNoTracking().Where(s => s.CycleId == cycleId && s.ServantId == servantId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    /// <summary>The KPI sheet and the competency sheet a re-evaluation on the appeal reopened, if any.</summary>
    public async Task<(Guid? KpiSheetId, Guid? CompetencySheetId)> ReopenedByAsync(Guid appealId, CancellationToken ct) => (
        await db.KpiSheets.AsNoTracking().Where(s => s.ReopenedByAppealId == appealId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct),
        await db.Set<CompetencySheet>().AsNoTracking().Where(s => s.ReopenedByAppealId == appealId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct));

    /// <summary>The appeals filed from the sitting's protocol: one per servant (the first when there are more), by servant.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> AppealsOfSittingAsync(Guid sittingId, CancellationToken ct) =>
        (await db.Set<EvaluationAppeal>().AsNoTracking().Where(a => a.SittingId == sittingId).Select(a => new { a.ServantId, a.Id }).ToListAsync(ct))
            .GroupBy(a => a.ServantId).ToDictionary(g => g.Key, g => g.First().Id);
}
