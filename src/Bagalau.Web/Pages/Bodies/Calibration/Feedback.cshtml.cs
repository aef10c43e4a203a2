using Bagalau.Application.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Calibration;

/// <summary>
/// The feedback meeting (oskemen 42, nhrc 23): the evaluator records achievements, skills and
/// competencies, potential and career aspirations; the servant reads it. Only those who may open
/// the result reach the page.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class FeedbackModel(RatingSheetService sheets, CalibrationService calibration) : CalibrationPageModel
{
    [FromRoute]
    public Guid SheetId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Achievements { get; set; }

    [BindProperty]
    public string? Skills { get; set; }

    [BindProperty]
    public string? Potential { get; set; }

    public SheetView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Version = View.Sheet.Version;
        Achievements = View.Sheet.FeedbackAchievements;
        Skills = View.Sheet.FeedbackSkills;
        Potential = View.Sheet.FeedbackPotential;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await calibration.RecordFeedbackAsync(UserId, BodyId, SheetId, Version, Achievements, Skills, Potential, HttpContext.RequestAborted);
        if (outcome.Refusal is { Code: "not-found" })
        {
            return NotFound();
        }

        if (outcome.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return await LoadAsync() ? Page() : NotFound();
        }

        TempData["Flash"] = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CalibrationText>>()["feedback.saved"].Value;
        return RedirectToPage(new { bodyId = BodyId, sheetId = SheetId });
    }

    private async Task<bool> LoadAsync()
    {
        var view = await sheets.GetSheetAsync(UserId, BodyId, SheetId, HttpContext.RequestAborted);
        View = view.Value!;
        return view.Value is not null;
    }
}
