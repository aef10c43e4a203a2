using Bagalau.Application.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Calibration;

/// <summary>
/// A calibration case: the application, its deadlines with clauses and the panel; the authorized
/// person decides to hold the session and approves the members here (nhrc 19 checked by the engine).
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class CaseModel(CalibrationService calibration) : CalibrationPageModel
{
    [FromRoute]
    public Guid CaseId { get; set; }

    [BindProperty]
    public List<Guid> Members { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public CalibrationView View { get; private set; } = null!;

    public IReadOnlyList<CalibrationCandidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostConveneAsync()
    {
        var outcome = await calibration.ConveneAsync(UserId, BodyId, CaseId, Version, Members, HttpContext.RequestAborted);
        if (outcome.Refusal is { Code: "not-found" })
        {
            return NotFound();
        }

        if (outcome.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return await LoadAsync() ? Page() : NotFound();
        }

        return RedirectToPage(new { bodyId = BodyId, caseId = CaseId });
    }

    private async Task<bool> LoadAsync()
    {
        var view = await calibration.ViewAsync(UserId, BodyId, CaseId, HttpContext.RequestAborted);
        if (view.Value is null)
        {
            return false;
        }

        View = view.Value;
        if (View.CanConvene)
        {
            Candidates = (await calibration.CandidatesAsync(UserId, BodyId, CaseId, HttpContext.RequestAborted)).Value ?? [];
        }

        return true;
    }
}
