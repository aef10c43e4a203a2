using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bagalau.Web.Pages.S360;

/// <summary>After a 360 answer: thanks, and that the link is now spent.</summary>
[AllowAnonymous]
public sealed class ThanksModel : PageModel
{
    [FromQuery]
    public string? Self { get; set; }
}
