using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Pages.Bodies.Units;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Positions;

/// <summary>Changes a position (title, unit, category, qualifier) or removes an unused one.</summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class EditModel(OrganisationService organisation, IStringLocalizer<SharedResource> t) : BodyPageModel, IPositionFormPage
{
    [FromRoute]
    public Guid PositionIdRoute { get; set; }

    [BindProperty]
    public PositionForm Input { get; set; } = new();

    public UnitTree Tree { get; private set; } = new([]);

    public Guid? PositionId => PositionIdRoute;

    public async Task<IActionResult> OnGetAsync()
    {
        var position = await organisation.GetPositionAsync(BodyId, PositionIdRoute, HttpContext.RequestAborted);
        if (position is null)
        {
            return NotFound();
        }

        Input = PositionForm.From(position);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await organisation.UpdatePositionAsync(BodyId, PositionIdRoute, Input.Version, Input.ToInput(), HttpContext.RequestAborted);
        if (IsNotFound(result) && await organisation.GetPositionAsync(BodyId, PositionIdRoute, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            ShowErrors(result.Errors, nameof(Input), PositionForm.Fields);
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = t["positions.saved", result.Value.Code].Value;
        return RedirectToPage("/Bodies/Positions/Index", new { bodyId = BodyId, unit = result.Value.UnitId });
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var result = await organisation.DeletePositionAsync(BodyId, PositionIdRoute, Input.Version, HttpContext.RequestAborted);
        if (IsNotFound(result))
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            ShowErrors(result.Errors, nameof(Input), PositionForm.Fields);
            var current = await organisation.GetPositionAsync(BodyId, PositionIdRoute, HttpContext.RequestAborted);
            Input = current is null ? Input : PositionForm.From(current);
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = t["positions.deleted", Input.Code ?? string.Empty].Value;
        return RedirectToPage("/Bodies/Positions/Index", new { bodyId = BodyId });
    }

    private async Task LoadAsync() => Tree = new UnitTree(await organisation.ListUnitsAsync(BodyId, HttpContext.RequestAborted));
}
