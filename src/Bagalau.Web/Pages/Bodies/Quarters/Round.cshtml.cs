using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Quarters;

/// <summary>HR's view of one round: who is evaluated and how (never the scores), naming evaluators and substitutes.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class RoundModel(QuarterRoundService service, RatingSheetService sheets, ServantDirectory servants, OrganisationService organisation, Application.Results.ResultsExport results) : QuarterPageModel
{
    /// <summary>The list's filter, in the URL query.</summary>
    [BindProperty(SupportsGet = true)]
    public Web.Bodies.ListFilter Filter { get; set; } = new();

    /// <summary>The evaluator typed in the filter without script (resolved by full name).</summary>
    [BindProperty(SupportsGet = true, Name = "evaluatorName")]
    public string? EvaluatorName { get; set; }

    public Page<SheetSummary> SheetsPage { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyList<(string Value, string Title)> Units { get; private set; } = [];

    public IReadOnlyList<string> Forms { get; private set; } = [];

    public string? EvaluatorShown { get; private set; }

    public Web.Bodies.PagerView Pager => new(SheetsPage.Number, SheetsPage.PageCount, SheetsPage.Total, n => Url.Page("/Bodies/Quarters/Round", Filter.RouteValues(n, new { bodyId = BodyId, roundId = RoundId, evaluatorName = (string?)null })));

    [FromRoute]
    public Guid RoundId { get; set; }

    public RoundView? Round { get; private set; }

    public IReadOnlyList<SheetSummary> Sheets { get; private set; } = [];

    /// <summary>oskemen 3: the servants evaluated by KTIs (no sheet), with their plan of the quarter.</summary>
    public IReadOnlyList<KtiEvaluatedRow> KtiEvaluated { get; private set; } = [];

    /// <summary>The means oskemen 11 lists (the free "other" is left out: the act names its means).</summary>
    public IReadOnlyList<string> Channels { get; } = Domain.Organisation.KindIds.All<Domain.Acquaintance.NotificationChannel>()
        .Where(id => id != Domain.Organisation.KindIds.Id(Domain.Acquaintance.NotificationChannel.Other)).ToList();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    /// <summary>The head of HR reads (and exports) the quarter's results.</summary>
    public bool IsHrHead => Roles.Contains(Application.Accounts.BodyRole.HrHead);

    /// <summary>The quarter's results as XLSX or CSV (the head of HR).</summary>
    public Task<IActionResult> OnGetResultsAsync(string? format) =>
        Web.Bodies.ResultsDownload.FromAsync(format, () => results.RoundAsync(UserId, BodyId, RoundId, Language, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostEvaluatorAsync(Guid sheetId, int version, Guid? servantId, string? servantName)
    {
        var chosen = await servants.ResolveAsync(BodyId, servantId, servantName, Domain.Workflow.Fields.Evaluator, HttpContext.RequestAborted);
        return chosen.Value is { } servant
            ? await AfterAsync(await sheets.AssignEvaluatorAsync(UserId, BodyId, sheetId, version, servant.Id, HttpContext.RequestAborted))
            : await AfterAsync<Domain.Evaluation2023.RatingSheet>(chosen.Refusal!);
    }

    public async Task<IActionResult> OnPostSubstituteAsync(Guid sheetId, int version, Guid? servantId, string? servantName)
    {
        var chosen = await servants.ResolveAsync(BodyId, servantId, servantName, Domain.Workflow.Fields.Evaluator, HttpContext.RequestAborted);
        return chosen.Value is { } servant
            ? await AfterAsync(await sheets.SubstituteAsync(UserId, BodyId, sheetId, version, servant.Id, HttpContext.RequestAborted))
            : await AfterAsync<Domain.Evaluation2023.RatingSheet>(chosen.Refusal!);
    }

    /// <summary>oskemen 11, nhrc 9: HR records how and when a servant evaluated without participation was notified.</summary>
    public async Task<IActionResult> OnPostNotifyAsync(Guid sheetId, int version, string? channel, DateOnly? notifiedOn)
    {
        if (notifiedOn is not { } date)
        {
            ShowRefusal(Domain.Workflow.WorkflowRefusals.Required(Domain.Workflow.Fields.NotifiedOn));
            return await LoadAsync() ?? Page();
        }

        return await AfterAsync(await sheets.RecordNotificationAsync(UserId, BodyId, sheetId, version, channel, date, HttpContext.RequestAborted));
    }

    private async Task<IActionResult> AfterAsync<T>(Outcome<T> result)
        where T : class
    {
        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return await LoadAsync() ?? Page();
        }

        Saved = "q.saved";
        return RedirectToPage(new { bodyId = BodyId, roundId = RoundId });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        Round = await service.RoundAsync(BodyId, RoundId, HttpContext.RequestAborted);
        var ct = HttpContext.RequestAborted;
        if (string.IsNullOrWhiteSpace(Filter.Evaluator) && !string.IsNullOrWhiteSpace(EvaluatorName))
        {
            var typed = await servants.ResolveAsync(BodyId, null, EvaluatorName, Domain.Workflow.Fields.Evaluator, ct);
            if (typed.Value is { } found)
            {
                Filter.Evaluator = found.Id.ToString();
            }
            else
            {
                ShowRefusal(typed.Refusal!);
            }
        }

        var roundSheets = await service.SheetsOfRoundAsync(UserId, BodyId, RoundId, Filter.ToQuery(), ct);
        if (Round is null || IsNotFound(roundSheets.Refusal))
        {
            return NotFound();
        }

        if (roundSheets.Refusal is not null)
        {
            return Forbid();
        }

        SheetsPage = roundSheets.Value!;
        Sheets = SheetsPage.Items;
        Units = [.. (await organisation.ListUnitsAsync(BodyId, ct)).Select(u => (u.Id.ToString(), u.NameIn(Language)))];
        Forms = await service.FormsOfRoundAsync(RoundId, ct);
        EvaluatorShown = Filter.EvaluatorId is { } evaluator ? (await servants.NamesAsync([evaluator], ct)).GetValueOrDefault(evaluator) : null;
        KtiEvaluated = (await service.KtiEvaluatedAsync(UserId, BodyId, RoundId, ct)).Value ?? [];
        return null;
    }
}
