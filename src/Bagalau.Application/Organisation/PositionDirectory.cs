using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Organisation;

/// <summary>
/// Positions and their units as the servants' pages name them: a position by the code HR types,
/// the positions a servant was appointed to, and the position each servant of a page holds today
/// (one query for the page, never one per row).
/// </summary>
public sealed class PositionDirectory(BagalauDbContext db)
{
    /// <summary>The body's position with that code, if any.</summary>
    public Task<Guid?> IdByCodeAsync(Guid bodyId, string code, CancellationToken ct) =>
        db.Positions.AsNoTracking()
            .Where(p => p.StateBodyId == bodyId && p.Code == code)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>The body's positions among <paramref name="ids"/>, by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, Position>> InBodyAsync(Guid bodyId, IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Positions.AsNoTracking().Where(p => p.StateBodyId == bodyId && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

    /// <summary>Units by id (of positions already read from the body).</summary>
    public async Task<IReadOnlyDictionary<Guid, StructuralUnit>> UnitsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.StructuralUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);

    /// <summary>The position and unit each of the servants holds on <paramref name="day"/> (servants holding none are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, (Position Position, StructuralUnit Unit)>> HeldOnAsync(
        Guid bodyId, IReadOnlyCollection<Guid> servantIds, DateOnly day, CancellationToken ct)
    {
        var rows = await (from a in db.Appointments.AsNoTracking()
                          join p in db.Positions.AsNoTracking() on a.PositionId equals p.Id
                          join u in db.StructuralUnits.AsNoTracking() on p.UnitId equals u.Id
                          where a.StateBodyId == bodyId && servantIds.Contains(a.ServantId) && a.From <= day && (a.To == null || a.To >= day)
                          select new { a.ServantId, Position = p, Unit = u }).ToListAsync(ct);
        return rows.GroupBy(r => r.ServantId).ToDictionary(g => g.Key, g => (g.First().Position, g.First().Unit));
    }
}
