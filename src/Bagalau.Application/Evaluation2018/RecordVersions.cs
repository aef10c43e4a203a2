using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2018;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>
/// The stored version of a 2018-family record, for a page that runs a second step right after a
/// first one saved (the second must name the version the first left) and for a form that edits
/// a record it did not show. Reads the row as stored, never the context's copy.
/// </summary>
public sealed class RecordVersions(BagalauDbContext db)
{
    public Task<int> PlanAsync(Guid planId, CancellationToken ct) =>
        db.WorkPlans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Version).FirstAsync(ct);

    public Task<int> KpiSheetAsync(Guid sheetId, CancellationToken ct) =>
        db.KpiSheets.AsNoTracking().Where(s => s.Id == sheetId).Select(s => s.Version).FirstAsync(ct);

    public Task<int> CompetencySheetAsync(Guid sheetId, CancellationToken ct) =>
        db.Set<CompetencySheet>().AsNoTracking().Where(s => s.Id == sheetId).Select(s => s.Version).FirstAsync(ct);

    /// <summary>The version of the plan's note of that quarter, or null when none is recorded yet.</summary>
    public Task<int?> NoteAsync(Guid planId, int quarter, CancellationToken ct) =>
        db.Set<MonitoringNote>().AsNoTracking().Where(n => n.PlanId == planId && n.Quarter == quarter).Select(n => (int?)n.Version).FirstOrDefaultAsync(ct);
}
