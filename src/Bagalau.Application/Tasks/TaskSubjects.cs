using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Tasks;

/// <summary>
/// Whom each task of a list is about: a task names its subject (a plan, a KPI or rating sheet,
/// a KTI plan, a calibration case, an acquaintance, a servant) or, for a vote on one case of a
/// sitting, the servant directly; the list shows the servant's name. One query per kind of
/// subject present on the page and one for the names, whatever the length of the page.
/// </summary>
public sealed class TaskSubjects(BagalauDbContext db, ServantDirectory servants)
{
    /// <summary>The name of the servant each task is about, by task id (tasks about no servant are left out).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> AboutAsync(IReadOnlyList<TaskView> tasks, CancellationToken ct)
    {
        // task id -> servant id
        var servantOf = new Dictionary<Guid, Guid>();
        foreach (var task in tasks)
        {
            if (task.AboutServantId is { } about)
            {
                servantOf[task.Id] = about;
            }
            else if (task.SubjectType == "servant")
            {
                servantOf[task.Id] = task.SubjectId;
            }
        }

        var bySubject = new Dictionary<Guid, Guid>();
        async Task ReadAsync(string type, Func<List<Guid>, IQueryable<ValueTuple<Guid, Guid>>> query)
        {
            var ids = tasks.Where(t => t.SubjectType == type && !servantOf.ContainsKey(t.Id)).Select(t => t.SubjectId).Distinct().ToList();
            if (ids.Count == 0)
            {
                return;
            }

            foreach (var (id, servant) in await query(ids).ToListAsync(ct))
            {
                bySubject[id] = servant;
            }
        }

        await ReadAsync("work-plan", ids => db.WorkPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)));
        await ReadAsync("kpi-sheet", ids => db.KpiSheets.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)));
        await ReadAsync("competency-sheet", ids => db.Set<Domain.Evaluation2018.CompetencySheet>().AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)));
        await ReadAsync("acquaintance", ids => db.Acquaintances.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)));
        await ReadAsync("rating-sheet", ids => db.RatingSheets.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)));
        await ReadAsync("kti-plan", ids => db.KtiPlans.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ServantId)));
        await ReadAsync("calibration", ids => db.CalibrationCases.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new ValueTuple<Guid, Guid>(p.Id, p.ApplicantId)));
        foreach (var task in tasks)
        {
            if (!servantOf.ContainsKey(task.Id) && bySubject.TryGetValue(task.SubjectId, out var servant))
            {
                servantOf[task.Id] = servant;
            }
        }

        var names = await servants.NamesAsync(servantOf.Values, ct);
        return servantOf.Where(p => names.ContainsKey(p.Value)).ToDictionary(p => p.Key, p => names[p.Value]);
    }

    /// <summary>The name of each task's assignee when it is a servant (the person to remind), by task id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> AssigneesAsync(IReadOnlyList<TaskView> tasks, CancellationToken ct)
    {
        var names = await servants.NamesAsync(tasks.Where(t => t.AssigneeServantId != null).Select(t => t.AssigneeServantId!.Value), ct);
        return tasks.Where(t => t.AssigneeServantId is { } s && names.ContainsKey(s)).ToDictionary(t => t.Id, t => names[t.AssigneeServantId!.Value]);
    }

    /// <summary>The names of structural units of a body, by id (for grouping a cycle's tasks by unit).</summary>
    public async Task<IReadOnlyDictionary<Guid, LocalizedText>> UnitNamesAsync(Guid stateBodyId, IEnumerable<Guid> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, LocalizedText>();
        }

        var units = await db.StructuralUnits.AsNoTracking()
            .Where(u => u.StateBodyId == stateBodyId && ids.Contains(u.Id))
            .Select(u => new { u.Id, u.NameKk, u.NameRu, u.NameEn })
            .ToListAsync(ct);
        return units.ToDictionary(u => u.Id, u => new LocalizedText(u.NameKk, u.NameRu.Length > 0 ? u.NameRu : u.NameKk, u.NameEn.Length > 0 ? u.NameEn : u.NameKk));
    }
}
