using System.Globalization;
using Bagalau.Application.Evaluation2023;
using Bagalau.Web.Api;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Bagalau.Web.Pages.S360;

/// <summary>
/// A respondent's personal 360 link, without sign-in (oskemen 33, 35): the competencies with
/// the scale, answered once; used, expired or unknown links get their own clear page.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Survey360Endpoints.LinkPolicy)]
public sealed class LinkModel(Survey360Service service) : PageModel
{
    [FromRoute]
    public string Token { get; set; } = string.Empty;

    public LinkForm? Form { get; private set; }

    /// <summary>link-used, link-expired or link-invalid when the link cannot be used.</summary>
    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyDictionary<string, string> Given { get; private set; } = new Dictionary<string, string>();

    public string Language => LocalizationSetup.CurrentLanguage;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var shown = await LoadAsync();
        if (shown is not null || Form is null)
        {
            return shown ?? Page();
        }

        var ratings = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, _) in Form.Competencies)
        {
            var text = Request.Form["r." + id].ToString();
            given[id] = text;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                ratings[id] = value;
            }
        }

        Given = given;
        var answered = await service.AnswerAsync(Token, ratings, HttpContext.RequestAborted);
        if (answered.Refusal is { } refusal)
        {
            if (refusal.Code is "link-used" or "link-expired" or "link-invalid")
            {
                return Gone(refusal.Code);
            }

            Error = refusal.Message.In(Language);
            return Page();
        }

        return RedirectToPage("/S360/Thanks", new { self = Form.IsSelf ? "1" : null });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var form = await service.LinkFormAsync(Token, HttpContext.RequestAborted);
        if (form.Refusal is { } refusal)
        {
            return Gone(refusal.Code);
        }

        Form = form.Value;
        return null;
    }

    private PageResult Gone(string code)
    {
        Refusal = code;
        Form = null;
        Response.StatusCode = code == "link-invalid" ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone;
        return Page();
    }
}
