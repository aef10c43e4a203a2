using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Pages.Bodies.Units;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Positions;

/// <summary>Creates a position in a unit, with its category and qualifier.</summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class NewModel(OrganisationService organisation, IStringLocalizer<SharedResource> t) : BodyPageModel, IPositionFormPage
{
    [BindProperty]
    public PositionForm Input { get; set; } = new();

    public UnitTree Tree { get; private set; } = new([]);

    public Guid? PositionId => null;

    public async Task OnGetAsync(Guid? unit)
    {
        Input.UnitId = unit;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await organisation.CreatePositionAsync(BodyId, Input.ToInput(), HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            ShowErrors(result.Errors, nameof(Input), PositionForm.Fields);
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = t["positions.created", result.Value.Code].Value;
        return RedirectToPage("/Bodies/Positions/Index", new { bodyId = BodyId, unit = result.Value.UnitId });
    }

    private async Task LoadAsync() => Tree = new UnitTree(await organisation.ListUnitsAsync(BodyId, HttpContext.RequestAborted));
}
