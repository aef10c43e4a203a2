using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

public sealed class AppealForm
{
    public int Version { get; set; }

    public string? Outcome { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// An appeal to the civil-service agency against the Commission's decision (filed within the
/// appeal deadline, with its clause); HR records the outcome: re-evaluation reopens the
/// servant's sheets, linked back to the appeal.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class AppealModel(AppealService appeals, RecordLinks links, ServantDirectory servants, UnitOfWork work, TimeProvider clock, IStringLocalizer<Cycle2018Text> c)
    : WorkflowPageModel(servants, work, clock)
{
    [FromRoute]
    public Guid AppealId { get; set; }

    [BindProperty]
    public AppealForm Input { get; set; } = new();

    public EvaluationAppeal Appeal { get; private set; } = null!;

    public Guid? ReopenedSheetId { get; private set; }

    public Guid? ReopenedCompetencySheetId { get; private set; }

    public bool IsHr { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new AppealForm { Version = Appeal.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await appeals.RecordOutcomeAsync(UserId, AppealId, Input.Version, Input.Outcome ?? string.Empty, Input.Note, Today, HttpContext.RequestAborted);
        if (outcome.Refusal is { } refusal)
        {
            Work.DiscardChanges();
            if (!await LoadAsync())
            {
                return NotFound();
            }

            ShowRefusal(refusal);
            return Page();
        }

        TempData["Flash"] = c["appeal.outcome-recorded"].Value;
        return RedirectToPage(new { bodyId = BodyId, appealId = AppealId });
    }

    protected override async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var found = await appeals.GetAsync(UserId, AppealId, ct);
        if (found.Value is not { } appeal || appeal.StateBodyId != BodyId)
        {
            return false;
        }

        Appeal = appeal;
        IsHr = Roles.Contains(Application.Accounts.BodyRole.Hr) || Roles.Contains(Application.Accounts.BodyRole.HrHead);
        (ReopenedSheetId, ReopenedCompetencySheetId) = await links.ReopenedByAsync(appeal.Id, ct);
        await LoadNamesAsync([appeal.ServantId]);
        return true;
    }
}
