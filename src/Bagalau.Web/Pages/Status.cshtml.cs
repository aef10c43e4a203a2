using Bagalau.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages;

/// <summary>Pages for error status codes (not found, forbidden, too many requests...).</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public void OnGet(int code)
    {
        var known = StatusTexts.Normalize(code);
        Title = t[$"status.{known}.title"];
        Text = t[$"status.{known}.text"];
        // Re-executed for an error answer: keep its code. Visited directly: just a page.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    public void OnPost(int code) => OnGet(code);
}
