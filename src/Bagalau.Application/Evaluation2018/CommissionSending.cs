using Bagalau.Application.Persistence;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>A KPI or competency sheet of a cycle as HR's sending list shows it.</summary>
/// <param name="Kind"><see cref="CommissionSending.Kpi"/> or <see cref="CommissionSending.Competency"/>.</param>
/// <param name="Ready">Agreed (KPI) or signed (competency) and not sent yet.</param>
public sealed record CycleSheet(Guid Id, string Kind, Guid ServantId, string ServantName, Enum State, bool Ready, DateOnly? Due, int Version);

/// <summary>
/// HR sends a cycle's sheets to the Commission in bulk (clauses 22, 28): all the ready ones, or
/// those chosen. Every sheet goes through its own single-sheet use case
/// (<see cref="Evaluation2018Service.SendSheetToCommissionAsync"/>,
/// <see cref="SheetService.SendCompetencySheetAsync"/>) in its own save, so every rule and audit
/// record applies and one refused sheet keeps the others sent.
/// </summary>
public sealed class CommissionSending(BagalauDbContext db, WorkflowContext context, Evaluation2018Service kpiSheets, SheetService competencySheets, BulkRun bulk)
{
    public const string Kpi = "kpi";
    public const string Competency = "competency";

    /// <summary>The cycle's KPI and competency sheets by servant name (HR only; others not-found).</summary>
    public async Task<Outcome<IReadOnlyList<CycleSheet>>> SheetsAsync(string userId, Guid cycleId, CancellationToken ct = default)
    {
        if (await HrOfCycleAsync(userId, cycleId, ct) is { } refusal)
        {
            return refusal;
        }

        return Outcome<IReadOnlyList<CycleSheet>>.Ok(await ListAsync(cycleId, ct));
    }

    /// <summary>
    /// Sends the chosen sheets (<paramref name="sheetIds"/>, KPI or competency), or, when none
    /// are chosen, every ready sheet of the cycle. A chosen id that is no sheet of the cycle is
    /// reported as not found.
    /// </summary>
    public async Task<Outcome<BulkReport>> SendAsync(string userId, Guid cycleId, IReadOnlyCollection<Guid>? sheetIds, DateOnly today, CancellationToken ct = default)
    {
        if (await HrOfCycleAsync(userId, cycleId, ct) is { } refusal)
        {
            return refusal;
        }

        var sheets = await ListAsync(cycleId, ct);
        var chosen = sheetIds is { Count: > 0 } ? sheets.Where(s => sheetIds.Contains(s.Id)).ToList() : sheets.Where(s => s.Ready).ToList();
        var unknown = (sheetIds ?? []).Distinct().Where(id => sheets.All(s => s.Id != id))
            .Select(id => new BulkRefused(id, string.Empty, WorkflowRefusals.NotFound()));
        var report = await bulk.EachAsync(
            chosen,
            s => s.Id,
            s => s.ServantName,
            s => s.Kind == Kpi
                ? kpiSheets.SendSheetToCommissionAsync(userId, s.Id, s.Version, today, ct)
                : competencySheets.SendCompetencySheetAsync(userId, s.Id, s.Version, today, ct),
            ct);
        return report with { Refused = [.. report.Refused, .. unknown] };
    }

    /// <summary>Not-found for a missing cycle or a user with no role in its body; not-allowed for anyone but HR.</summary>
    private async Task<Domain.Decisions.Refusal?> HrOfCycleAsync(string userId, Guid cycleId, CancellationToken ct)
    {
        var cycle = await db.EvaluationCycles2018.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, ct);
        if (cycle is null)
        {
            return WorkflowRefusals.NotFound(Records.Cycle);
        }

        var actor = await context.ActorAsync(userId, cycle.StateBodyId, ct);
        return actor.Roles.Count == 0 ? WorkflowRefusals.NotFound(Records.Cycle)
            : !actor.IsHr ? WorkflowRefusals.NotAllowed(Actions.SendToCommission, ActorNames.Hr)
            : null;
    }

    private async Task<List<CycleSheet>> ListAsync(Guid cycleId, CancellationToken ct)
    {
        var kpi = await db.WorkPlans.AsNoTracking().Where(p => p.CycleId == cycleId)
            .Join(db.KpiSheets.AsNoTracking(), p => p.Id, s => s.PlanId, (p, s) => s)
            .Join(db.Servants.AsNoTracking(), s => s.ServantId, v => v.Id, (s, v) => new { s.Id, s.ServantId, v.FullName, s.State, s.CommissionDue, s.Version })
            .ToListAsync(ct);
        var competency = await db.Set<CompetencySheet>().AsNoTracking().Where(s => s.CycleId == cycleId)
            .Join(db.Servants.AsNoTracking(), s => s.ServantId, v => v.Id, (s, v) => new { s.Id, s.ServantId, v.FullName, s.State, s.Version })
            .ToListAsync(ct);
        return kpi.Select(s => new CycleSheet(s.Id, Kpi, s.ServantId, s.FullName, s.State, s.State == KpiSheetState.Agreed, s.CommissionDue, s.Version))
            .Concat(competency.Select(s => new CycleSheet(s.Id, Competency, s.ServantId, s.FullName, s.State, s.State == CompetencySheetState.Signed, null, s.Version)))
            .OrderBy(s => s.ServantName, StringComparer.Ordinal).ThenBy(s => s.Kind, StringComparer.Ordinal)
            .ToList();
    }
}
