using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Units;

/// <summary>Renames or moves a structural unit, or removes an empty one.</summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class EditModel(OrganisationService organisation, IStringLocalizer<SharedResource> t) : BodyPageModel, IUnitFormPage
{
    [FromRoute]
    public Guid UnitIdRoute { get; set; }

    [BindProperty]
    public UnitForm Input { get; set; } = new();

    public UnitTree Tree { get; private set; } = new([]);

    public Guid? UnitId => UnitIdRoute;

    public async Task<IActionResult> OnGetAsync()
    {
        var unit = await organisation.GetUnitAsync(BodyId, UnitIdRoute, HttpContext.RequestAborted);
        if (unit is null)
        {
            return NotFound();
        }

        Input = UnitForm.From(unit);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await organisation.UpdateUnitAsync(BodyId, UnitIdRoute, Input.Version, Input.ToInput(), HttpContext.RequestAborted);
        if (IsNotFound(result) && await organisation.GetUnitAsync(BodyId, UnitIdRoute, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            // The user's input stays in the form, also after a concurrency conflict.
            ShowErrors(result.Errors, nameof(Input), UnitForm.Fields);
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = t["units.saved", result.Value.Code].Value;
        return RedirectToPage("/Bodies/Units/Index", new { bodyId = BodyId });
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var result = await organisation.DeleteUnitAsync(BodyId, UnitIdRoute, Input.Version, HttpContext.RequestAborted);
        if (IsNotFound(result))
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            ShowErrors(result.Errors, nameof(Input), UnitForm.Fields);
            var current = await organisation.GetUnitAsync(BodyId, UnitIdRoute, HttpContext.RequestAborted);
            Input = current is null ? Input : UnitForm.From(current);
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = t["units.deleted", Input.Code ?? string.Empty].Value;
        return RedirectToPage("/Bodies/Units/Index", new { bodyId = BodyId });
    }

    private async Task LoadAsync() => Tree = new UnitTree(await organisation.ListUnitsAsync(BodyId, HttpContext.RequestAborted));
}
