using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Pages.Bodies.Units;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Positions;

/// <summary>The body's positions, 50 per page, optionally of one unit.</summary>
[Authorize(Policy = BodyPolicies.ReadOrganisation)]
public sealed class IndexModel(OrganisationService organisation) : BodyPageModel
{
    [FromQuery(Name = "unit")]
    public Guid? UnitFilter { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<Position> Positions { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public UnitTree Tree { get; private set; } = new([]);

    public PagerView Pager => new(Positions.Number, Positions.PageCount, Positions.Total,
        n => Url.Page("/Bodies/Positions/Index", new { bodyId = BodyId, unit = UnitFilter, page = n }));

    public async Task OnGetAsync()
    {
        Tree = new UnitTree(await organisation.ListUnitsAsync(BodyId, HttpContext.RequestAborted));
        Positions = await organisation.ListPositionsAsync(BodyId, UnitFilter, new PageRequest(PageNumber, PageRequest.DefaultSize), HttpContext.RequestAborted);
    }

    public string UnitName(Guid unitId) =>
        Tree.Units.FirstOrDefault(u => u.Id == unitId) is { } unit ? unit.NameIn(Language) : string.Empty;
}
