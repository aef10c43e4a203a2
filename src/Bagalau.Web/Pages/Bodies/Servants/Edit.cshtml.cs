using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Servants;

/// <summary>Corrects a servant's personal data, or removes the servant with all records.</summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class EditModel(OrganisationService organisation, IStringLocalizer<SharedResource> t) : BodyPageModel, IServantFormPage
{
    [FromRoute]
    public Guid ServantIdRoute { get; set; }

    [BindProperty]
    public ServantForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var servant = await organisation.GetServantAsync(BodyId, ServantIdRoute, HttpContext.RequestAborted);
        if (servant is null)
        {
            return NotFound();
        }

        Input = ServantForm.From(servant);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await organisation.UpdateServantAsync(BodyId, ServantIdRoute, Input.Version, Input.ToInput(), HttpContext.RequestAborted);
        if (IsNotFound(result))
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            // A stale save keeps what the user typed and says why it was not saved.
            ShowErrors(result.Errors, nameof(Input), ServantForm.Fields);
            return Page();
        }

        TempData["Flash"] = t["servants.saved", result.Value.FullName].Value;
        return RedirectToPage("/Bodies/Servants/Details", new { bodyId = BodyId, servantIdRoute = ServantIdRoute });
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var result = await organisation.DeleteServantAsync(BodyId, ServantIdRoute, Input.Version, HttpContext.RequestAborted);
        if (IsNotFound(result))
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            ShowErrors(result.Errors, nameof(Input), ServantForm.Fields);
            var current = await organisation.GetServantAsync(BodyId, ServantIdRoute, HttpContext.RequestAborted);
            Input = current is null ? Input : ServantForm.From(current);
            return Page();
        }

        TempData["Flash"] = t["servants.deleted", Input.FullName ?? string.Empty].Value;
        return RedirectToPage("/Bodies/Servants/Index", new { bodyId = BodyId });
    }
}
