using Bagalau.Application.Accounts;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Bagalau.Web.Pages.Bodies;

/// <summary>The body's home: its size and the user's way in, by role.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class DashboardModel(OrganisationService organisation, BodyAccess access, TimeProvider clock) : BodyPageModel
{
    /// <summary>The user's own servant record in this body, if linked: their service record is one click away.</summary>
    public Guid? MyServantId { get; private set; }

    public BodyCounts Counts { get; private set; } = new(0, 0, 0);

    public DateOnly Today { get; private set; }

    protected override string? PolicyForChanges => BodyPolicies.Administer;

    public async Task OnGetAsync()
    {
        Today = Bagalau.Application.Time.KazakhstanClock.Today(clock);
        MyServantId = await access.ServantOfAsync(UserId, BodyId, HttpContext.RequestAborted);
        if (CanRead)
        {
            Counts = await organisation.CountAsync(BodyId, HttpContext.RequestAborted);
        }
    }
}
