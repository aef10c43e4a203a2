using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bagalau.Web.Pages;

/// <summary>The home page: the user's bodies and what they can do there.</summary>
public sealed class IndexModel(TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }

    public void OnGet() => Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
