using Bagalau.Domain.Organisation;
using Bagalau.Web.Bodies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bagalau.Web.Pages;

/// <summary>
/// The home page: straight to the user's body when there is one, a choice when there are
/// several (also the target of the body switcher), a note when there is none.
/// </summary>
public sealed class IndexModel(BodyContext bodies) : PageModel
{
    public IReadOnlyList<StateBody> Bodies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? body)
    {
        Bodies = await bodies.VisibleBodiesAsync(HttpContext.RequestAborted);
        if (body is { } chosen && Bodies.Any(b => b.Id == chosen))
        {
            return RedirectToPage("/Bodies/Dashboard", new { bodyId = chosen });
        }

        if (body is null && Bodies.Count == 1)
        {
            return RedirectToPage("/Bodies/Dashboard", new { bodyId = Bodies[0].Id });
        }

        return Page();
    }
}
