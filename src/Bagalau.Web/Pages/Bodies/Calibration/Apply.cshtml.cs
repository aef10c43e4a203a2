using Bagalau.Application.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Calibration;

/// <summary>The servant applies for calibration of their result in free form (oskemen 12, nhrc 10).</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class ApplyModel(CalibrationService calibration) : CalibrationPageModel
{
    [FromRoute]
    public Guid SheetId { get; set; }

    [BindProperty]
    public string? Statement { get; set; }

    public CalibrationCandidateResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        var applied = await calibration.ApplyAsync(UserId, BodyId, SheetId, Statement, HttpContext.RequestAborted);
        if (applied.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return Page();
        }

        return RedirectToPage("/Bodies/Calibration/Case", new { bodyId = BodyId, caseId = applied.Value!.Id });
    }

    private async Task<bool> LoadAsync()
    {
        var mine = await calibration.MyResultsAsync(UserId, BodyId, HttpContext.RequestAborted);
        Result = mine.FirstOrDefault(r => r.SheetId == SheetId)!;
        return Result is not null;
    }
}
