using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Quarters;

/// <summary>HR's view of one round: who is evaluated and how (never the scores), naming evaluators and substitutes.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class RoundModel(QuarterRoundService service, RatingSheetService sheets, RatingSheetReads reads, ServantDirectory servants) : QuarterPageModel
{
    [FromRoute]
    public Guid RoundId { get; set; }

    public RoundView? Round { get; private set; }

    public IReadOnlyList<SheetSummary> Sheets { get; private set; } = [];

    /// <summary>oskemen 3: the servants evaluated by KTIs (no sheet), with their plan of the quarter.</summary>
    public IReadOnlyList<KtiEvaluatedRow> KtiEvaluated { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> Versions { get; private set; } = new Dictionary<Guid, int>();

    public IReadOnlyList<(Guid Id, string Name)> Servants { get; private set; } = [];

    /// <summary>The means oskemen 11 lists (the free "other" is left out: the act names its means).</summary>
    public IReadOnlyList<string> Channels { get; } = Domain.Organisation.KindIds.All<Domain.Acquaintance.NotificationChannel>()
        .Where(id => id != Domain.Organisation.KindIds.Id(Domain.Acquaintance.NotificationChannel.Other)).ToList();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostEvaluatorAsync(Guid sheetId, int version, Guid servantId) =>
        await AfterAsync(await sheets.AssignEvaluatorAsync(UserId, BodyId, sheetId, version, servantId, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostSubstituteAsync(Guid sheetId, int version, Guid servantId) =>
        await AfterAsync(await sheets.SubstituteAsync(UserId, BodyId, sheetId, version, servantId, HttpContext.RequestAborted));

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
        var roundSheets = await service.SheetsOfRoundAsync(UserId, BodyId, RoundId, HttpContext.RequestAborted);
        if (Round is null || IsNotFound(roundSheets.Refusal))
        {
            return NotFound();
        }

        if (roundSheets.Refusal is not null)
        {
            return Forbid();
        }

        Sheets = roundSheets.Value!;
        KtiEvaluated = (await service.KtiEvaluatedAsync(UserId, BodyId, RoundId, HttpContext.RequestAborted)).Value ?? [];
        Versions = await reads.VersionsAsync(RoundId, HttpContext.RequestAborted);
        Servants = await servants.ChoicesAsync(BodyId, HttpContext.RequestAborted);
        return null;
    }
}
