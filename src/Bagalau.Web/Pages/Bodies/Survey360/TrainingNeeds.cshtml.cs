using Bagalau.Application.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Survey360;

/// <summary>HR: the least-shown competencies across the body (oskemen 36), to choose training topics.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class TrainingNeedsModel : Survey360Page
{
    [FromRoute]
    public Guid RoundId { get; set; }

    public IReadOnlyList<TrainingNeed> Needs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var needs = await Service.TrainingNeedsAsync(UserId, BodyId, RoundId, HttpContext.RequestAborted);
        if (needs.Refusal is { Code: "not-found" })
        {
            return NotFound();
        }

        if (needs.Refusal is not null)
        {
            return Forbid();
        }

        Needs = needs.Value!;
        return Page();
    }
}
