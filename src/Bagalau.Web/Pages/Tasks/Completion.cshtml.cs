using Bagalau.Application.Organisation;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Packs;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Bagalau.Application.Time;

namespace Bagalau.Web.Pages.Tasks;

/// <summary>
/// HR: done, open and overdue tasks of a cycle (of either family) per structural unit, and the
/// work not done named person by person, grouped by unit and step, each with a "remind".
/// </summary>
[Authorize(Policy = BodyPolicies.EditOrganisation)]
public sealed class CompletionModel(TaskService tasks, TaskSubjects subjects, NotificationService notifications, TimeProvider clock) : BodyPageModel
{
    /// <summary>How many open tasks the page lists (the most overdue first).</summary>
    public const int Shown = 300;

    [FromRoute]
    public Guid CycleId { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Page<UnitCompletion> Units { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    /// <summary>The open tasks by unit (named; "no unit" last), then by step.</summary>
    public IReadOnlyList<(LocalizedText? Unit, IReadOnlyList<(string Kind, IReadOnlyList<TaskView> Tasks)> Steps)> Groups { get; private set; } = [];

    public int OpenShown { get; private set; }

    public IReadOnlyDictionary<Guid, string> About { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyDictionary<Guid, string> Assignees { get; private set; } = new Dictionary<Guid, string>();

    [TempData]
    public string? Reminded { get; set; }

    public DateOnly Today => KazakhstanClock.Today(clock);

    public PagerView Pager => new(Units.Number, Units.PageCount, Units.Total, n => Url.Page("/Tasks/Completion", new { bodyId = BodyId, cycleId = CycleId, page = n }));

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Units = await tasks.CompletionByUnitAsync(BodyId, CycleId, Today, new PageRequest(Math.Max(1, PageNumber)), ct);
        var open = await tasks.OpenOfCycleAsync(BodyId, CycleId, Today, Shown, ct);
        OpenShown = open.Count;
        About = await subjects.AboutAsync(open, ct);
        Assignees = await subjects.AssigneesAsync(open, ct);
        var units = await subjects.UnitNamesAsync(BodyId, open.Where(t => t.UnitId != null).Select(t => t.UnitId!.Value), ct);
        Groups = open
            .GroupBy(t => t.UnitId is { } u && units.ContainsKey(u) ? u : (Guid?)null)
            .OrderBy(g => g.Key is null ? 1 : 0)
            .ThenBy(g => g.Key is { } u ? units[u].In(Language) : string.Empty, StringComparer.Ordinal)
            .Select(g => (g.Key is { } u ? units[u] : null,
                (IReadOnlyList<(string, IReadOnlyList<TaskView>)>)g.GroupBy(t => t.Kind)
                    .OrderBy(k => k.Min(t => t.Due ?? DateOnly.MaxValue))
                    .Select(k => (k.Key, (IReadOnlyList<TaskView>)k.OrderBy(t => t.Due ?? DateOnly.MaxValue).ThenBy(t => About.GetValueOrDefault(t.Id), StringComparer.Ordinal).ToList()))
                    .ToList()))
            .ToList();
    }

    /// <summary>Reminds the assignee of one open task of the cycle now (an in-app notification).</summary>
    public async Task<IActionResult> OnPostRemindAsync(Guid taskId)
    {
        if (!await notifications.RemindAsync(BodyId, taskId, Today, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        Reminded = "1";
        return RedirectToPage("/Tasks/Completion", new { bodyId = BodyId, cycleId = CycleId, page = PageNumber });
    }
}
