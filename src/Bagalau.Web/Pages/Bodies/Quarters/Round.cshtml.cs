using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Web.Pages.Bodies.Quarters;

/// <summary>HR's view of one round: who is evaluated and how (never the scores), naming evaluators and substitutes.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class RoundModel(QuarterlyEvaluationService service, BagalauDbContext db) : QuarterPageModel
{
    [FromRoute]
    public Guid RoundId { get; set; }

    public RoundView? Round { get; private set; }

    public IReadOnlyList<SheetSummary> Sheets { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Versions { get; private set; } = new Dictionary<Guid, int>();

    public IReadOnlyList<(Guid Id, string Name)> Servants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostEvaluatorAsync(Guid sheetId, int version, Guid servantId) =>
        await AfterAsync(await service.AssignEvaluatorAsync(UserId, BodyId, sheetId, version, servantId, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostSubstituteAsync(Guid sheetId, int version, Guid servantId) =>
        await AfterAsync(await service.SubstituteAsync(UserId, BodyId, sheetId, version, servantId, HttpContext.RequestAborted));

    private async Task<IActionResult> AfterAsync(WorkflowResult<Domain.Evaluation2023.RatingSheet> result)
    {
        if (result.Refusal is { } refusal)
        {
            Show(refusal);
            return await LoadAsync() ?? Page();
        }

        Saved = "q.saved";
        return RedirectToPage(new { bodyId = BodyId, roundId = RoundId });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        Round = await service.RoundAsync(BodyId, RoundId, HttpContext.RequestAborted);
        var sheets = await service.SheetsOfRoundAsync(UserId, BodyId, RoundId, HttpContext.RequestAborted);
        if (Round is null || sheets.Refusal is { Code: "not-found" })
        {
            return NotFound();
        }

        if (sheets.Refusal is not null)
        {
            return Forbid();
        }

        Sheets = sheets.Value!;
        Versions = await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == RoundId).ToDictionaryAsync(s => s.Id, s => s.Version, HttpContext.RequestAborted);
        Servants = (await db.Servants.AsNoTracking().Where(s => s.StateBodyId == BodyId).OrderBy(s => s.FullName).Select(s => new { s.Id, s.FullName }).ToListAsync(HttpContext.RequestAborted))
            .Select(s => (s.Id, s.FullName)).ToList();
        return null;
    }
}
