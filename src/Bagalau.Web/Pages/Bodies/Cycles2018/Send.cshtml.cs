using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

/// <summary>
/// HR sends the cycle's sheets to the Commission in bulk: every ready sheet in one click, or the
/// ones ticked in the list; the answer reports how many were sent and names each refused one.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class SendModel(CommissionSending sending, CycleReads reads, ServantDirectory servants, UnitOfWork work, TimeProvider clock)
    : WorkflowPageModel(servants, work, clock)
{
    [FromRoute]
    public Guid CycleId { get; set; }

    public EvaluationCycle Cycle { get; private set; } = null!;

    public IReadOnlyList<CycleSheet> Sheets { get; private set; } = [];

    public BulkReport? Report { get; private set; }

    public int ReadyCount => Sheets.Count(s => s.Ready);

    public async Task<IActionResult> OnGetAsync() => await LoadPageAsync() ?? Page();

    public async Task<IActionResult> OnPostAllAsync()
    {
        var sent = await sending.SendAsync(UserId, CycleId, null, Today, HttpContext.RequestAborted);
        return await AfterAsync(sent);
    }

    public async Task<IActionResult> OnPostSelectedAsync(List<Guid>? ids)
    {
        if (ids is not { Count: > 0 })
        {
            var none = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Cycle2018Text>>()["send.none-selected"].Value;
            return await LoadPageAsync() ?? WithError(none);
        }

        var sent = await sending.SendAsync(UserId, CycleId, ids, Today, HttpContext.RequestAborted);
        return await AfterAsync(sent);
    }

    private IActionResult WithError(string message)
    {
        Error = message;
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private async Task<IActionResult> AfterAsync(Domain.Workflow.Outcome<BulkReport> sent)
    {
        if (sent.Refusal is { } refusal)
        {
            return await RefusedAsync(refusal);
        }

        Report = sent.Value;
        return await LoadPageAsync() ?? Page();
    }

    protected override async Task<bool> LoadAsync() => await LoadPageAsync() is null;

    private async Task<IActionResult?> LoadPageAsync()
    {
        var ct = HttpContext.RequestAborted;
        var cycle = await reads.CycleAsync(BodyId, CycleId, ct);
        if (cycle is null)
        {
            return NotFound();
        }

        var sheets = await sending.SheetsAsync(UserId, CycleId, ct);
        if (sheets.Refusal is { Kind: RefusalKind.NotFound })
        {
            return NotFound();
        }

        if (sheets.Refusal is not null)
        {
            return Forbid();
        }

        Cycle = cycle;
        Sheets = sheets.Value!;
        return null;
    }
}
