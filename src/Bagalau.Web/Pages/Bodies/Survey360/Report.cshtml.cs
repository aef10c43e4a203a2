using Bagalau.Application.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Survey360;

/// <summary>The individual report (model form 7): to the person and HR; nothing below 3 answers, and the page says why.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class ReportModel : Survey360Page
{
    [FromRoute]
    public Guid TargetId { get; set; }

    public Report360 Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var report = await Service.ReportAsync(UserId, BodyId, TargetId, HttpContext.RequestAborted);
        if (report.Refusal is not null)
        {
            return NotFound();
        }

        Report = report.Value!;
        return Page();
    }

    public string Document(string what, string format, string lang) =>
        $"/api/v1/bodies/{BodyId}/survey360/targets/{TargetId}/{what}/document?format={format}&lang={lang}";
}
