using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>
/// Which body holds a 2018-family record, by the name its API collection has (<c>plans</c>,
/// <c>kpi-sheets</c>...): a body-scoped route serves a record only under its own body.
/// </summary>
public sealed class RecordBodies(BagalauDbContext db)
{
    /// <summary>The record's body, or null when there is no such record (or no such collection).</summary>
    public Task<Guid?> BodyOfAsync(string collection, Guid id, CancellationToken ct) => collection switch
    {
        "cycles" => Of(db.EvaluationCycles2018, id, ct),
        "plans" => Of(db.WorkPlans, id, ct),
        "kpi-sheets" => Of(db.KpiSheets, id, ct),
        "competency-sheets" => Of(db.Set<CompetencySheet>(), id, ct),
        "schedules" => Of(db.Set<CommissionSchedule>(), id, ct),
        "sittings" => Of(db.Set<CommissionSitting>(), id, ct),
        "appeals" => Of(db.Set<EvaluationAppeal>(), id, ct),
        "acquaintances" => Of(db.Acquaintances, id, ct),
        _ => Task.FromResult<Guid?>(null),
    };

    private static Task<Guid?> Of<T>(IQueryable<T> records, Guid id, CancellationToken ct)
        where T : OrganisationEntity =>
        records.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.StateBodyId).FirstOrDefaultAsync(ct);
}
