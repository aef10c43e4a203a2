using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

/// <summary>
/// HR's overview of one cycle: the eligibility list with the engine's answer, reason, computed
/// date and clause for every servant, and the state of each work plan and KPI sheet.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class CycleModel(Evaluation2018Service cycles, CycleReads reads, Bagalau.Application.Results.ResultsExport results, ServantDirectory servants, UnitOfWork work, TimeProvider clock)
    : WorkflowPageModel(servants, work, clock)
{
    [FromRoute]
    public Guid CycleId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public EvaluationCycle Cycle { get; private set; } = null!;

    public Page<EligibilityEntry> Eligibility { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyDictionary<Guid, (WorkPlan Plan, KpiSheet? Sheet)> Plans { get; private set; } = new Dictionary<Guid, (WorkPlan, KpiSheet?)>();

    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public PagerView Pager => new(Eligibility.Number, Eligibility.PageCount, Eligibility.Total, n => Url.Page("/Bodies/Cycles2018/Cycle", new { bodyId = BodyId, cycleId = CycleId, page = n }));

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var cycle = await reads.CycleAsync(BodyId, CycleId, ct);
        var eligibility = await cycles.EligibilityAsync(UserId, CycleId, new PageRequest(Math.Max(1, PageNumber)), ct);
        if (cycle is null || eligibility.Value is not { } page)
        {
            return NotFound();
        }

        Cycle = cycle;
        Eligibility = page;
        Counts = await reads.EligibilityCountsAsync(CycleId, ct);
        var servantIds = page.Items.Select(e => e.ServantId).ToList();
        Plans = await reads.PlansOfAsync(CycleId, servantIds, ct);
        await LoadNamesAsync(servantIds);
        return Page();
    }

    /// <summary>The cycle's results as XLSX or CSV (HR), headers in the user's language.</summary>
    public Task<IActionResult> OnGetResultsAsync(string? format) =>
        ResultsDownload.FromAsync(format, () => results.CycleAsync(UserId, BodyId, CycleId, Language, HttpContext.RequestAborted));
}
