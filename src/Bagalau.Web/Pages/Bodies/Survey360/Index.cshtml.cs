using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Workflow;
using Bagalau.Application.Packs;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Bagalau.Application.Time;

namespace Bagalau.Web.Pages.Bodies.Survey360;

/// <summary>HR launches the year's 360 round and opens the rounds launched before.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class IndexModel(PackCatalog packs, TimeProvider clock, WorkflowActors actors) : Survey360Page
{
    public IReadOnlyList<Survey360Round> Rounds { get; private set; } = [];

    /// <summary>The packs with a 360 survey (oskemen).</summary>
    public IReadOnlyList<Domain.Packs.Pack> Packs { get; private set; } = [];

    /// <summary>The signed-in servant's own reports (one per round they were evaluated in).</summary>
    public IReadOnlyList<(Guid TargetId, int Year)> MyReports { get; private set; } = [];

    [BindProperty]
    public string? PackId { get; set; }

    [BindProperty]
    public int Year { get; set; }

    public async Task OnGetAsync()
    {
        Year = KazakhstanClock.Today(clock).Year;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var launched = await Service.LaunchAsync(UserId, BodyId, PackId ?? string.Empty, Year, HttpContext.RequestAborted);
        if (launched.Refusal is null)
        {
            return RedirectToPage("/Bodies/Survey360/Round", new { bodyId = BodyId, roundId = launched.Value!.Id });
        }

        var result = Refused(launched.Refusal);
        await LoadAsync();
        return result ?? Page();
    }

    private async Task LoadAsync()
    {
        Rounds = await Service.RoundsAsync(BodyId, HttpContext.RequestAborted);
        Packs = [.. packs.Catalogue.Packs.Where(p => p.Versions.Any(v => v.Rules.Survey360 is not null))];
        if (await actors.InBodyAsync(UserId, BodyId, HttpContext.RequestAborted) is { ServantId: { } servant })
        {
            var years = Rounds.ToDictionary(r => r.Id, r => r.Year);
            MyReports = [.. (await Service.IssuedTargetsOfAsync(BodyId, servant, HttpContext.RequestAborted))
                .Select(t => (t.Id, years.GetValueOrDefault(t.RoundId)))
                .OrderByDescending(t => t.Item2)];
        }
    }
}
