using Bagalau.Application.Documents;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Survey360;

/// <summary>The feedback form (model form 8): the least-shown competencies to discuss with the direct supervisor.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class FeedbackModel : Survey360Page
{
    [FromRoute]
    public Guid TargetId { get; set; }

    public FeedbackFormDocument? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var form = await Service.FeedbackDocumentAsync(UserId, BodyId, TargetId, HttpContext.RequestAborted);
        if (Refused(form.Refusal) is { } refused)
        {
            return refused;
        }

        Form = form.Value;
        return Page();
    }

    public string Document(string format, string lang) =>
        $"/api/v1/bodies/{BodyId}/survey360/targets/{TargetId}/feedback/document?format={format}&lang={lang}";
}
