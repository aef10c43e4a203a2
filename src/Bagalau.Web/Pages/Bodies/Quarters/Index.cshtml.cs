using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Packs;
using Bagalau.Domain.Packs;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Quarters;

/// <summary>The body's quarter rounds: HR schedules, the authorized person approves, everyone sees progress.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class IndexModel(QuarterRoundService service, PackCatalog packs, Application.Results.ResultsExport results) : QuarterPageModel
{
    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    public IReadOnlyList<Pack> Packs { get; private set; } = [];

    public bool IsHr => Roles.Contains(Application.Accounts.BodyRole.Hr) || Roles.Contains(Application.Accounts.BodyRole.HrHead);

    /// <summary>The head of HR reads (and exports) the results (the packs' confidentiality rule).</summary>
    public bool IsHrHead => Roles.Contains(Application.Accounts.BodyRole.HrHead);

    /// <summary>The years with rounds, by pack, newest first: what the year's results export offers.</summary>
    public IReadOnlyList<(string PackId, int Year)> Years => [.. Rounds.Select(r => (r.Round.PackId, r.Round.Year)).Distinct().OrderByDescending(y => y.Year).ThenBy(y => y.PackId, StringComparer.Ordinal)];

    /// <summary>The year's results of a pack as XLSX or CSV (the head of HR).</summary>
    public Task<IActionResult> OnGetYearResultsAsync(string? pack, int? year, string? format) =>
        string.IsNullOrWhiteSpace(pack) || year is not (>= 2000 and <= 2100)
            ? Task.FromResult<IActionResult>(NotFound())
            : Web.Bodies.ResultsDownload.FromAsync(format, () => results.YearAsync(UserId, BodyId, pack.Trim(), year.Value, Language, HttpContext.RequestAborted));

    public bool IsAuthorized => Roles.Contains(Application.Accounts.BodyRole.AuthorizedPerson);

    [BindProperty]
    public ScheduleInput Input { get; set; } = new();

    public sealed class ScheduleInput
    {
        public string? PackId { get; set; } = "nhrc";

        public string? Quarter { get; set; }

        public DateOnly? EvaluationDate { get; set; }

        public bool ConfirmLate { get; set; }
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostScheduleAsync()
    {
        if (Input.EvaluationDate is not { } day || string.IsNullOrWhiteSpace(Input.PackId) || string.IsNullOrWhiteSpace(Input.Quarter))
        {
            ShowRefusal(Domain.Decisions.Refusals.InvalidInput($"әдістемені, тоқсанды және бағалау күнін көрсетіңіз", $"укажите методику, квартал и день оценки", $"give the methodology, the quarter and the evaluation day"));
            await LoadAsync();
            return Page();
        }

        var result = await service.ScheduleAsync(UserId, BodyId, Input.PackId, Input.Quarter, day, HttpContext.RequestAborted, Input.ConfirmLate);
        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            await LoadAsync();
            return Page();
        }

        Saved = "q.saved";
        return RedirectToPage(new { bodyId = BodyId });
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid roundId, int version)
    {
        var result = await service.ApproveAsync(UserId, BodyId, roundId, version, HttpContext.RequestAborted);
        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            await LoadAsync();
            return Page();
        }

        Saved = "q.saved";
        return RedirectToPage(new { bodyId = BodyId });
    }

    private async Task LoadAsync()
    {
        Rounds = await service.RoundsAsync(BodyId, HttpContext.RequestAborted);
        Packs = [.. packs.Catalogue.Packs.Where(p => p.Family == PackFamily.Quarterly2023)];
    }
}
