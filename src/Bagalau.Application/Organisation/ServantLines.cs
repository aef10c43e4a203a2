using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Organisation;

/// <summary>
/// The reporting lines around one servant, as the servant's page and the API show them: whom
/// they report to (a few lines), who reports to them (a first head may have the whole body, so
/// paged), and whether a line concerns them before it is removed from their page.
/// </summary>
public sealed class ServantLines(BagalauDbContext db)
{
    /// <summary>Lines where the servant reports to someone, by kind.</summary>
    public async Task<IReadOnlyList<ReportingLine>> SupervisorsAsync(Guid bodyId, Guid servantId, CancellationToken ct) =>
        await db.ReportingLines.AsNoTracking()
            .Where(l => l.StateBodyId == bodyId && l.ServantId == servantId)
            .OrderBy(l => l.Kind)
            .ToListAsync(ct);

    /// <summary>Lines where someone reports to the servant, by kind then subordinate, a page at a time.</summary>
    public Task<Page<ReportingLine>> SubordinatesAsync(Guid bodyId, Guid servantId, PageRequest page, CancellationToken ct) =>
        db.ReportingLines.AsNoTracking()
            .Where(l => l.StateBodyId == bodyId && l.SupervisorId == servantId)
            .OrderBy(l => l.Kind).ThenBy(l => l.ServantId)
            .ToPageAsync(page, ct);

    /// <summary>Both: the servant's own lines first, then those of their subordinates, a page at a time.</summary>
    public Task<Page<ReportingLine>> AroundAsync(Guid bodyId, Guid servantId, PageRequest page, CancellationToken ct) =>
        db.ReportingLines.AsNoTracking()
            .Where(l => l.StateBodyId == bodyId && (l.ServantId == servantId || l.SupervisorId == servantId))
            .OrderBy(l => l.ServantId == servantId ? 0 : 1).ThenBy(l => l.Kind).ThenBy(l => l.ServantId)
            .ToPageAsync(page, ct);

    /// <summary>Whether the line is of the body and has the servant at one of its ends (only those are removed from the servant's page).</summary>
    public Task<bool> ConcernsAsync(Guid bodyId, Guid lineId, Guid servantId, CancellationToken ct) =>
        db.ReportingLines.AnyAsync(l => l.StateBodyId == bodyId && l.Id == lineId && (l.ServantId == servantId || l.SupervisorId == servantId), ct);
}
