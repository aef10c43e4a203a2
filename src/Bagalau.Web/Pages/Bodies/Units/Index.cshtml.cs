using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Bagalau.Web.Pages.Bodies.Units;

/// <summary>The body's structural units as a tree.</summary>
[Authorize(Policy = BodyPolicies.ReadOrganisation)]
public sealed class IndexModel(OrganisationService organisation) : BodyPageModel
{
    public UnitTree Tree { get; private set; } = new([]);

    public async Task OnGetAsync() =>
        Tree = new UnitTree(await organisation.ListUnitsAsync(BodyId, HttpContext.RequestAborted));
}
