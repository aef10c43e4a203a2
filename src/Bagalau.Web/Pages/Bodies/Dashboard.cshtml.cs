using Bagalau.Application.Accounts;
using Bagalau.Application.Organisation;
using Bagalau.Application.Tasks;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Bagalau.Web.Pages.Bodies;

/// <summary>
/// The body's home, by role: everyone's work (open and late tasks, the nearest deadlines with
/// the way to each); for HR the progress of the open quarter rounds and 2018 cycles, the body's
/// size and the actions.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class DashboardModel(OrganisationService organisation, BodyAccess access, TaskService tasks, TaskSubjects subjects, TimeProvider clock) : BodyPageModel
{
    /// <summary>The user's own servant record in this body, if linked: their service record is one click away.</summary>
    public Guid? MyServantId { get; private set; }

    public BodyCounts Counts { get; private set; } = new(0, 0, 0);

    public DateOnly Today { get; private set; }

    public WorkSummary Work { get; private set; } = new(0, 0, []);

    /// <summary>Whom each of the nearest tasks is about, by task id.</summary>
    public IReadOnlyDictionary<Guid, string> About { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>HR: the open quarter rounds and 2018 cycles with their tasks done out of all.</summary>
    public IReadOnlyList<CycleProgress> Progress { get; private set; } = [];

    protected override string? PolicyForChanges => BodyPolicies.Administer;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Today = Bagalau.Application.Time.KazakhstanClock.Today(clock);
        MyServantId = await access.ServantOfAsync(UserId, BodyId, ct);
        Work = await tasks.SummaryAsync(UserId, Today, ct);
        About = await subjects.AboutAsync(Work.Nearest, ct);
        if (CanRead)
        {
            Counts = await organisation.CountAsync(BodyId, ct);
        }

        if (CanEdit)
        {
            Progress = await tasks.ProgressAsync(BodyId, Today, ct);
        }
    }
}
