using Bagalau.Application.Organisation;
using Bagalau.Application.Tasks;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Bagalau.Application.Time;

namespace Bagalau.Web.Pages.Tasks;

/// <summary>HR: done, open and overdue tasks of a cycle (of either family) per structural unit, and the overdue ones listed.</summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class CompletionModel(TaskService tasks, TimeProvider clock) : BodyPageModel
{
    [FromRoute]
    public Guid CycleId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<UnitCompletion> Units { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyList<TaskView> Overdue { get; private set; } = [];

    public DateOnly Today => KazakhstanClock.Today(clock);

    public PagerView Pager => new(Units.Number, Units.PageCount, Units.Total, n => Url.Page("/Tasks/Completion", new { bodyId = BodyId, cycleId = CycleId, page = n }));

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Units = await tasks.CompletionByUnitAsync(BodyId, CycleId, Today, new PageRequest(Math.Max(1, PageNumber)), ct);
        Overdue = await tasks.OverdueAsync(BodyId, CycleId, Today, ct);
    }
}
