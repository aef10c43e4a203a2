using Bagalau.Application.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Bagalau.Web.Pages.Bodies;

/// <summary>The body's home: its size and the user's way in, by role.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class DashboardModel(OrganisationService organisation, TimeProvider clock) : BodyPageModel
{
    public BodyCounts Counts { get; private set; } = new(0, 0, 0);

    public DateOnly Today { get; private set; }

    protected override string? PolicyForChanges => BodyPolicies.Administer;

    public async Task OnGetAsync()
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (CanRead)
        {
            Counts = await organisation.CountAsync(BodyId, HttpContext.RequestAborted);
        }
    }
}
