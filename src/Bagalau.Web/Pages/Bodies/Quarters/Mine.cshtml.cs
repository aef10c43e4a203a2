using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Bagalau.Web.Pages.Bodies.Quarters;

/// <summary>The evaluator's list of sheets to fill and the servant's own results (phone-friendly).</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class MineModel(RatingSheetService service, RatingSheetReads reads, WorkflowActors actors) : QuarterPageModel
{
    public IReadOnlyList<SheetSummary> ToFill { get; private set; } = [];

    public IReadOnlyList<SheetSummary> Own { get; private set; } = [];

    public IReadOnlyDictionary<Guid, QuarterRound> RoundOf { get; private set; } = new Dictionary<Guid, QuarterRound>();

    public Guid? Me { get; private set; }

    public async Task OnGetAsync()
    {
        Me = (await actors.InBodyAsync(UserId, BodyId, HttpContext.RequestAborted))?.ServantId;
        var sheets = await service.MySheetsAsync(UserId, BodyId, HttpContext.RequestAborted);
        ToFill = [.. sheets.Where(s => s.ServantId != Me && s.State != SheetState.NotEvaluated)];
        Own = [.. sheets.Where(s => s.ServantId == Me)];
        RoundOf = await reads.RoundsOfAsync(sheets.Select(s => s.Id).ToList(), HttpContext.RequestAborted);
    }
}
