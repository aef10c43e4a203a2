using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Tasks;

/// <summary>
/// Whom each task of a list is about: a task names its subject (a plan, a KPI sheet, an
/// acquaintance, a servant), the list shows the servant's name. One query per kind of subject
/// and one for the names, whatever the length of the page.
/// </summary>
public sealed class TaskSubjects(BagalauDbContext db, ServantDirectory servants)
{
    /// <summary>The name of the servant each task is about, by task id (tasks about no servant are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> AboutAsync(IReadOnlyList<TaskView> tasks, CancellationToken ct)
    {
        var ids = tasks.Select(t => t.SubjectId).Distinct().ToList();
        var servantOf = new Dictionary<Guid, Guid>();
        foreach (var (id, servant) in await db.WorkPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)).ToListAsync(ct))
        {
            servantOf[id] = servant;
        }

        foreach (var (id, servant) in await db.KpiSheets.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)).ToListAsync(ct))
        {
            servantOf[id] = servant;
        }

        foreach (var (id, servant) in await db.Acquaintances.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)).ToListAsync(ct))
        {
            servantOf[id] = servant;
        }

        foreach (var task in tasks.Where(t => t.SubjectType == "servant"))
        {
            servantOf[task.SubjectId] = task.SubjectId;
        }

        var names = await servants.NamesAsync(servantOf.Values, ct);
        return tasks.Where(t => servantOf.ContainsKey(t.SubjectId) && names.ContainsKey(servantOf[t.SubjectId]))
            .ToDictionary(t => t.Id, t => names[servantOf[t.SubjectId]]);
    }
}
