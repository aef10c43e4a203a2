using System.Globalization;
using Bagalau.Application.Accounts;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Security;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bagalau.Web.Bodies;

/// <summary>
/// A page of one state body (`/bodies/{bodyId}/...`). The page's policy (an [Authorize]
/// attribute) admits the user; this base loads the body and refuses changes (POST) to users
/// without an editing role.
/// </summary>
public abstract class BodyPageModel : PageModel
{
    [FromRoute(Name = BodyContext.RouteKey)]
    public Guid BodyId { get; set; }

    public StateBody Body { get; private set; } = null!;

    public IReadOnlySet<BodyRole> Roles { get; private set; } = new HashSet<BodyRole>();

    public string Language => LocalizationSetup.CurrentLanguage;

    /// <summary>The signed-in user's id (the body's policy has admitted them).</summary>
    protected string UserId => HttpContext.RequestServices.GetRequiredService<BodyContext>().UserId ?? string.Empty;

    public bool CanRead => BodyPolicies.Allows(Roles, BodyPolicies.ReadOrganisation);

    public bool CanEdit => BodyPolicies.Allows(Roles, BodyPolicies.EditOrganisation);

    public bool CanAdminister => BodyPolicies.Allows(Roles, BodyPolicies.Administer);

    /// <summary>The policy a POST to this page needs (changes); null when posting is open to the page's readers.</summary>
    protected virtual string? PolicyForChanges => BodyPolicies.EditOrganisation;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var bodies = HttpContext.RequestServices.GetRequiredService<BodyContext>();
        var body = await bodies.CurrentBodyAsync(HttpContext.RequestAborted);
        if (body is null)
        {
            context.Result = NotFound();
            return;
        }

        Body = body;
        Roles = await bodies.RolesInAsync(body.Id, HttpContext.RequestAborted);
        if (!HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method)
            && PolicyForChanges is { } policy && !BodyPolicies.Allows(Roles, policy))
        {
            context.Result = Forbid();
            return;
        }

        await next();
    }

    /// <summary>Shows the use case's errors next to their fields (<paramref name="fields"/>: error field to input property).</summary>
    protected void ShowErrors(IEnumerable<ValidationError> errors, string prefix, IReadOnlyDictionary<string, string> fields)
    {
        foreach (var error in errors)
        {
            var message = ErrorMessages.Format(error, CultureInfo.CurrentUICulture);
            var key = error.Field is { } field && fields.TryGetValue(field, out var property) ? $"{prefix}.{property}" : string.Empty;
            ModelState.AddModelError(key, message);
        }
    }

    protected static bool IsNotFound(Result result) => result.Errors.Any(e => e.Code == "not-found") && result.Errors.Count == 1;

    /// <summary>A date as people read it in the current language (kk-KZ, ru-RU, en-US).</summary>
    public static string Date(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
