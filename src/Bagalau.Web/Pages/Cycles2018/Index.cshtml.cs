using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Packs;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Web.Pages.Cycles2018;

public sealed class OpenCycleForm
{
    public string? PackId { get; set; }

    public int? Year { get; set; }
}

/// <summary>A plan the user takes part in, with its sheet if opened.</summary>
public sealed record MyPlanRow(WorkPlan Plan, int Year, Guid? SheetId, string? SheetState);

/// <summary>
/// The 2018-family annual evaluation of the body: HR sees the cycles and opens one under a pack
/// of the family; everyone sees the plans and sheets they take part in (as servant, direct
/// supervisor or approver).
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class IndexModel(Evaluation2018Service cycles, BagalauDbContext db, PackCatalog packs, TimeProvider clock) : WorkflowPageModel(db, clock)
{
    [BindProperty]
    public OpenCycleForm Input { get; set; } = new();

    public bool IsHr { get; private set; }

    public IReadOnlyList<EvaluationCycle> Cycles { get; private set; } = [];

    public IReadOnlyList<Pack> Packs { get; private set; } = [];

    public IReadOnlyList<MyPlanRow> MyPlans { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input = new OpenCycleForm { Year = Today.Year, PackId = Packs2018().FirstOrDefault()?.Id };
        await LoadListAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Input.Year is not { } year || string.IsNullOrWhiteSpace(Input.PackId))
        {
            ShowRefusal(Domain.Workflow.WorkflowRefusals.Required(Input.Year is null ? Domain.Workflow.Fields.Year : Domain.Workflow.Fields.Pack));
            await LoadListAsync();
            return Page();
        }

        var opened = await cycles.OpenCycleAsync(UserId, BodyId, Input.PackId, year, Today, HttpContext.RequestAborted);
        if (opened.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            await LoadListAsync();
            return Page();
        }

        return RedirectToPage("/Cycles2018/Cycle", new { bodyId = BodyId, cycleId = opened.Value!.Cycle.Id });
    }

    private IReadOnlyList<Pack> Packs2018() => packs.Catalogue.Packs.Where(p => p.Family == PackFamily.KpiCompetency2018).ToList();

    private async Task LoadListAsync()
    {
        var ct = HttpContext.RequestAborted;
        IsHr = Roles.Contains(Application.Accounts.BodyRole.Hr) || Roles.Contains(Application.Accounts.BodyRole.HrHead);
        Packs = Packs2018();
        if (IsHr)
        {
            Cycles = await Db.EvaluationCycles2018.AsNoTracking().Where(c => c.StateBodyId == BodyId).OrderByDescending(c => c.Year).ThenBy(c => c.PackId).ToListAsync(ct);
        }

        var me = await Db.BodyMemberships.AsNoTracking().Where(m => m.UserId == UserId && m.StateBodyId == BodyId && m.ServantId != null).Select(m => m.ServantId).FirstOrDefaultAsync(ct);
        if (me is { } servant)
        {
            var plans = await Db.WorkPlans.AsNoTracking()
                .Where(p => p.StateBodyId == BodyId && (p.ServantId == servant || p.DirectSupervisorId == servant || p.ApproverId == servant))
                .Take(200).ToListAsync(ct);
            var planIds = plans.Select(p => p.Id).ToList();
            var cycleIds = plans.Select(p => p.CycleId).Distinct().ToList();
            var years = await Db.EvaluationCycles2018.AsNoTracking().Where(c => cycleIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Year, ct);
            var sheets = await Db.KpiSheets.AsNoTracking().Where(s => planIds.Contains(s.PlanId)).ToListAsync(ct);
            MyPlans = plans
                .Select(p => new MyPlanRow(p, years.GetValueOrDefault(p.CycleId), sheets.FirstOrDefault(s => s.PlanId == p.Id)?.Id, sheets.FirstOrDefault(s => s.PlanId == p.Id)?.State.ToString().ToLowerInvariant()))
                .OrderByDescending(r => r.Year).ToList();
            await LoadNamesAsync(plans.Select(p => p.ServantId));
        }
    }
}
