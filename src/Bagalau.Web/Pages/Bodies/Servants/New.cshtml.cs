using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Servants;

/// <summary>Registers a servant (IIN checked with its checksum, unique in the body).</summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class NewModel(OrganisationService organisation, IStringLocalizer<SharedResource> t) : BodyPageModel, IServantFormPage
{
    [BindProperty]
    public ServantForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await organisation.CreateServantAsync(BodyId, Input.ToInput(), HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            ShowErrors(result.Errors, nameof(Input), ServantForm.Fields);
            return Page();
        }

        TempData["Flash"] = t["servants.created", result.Value.FullName].Value;
        return RedirectToPage("/Bodies/Servants/Details", new { bodyId = BodyId, servantIdRoute = result.Value.Id });
    }
}
