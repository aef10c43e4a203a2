using Bagalau.Application.Organisation;
using Bagalau.Application.Tasks;
using Bagalau.Web.Bodies;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Bagalau.Application.Time;

namespace Bagalau.Web.Pages.Tasks;

/// <summary>
/// My tasks, in every body and of every kind (both families): what to do, by when (working-day
/// deadline and its clause), overdue first; a link to the page where it is done.
/// </summary>
[Authorize]
public sealed class IndexModel(TaskService tasks, TaskSubjects subjects, BodyContext bodies, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [FromQuery(Name = "done")]
    public bool IncludeDone { get; set; }

    /// <summary>Only the open tasks past their deadline (the home page's "late" count links here).</summary>
    [FromQuery(Name = "late")]
    public bool LateOnly { get; set; }

    public Page<TaskView> Tasks { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyDictionary<Guid, string> BodyNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>Whom each task is about (the servant of the plan, sheet, acquaintance...), by task id.</summary>
    public IReadOnlyDictionary<Guid, string> About { get; private set; } = new Dictionary<Guid, string>();

    public DateOnly Today => KazakhstanClock.Today(clock);

    public string Language => LocalizationSetup.CurrentLanguage;

    public PagerView Pager => new(Tasks.Number, Tasks.PageCount, Tasks.Total, n => Url.Page("/Tasks/Index", new { page = n, done = IncludeDone, late = LateOnly }));

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var page = new PageRequest(Math.Max(1, PageNumber));
        Tasks = LateOnly
            ? await tasks.MyOverdueAsync(bodies.UserId!, Today, page, ct)
            : await tasks.MyTasksAsync(bodies.UserId!, Today, page, IncludeDone, ct);
        BodyNames = (await bodies.VisibleBodiesAsync(ct)).ToDictionary(b => b.Id, b => b.NameIn(Language));
        About = await subjects.AboutAsync(Tasks.Items, ct);
    }
}
