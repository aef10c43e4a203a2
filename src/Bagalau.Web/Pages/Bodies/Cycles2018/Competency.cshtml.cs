using Bagalau.Application.Accounts;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

public sealed class CompetencyTicks
{
    public string? Id { get; set; }

    public List<int> Observed { get; set; } = [];
}

public sealed class CompetencyForm
{
    public int Version { get; set; }

    public List<CompetencyTicks> Marks { get; set; } = [];
}

/// <summary>
/// The competency sheet (Appendix 4): the indicators of the servant's group for each
/// competency, verbatim from the act (public-service ones skipped when the servant provides no
/// public services); the evaluator ticks what was observed; on signing the engine's 3/4 rule
/// gives each level with its clause and lists the indicators not observed.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class CompetencyModel(
    SheetService sheets, Cycle2018Documents forms, RecordLinks links, BodyAccess access, ServantDirectory servants, UnitOfWork work, TimeProvider clock)
    : WorkflowPageModel(servants, work, clock)
{
    protected override object RecordRoute => new { bodyId = BodyId, sheetId = SheetId };

    [FromRoute]
    public Guid SheetId { get; set; }

    [BindProperty]
    public CompetencyForm Input { get; set; } = new();

    public CompetencySheetView View { get; private set; } = null!;

    public Guid? PlanId { get; private set; }

    public Guid? MyServantId { get; private set; }

    public bool IsHr { get; private set; }

    public bool IsEvaluator => View.Sheet.State == CompetencySheetState.Draft && MyServantId == View.Sheet.DirectSupervisorId;

    public bool Ticked(int competency, int indicator) =>
        Input.Marks.ElementAtOrDefault(competency) is { } mark && mark.Observed.Contains(indicator);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new CompetencyForm { Version = View.Sheet.Version, Marks = View.Competencies.Select(x => new CompetencyTicks { Id = x.Id, Observed = [.. x.Observed] }).ToList() };
        return Page();
    }

    /// <summary>Appendix 3 as DOCX/PDF in kk/ru; access as for the page (others get 404).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(string? language, string? format)
    {
        var file = await forms.CompetencySheetForAsync(UserId, SheetId, language, format, HttpContext.RequestAborted);
        return file.Value is { } f ? File(f.Content, f.ContentType, f.FileName) : NotFound();
    }

    public Task<IActionResult> OnPostSaveAsync() => ActAsync(sign: false, "competency.saved");

    public Task<IActionResult> OnPostSignAsync() => ActAsync(sign: true, "competency.signed");

    public async Task<IActionResult> OnPostSendAsync()
    {
        var sent = await sheets.SendCompetencySheetAsync(UserId, SheetId, Input.Version, Today, HttpContext.RequestAborted);
        return sent.Refusal is { } refusal ? await RefusedAsync(refusal) : Done("competency.sent");
    }

    /// <summary>Ticks every competency and, when signing, signs (one use case: all or nothing).</summary>
    private Task<IActionResult> ActAsync(bool sign, string done) =>
        ActAsync(
            () => sheets.MarkCompetencySheetAsync(
                UserId, SheetId, Input.Version,
                Input.Marks.Where(m => !string.IsNullOrWhiteSpace(m.Id)).Select(m => new CompetencyMarkInput(m.Id!, m.Observed)).ToList(),
                sign, Today, HttpContext.RequestAborted),
            done);

    protected override async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var found = await sheets.CompetencySheetAsync(UserId, SheetId, ct);
        if (found.Value is not { } view || view.Sheet.StateBodyId != BodyId)
        {
            return false;
        }

        View = view;
        PlanId = await links.PlanOfAsync(view.Sheet.CycleId, view.Sheet.ServantId, ct);
        MyServantId = await access.ServantOfAsync(UserId, BodyId, ct);
        IsHr = Roles.Contains(Application.Accounts.BodyRole.Hr) || Roles.Contains(Application.Accounts.BodyRole.HrHead);
        await LoadNamesAsync([view.Sheet.ServantId, view.Sheet.DirectSupervisorId]);
        return true;
    }
}
