using Bagalau.Application.Accounts;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Packs;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

public sealed class OpenCycleForm
{
    public string? PackId { get; set; }

    public int? Year { get; set; }
}

/// <summary>
/// The 2018-family annual evaluation of the body: HR sees the cycles and opens one under a pack
/// of the family; everyone sees the plans and sheets they take part in (as servant, direct
/// supervisor or approver).
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class IndexModel(
    Evaluation2018Service cycles, CycleReads reads, BodyAccess access, PackCatalog packs, ServantDirectory servants, UnitOfWork work, TimeProvider clock)
    : WorkflowPageModel(servants, work, clock)
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

        return RedirectToPage("/Bodies/Cycles2018/Cycle", new { bodyId = BodyId, cycleId = opened.Value!.Cycle.Id });
    }

    private IReadOnlyList<Pack> Packs2018() => packs.Catalogue.Packs.Where(p => p.Family == PackFamily.KpiCompetency2018).ToList();

    private async Task LoadListAsync()
    {
        var ct = HttpContext.RequestAborted;
        IsHr = Roles.Contains(Application.Accounts.BodyRole.Hr) || Roles.Contains(Application.Accounts.BodyRole.HrHead);
        Packs = Packs2018();
        if (IsHr)
        {
            Cycles = await reads.CyclesAsync(BodyId, ct);
        }

        if (await access.ServantOfAsync(UserId, BodyId, ct) is { } servant)
        {
            MyPlans = await reads.PlansOfServantAsync(BodyId, servant, ct);
            await LoadNamesAsync(MyPlans.Select(r => r.Plan.ServantId));
        }
    }
}
