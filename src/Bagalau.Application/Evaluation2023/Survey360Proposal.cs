using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

/// <summary>
/// The respondents Bagalau proposes when a 360 round is launched (oskemen 34-35), read from the
/// body's appointments and reporting lines: one target per servant in office on the day, with
/// the direct supervisor, direct subordinates and same-level colleagues. Shared by HR's launch
/// and the dataset generator, so both propose the same people.
/// </summary>
public static class Survey360Proposal
{
    public static async Task<List<Survey360Target>> ProposeAsync(BagalauDbContext db, Survey360Round round, PackVersion version, DateOnly today, CancellationToken ct = default)
    {
        var bodyId = round.StateBodyId;
        var servants = await db.Servants.AsNoTracking().Include(s => s.Appointments).Where(s => s.StateBodyId == bodyId).ToListAsync(ct);
        var positions = await db.Positions.AsNoTracking().Where(p => p.StateBodyId == bodyId).ToDictionaryAsync(p => p.Id, ct);
        var topUnits = (await db.StructuralUnits.AsNoTracking().Where(u => u.StateBodyId == bodyId && u.ParentId == null).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var lines = ReportingStructure.Of(await db.ReportingLines.AsNoTracking().Where(l => l.StateBodyId == bodyId).ToListAsync(ct));
        var active = servants.Where(s => s.AppointmentOn(today) is not null).Select(s => s.Id).ToHashSet();
        var targets = new List<Survey360Target>();
        foreach (var servant in servants.Where(s => active.Contains(s.Id)).OrderBy(s => s.FullName, StringComparer.Ordinal))
        {
            // oskemen 34: the head of the apparatus (head of a top-level unit) answers the head's competencies.
            var position = positions[servant.AppointmentOn(today)!.PositionId];
            var role = position.Qualifier == PositionQualifier.UnitHead && topUnits.Contains(position.UnitId) ? "head" : "servant";
            var supervisor = lines.DirectSupervisorOf(servant.Id) is { } sup && active.Contains(sup) ? sup : (Guid?)null;
            var subordinates = lines.DirectReportsOf(servant.Id).Where(active.Contains).ToList();
            var peers = supervisor is { } boss ? lines.DirectReportsOf(boss).Where(p => p != servant.Id && active.Contains(p)).ToList() : [];
            targets.Add(Survey360Target.Propose(round, version, servant.Id, role, supervisor, subordinates, peers));
        }

        return targets;
    }
}
