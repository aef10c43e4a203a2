using Bagalau.Application.Documents;
using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Calibration;

/// <summary>The session's outcome and protocol: HR posts it (calibration-protocol deadline with its clause); participants download it as DOCX/PDF in kk/ru.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class ProtocolModel(CalibrationService calibration, DocumentService documents) : CalibrationPageModel
{
    [FromRoute]
    public Guid CaseId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public CalibrationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await calibration.PostProtocolAsync(UserId, BodyId, CaseId, Version, HttpContext.RequestAborted);
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

    public async Task<IActionResult> OnGetDownloadAsync(string? lang, string? format)
    {
        if (DocumentService.ParseLanguage(lang) is not { } language || DocumentService.ParseFormat(format) is not { } fileFormat)
        {
            return BadRequest();
        }

        var record = await calibration.ProtocolAsync(UserId, BodyId, CaseId, HttpContext.RequestAborted);
        if (record.Value is null)
        {
            return NotFound();
        }

        var file = documents.Render(record.Value, language, fileFormat);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<bool> LoadAsync()
    {
        var view = await calibration.ViewAsync(UserId, BodyId, CaseId, HttpContext.RequestAborted);
        if (view.Value is null)
        {
            return false;
        }

        View = view.Value;
        return View.Case.State is CalibrationState.Closed or CalibrationState.ProtocolPosted;
    }
}
