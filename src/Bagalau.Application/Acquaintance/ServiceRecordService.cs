using Bagalau.Application.Audit;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Acquaintance;

/// <summary>One line of a servant's service record: the date, the result and how the servant was acquainted.</summary>
public sealed record ServiceRecordLine(Guid Id, DateOnly On, string SubjectType, Guid SubjectId, LocalizedText Text);

/// <summary>
/// A servant's service record (послужной список): the evaluation results entered by every
/// completed acquaintance, newest first. It holds results, so it opens only to the servant and
/// to the body's HR (anyone else: not found), and each reading is audited like a result's.
/// </summary>
public sealed class ServiceRecordService(BagalauDbContext db, WorkflowActors actors, AuditLog audit)
{
    public async Task<Outcome<IReadOnlyList<ServiceRecordLine>>> OfServantAsync(string userId, Guid bodyId, Guid servantId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null || !(actor.IsHr || actor.ServantId == servantId)
            || !await db.Servants.AnyAsync(s => s.Id == servantId && s.StateBodyId == bodyId, ct))
        {
            return WorkflowRefusals.NotFound();
        }

        var entries = await db.ServiceRecordEntries.AsNoTracking()
            .Where(e => e.StateBodyId == bodyId && e.ServantId == servantId)
            .OrderByDescending(e => e.On).ThenBy(e => e.Id)
            .Select(e => new ServiceRecordLine(e.Id, e.On, e.SubjectType, e.SubjectId, new LocalizedText(e.TextKk, e.TextRu, e.TextEn)))
            .ToListAsync(ct);
        await audit.RecordReadAsync("ServiceRecord", servantId.ToString(), bodyId, ct);
        return Outcome<IReadOnlyList<ServiceRecordLine>>.Ok(entries);
    }
}
