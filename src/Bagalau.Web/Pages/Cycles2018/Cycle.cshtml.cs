using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Web.Pages.Cycles2018;

/// <summary>
/// HR's overview of one cycle: the eligibility list with the engine's answer, reason, computed
/// date and clause for every servant, and the state of each work plan and KPI sheet.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class CycleModel(Evaluation2018Service cycles, BagalauDbContext db, TimeProvider clock) : WorkflowPageModel(db, clock)
{
    [FromRoute]
    public Guid CycleId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public EvaluationCycle Cycle { get; private set; } = null!;

    public Page<EligibilityEntry> Eligibility { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyDictionary<Guid, (WorkPlan Plan, KpiSheet? Sheet)> Plans { get; private set; } = new Dictionary<Guid, (WorkPlan, KpiSheet?)>();

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public PagerView Pager => new(Eligibility.Number, Eligibility.PageCount, Eligibility.Total, n => Url.Page("/Cycles2018/Cycle", new { bodyId = BodyId, cycleId = CycleId, page = n }));

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var cycle = await Db.EvaluationCycles2018.AsNoTracking().FirstOrDefaultAsync(c => c.Id == CycleId && c.StateBodyId == BodyId, ct);
        var eligibility = await cycles.EligibilityAsync(UserId, CycleId, new PageRequest(Math.Max(1, PageNumber)), ct);
        if (cycle is null || eligibility.Value is not { } page)
        {
            return NotFound();
        }

        Cycle = cycle;
        Eligibility = page;
        Counts = await Db.EligibilityEntries.AsNoTracking().Where(e => e.CycleId == CycleId).GroupBy(e => e.Evaluate)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var servants = page.Items.Select(e => e.ServantId).ToList();
        var plans = await Db.WorkPlans.AsNoTracking().Where(p => p.CycleId == CycleId && servants.Contains(p.ServantId)).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var sheets = await Db.KpiSheets.AsNoTracking().Where(s => planIds.Contains(s.PlanId)).ToListAsync(ct);
        Plans = plans.ToDictionary(p => p.ServantId, p => (p, sheets.FirstOrDefault(s => s.PlanId == p.Id)));
        await LoadNamesAsync(servants);
        return Page();
    }
}
