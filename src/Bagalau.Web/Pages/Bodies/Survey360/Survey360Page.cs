using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Web.Bodies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Survey360;

/// <summary>
/// A page of the body's 360 survey. Posting is open to the page's members: the use case
/// decides (HR only) and its refusal is shown with the clause and code.
/// </summary>
public abstract class Survey360Page : BodyPageModel
{
    public string? Error { get; protected set; }

    protected override string? PolicyForChanges => null;

    protected string UserId => HttpContext.RequestServices.GetRequiredService<UserManager<BagalauUser>>().GetUserId(User) ?? string.Empty;

    protected Survey360Service Service => HttpContext.RequestServices.GetRequiredService<Survey360Service>();

    /// <summary>Not found stays not found; any other refusal is shown on the page.</summary>
    protected IActionResult? Refused(Refusal? refusal)
    {
        if (refusal is null)
        {
            return null;
        }

        if (refusal.Code == "not-found")
        {
            return NotFound();
        }

        Error = refusal.Message.In(Language);
        return null;
    }
}
