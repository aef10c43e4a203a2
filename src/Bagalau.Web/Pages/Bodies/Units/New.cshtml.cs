using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Units;

/// <summary>Creates a structural unit, at the top or under another unit.</summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class NewModel(OrganisationService organisation, IStringLocalizer<SharedResource> t) : BodyPageModel, IUnitFormPage
{
    [BindProperty]
    public UnitForm Input { get; set; } = new();

    public UnitTree Tree { get; private set; } = new([]);

    public Guid? UnitId => null;

    public async Task OnGetAsync(Guid? parent)
    {
        Input.ParentId = parent;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await organisation.CreateUnitAsync(BodyId, Input.ToInput(), HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            ShowErrors(result.Errors, nameof(Input), UnitForm.Fields);
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = t["units.created", result.Value.Code].Value;
        return RedirectToPage("/Bodies/Units/Index", new { bodyId = BodyId });
    }

    private async Task LoadAsync() => Tree = new UnitTree(await organisation.ListUnitsAsync(BodyId, HttpContext.RequestAborted));
}
