using Bagalau.Application.Accounts;
using Bagalau.Application.Documents;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Application.Tasks;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Tasks;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

public sealed class SheetRowForm
{
    public int Number { get; set; }

    public string? Actual { get; set; }

    public bool Achieved { get; set; }

    public string? Exception { get; set; }
}

public sealed class SheetForm
{
    public int Version { get; set; }

    public List<SheetRowForm> Rows { get; set; } = [];

    public string? Reason { get; set; }
}

/// <summary>
/// The KPI evaluation sheet (Appendix 2): the direct supervisor fills actual values and
/// achievement and signs (the engine gives the grade with its clause); the superior agrees or
/// returns it; HR sends the agreed sheet to the Commission.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class SheetModel(
    Evaluation2018Service cycles, SheetService sheets, TaskService tasks, RecordLinks links, BodyAccess access,
    Cycle2018Documents forms, ServantDirectory servants, UnitOfWork work, TimeProvider clock, IStringLocalizer<Cycle2018Text> c)
    : WorkflowPageModel(servants, work, clock)
{
    protected override object RecordRoute => new { bodyId = BodyId, sheetId = SheetId };

    [FromRoute]
    public Guid SheetId { get; set; }

    [BindProperty]
    public SheetForm Input { get; set; } = new();

    public KpiSheet Sheet { get; private set; } = null!;

    public WorkPlan Plan { get; private set; } = null!;

    public LocalizedText? GradeTitle { get; private set; }

    /// <summary>The clause kpi-achieved cites (almaty 18, mdai 17), shown next to each computed mark.</summary>
    public string? AchievedClause { get; private set; }

    public Guid? MyServantId { get; private set; }

    public bool IsHr { get; private set; }

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public IReadOnlyList<KpiFactInfo> Facts { get; private set; } = [];

    [BindProperty]
    public int FactKpi { get; set; } = 1;

    [BindProperty]
    public IFormFile? FactFile { get; set; }

    public bool IsFiller => Sheet.State is KpiSheetState.Draft or KpiSheetState.Returned && MyServantId == Sheet.DirectSupervisorId;

    public bool IsSuperior => Sheet.State == KpiSheetState.Signed && MyServantId == Sheet.SuperiorId;

    public bool CanSend => Sheet.State == KpiSheetState.Agreed && IsHr;

    public string KpiName(int number) => Plan.Kpis.FirstOrDefault(k => k.Number == number)?.Name ?? string.Empty;

    public string KpiUnit(int number) => Plan.Kpis.FirstOrDefault(k => k.Number == number)?.Unit ?? string.Empty;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new SheetForm { Version = Sheet.Version, Rows = Sheet.Rows.Select(r => new SheetRowForm { Number = r.Number, Actual = r.Actual, Achieved = r.Achieved, Exception = r.Exception }).ToList() };
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(string? language, string? format)
    {
        if (Cycle2018Documents.Parse(language, format) is not { } parsed || !await LoadAsync())
        {
            return NotFound();
        }

        var file = await forms.SheetAsync(Sheet, Plan, parsed.Language, parsed.Format, HttpContext.RequestAborted);
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>A fact file supporting one KPI (clause 22): the domain checks who may attach, the size and the type.</summary>
    public async Task<IActionResult> OnPostFactAsync()
    {
        // The file comes with the sheet's typed values (one form): they are saved first, so an
        // attachment never throws away what was typed; a refused save keeps the form and attaches nothing.
        if (Input.Rows.Count > 0)
        {
            var saved = await cycles.FillSheetAsync(UserId, SheetId, Input.Version, Results(), HttpContext.RequestAborted);
            if (saved.Refusal is { } notSaved)
            {
                return await RefusedAsync(notSaved);
            }
        }

        byte[] content = [];
        if (FactFile is not null)
        {
            using var buffer = new MemoryStream();
            await FactFile.CopyToAsync(buffer, HttpContext.RequestAborted);
            content = buffer.ToArray();
        }

        var attached = await sheets.AttachFactAsync(UserId, SheetId, FactKpi, FactFile?.FileName, content, Today, HttpContext.RequestAborted);
        if (attached.Refusal is { } refusal)
        {
            Work.DiscardChanges();
            if (!await LoadAsync())
            {
                return NotFound();
            }

            ShowRefusal(refusal);
            Input = new SheetForm { Version = Sheet.Version, Rows = Sheet.Rows.Select(r => new SheetRowForm { Number = r.Number, Actual = r.Actual, Achieved = r.Achieved, Exception = r.Exception }).ToList() };
            return Page();
        }

        TempData["Flash"] = c["facts.attached"].Value;
        return RedirectToPage(new { bodyId = BodyId, sheetId = SheetId });
    }

    public async Task<IActionResult> OnGetFactAsync(Guid factId)
    {
        var fact = await sheets.FactAsync(UserId, SheetId, factId, HttpContext.RequestAborted);
        return fact.Value is { } file ? File(file.Content, file.ContentType, file.FileName) : NotFound();
    }

    public Task<IActionResult> OnPostSaveAsync() =>
        ActAsync(() => cycles.FillSheetAsync(UserId, SheetId, Input.Version, Results(), HttpContext.RequestAborted), "sheet.saved");

    /// <summary>Saves what the form shows, then signs that version (one use case: both or neither).</summary>
    public Task<IActionResult> OnPostSignAsync() =>
        ActAsync(() => cycles.FillAndSignSheetAsync(UserId, SheetId, Input.Version, Results(), Today, HttpContext.RequestAborted), "sheet.signed");

    public Task<IActionResult> OnPostReturnAsync() =>
        ActAsync(() => cycles.ReturnSheetAsync(UserId, SheetId, Input.Version, Input.Reason ?? string.Empty, Today, HttpContext.RequestAborted), "sheet.returned");

    public Task<IActionResult> OnPostAgreeAsync() =>
        ActAsync(() => cycles.AgreeSheetAsync(UserId, SheetId, Input.Version, Today, HttpContext.RequestAborted), "sheet.agreed");

    public Task<IActionResult> OnPostSendAsync() =>
        ActAsync(() => cycles.SendSheetToCommissionAsync(UserId, SheetId, Input.Version, Today, HttpContext.RequestAborted), "sheet.sent");

    private List<KpiResultInput> Results() => Input.Rows.Select(r => new KpiResultInput(r.Number, r.Actual, r.Achieved, r.Exception)).ToList();

    /// <summary>The form keeps what the user typed; a post without rows shows the sheet as saved.</summary>
    protected override void KeepForm()
    {
        if (Input.Rows.Count == 0)
        {
            Input.Rows = Sheet.Rows.Select(r => new SheetRowForm { Number = r.Number, Actual = r.Actual, Achieved = r.Achieved, Exception = r.Exception }).ToList();
        }
    }

    protected override async Task<bool> LoadAsync()
    {
        var found = await cycles.GetSheetAsync(UserId, SheetId, HttpContext.RequestAborted);
        if (found.Value is not { } sheet || sheet.StateBodyId != BodyId)
        {
            return false;
        }

        Sheet = sheet;
        Plan = await links.PlanAsync(sheet.PlanId, HttpContext.RequestAborted);
        GradeTitle = forms.GradeTitle(sheet);
        AchievedClause = forms.VersionOf(sheet.PackId, sheet.PackVersionId)?.Rules.KpiAnnualGrade?.Clause;
        MyServantId = await access.ServantOfAsync(UserId, BodyId, HttpContext.RequestAborted);
        IsHr = Roles.Contains(Application.Accounts.BodyRole.Hr) || Roles.Contains(Application.Accounts.BodyRole.HrHead);
        Tasks = await tasks.OfSubjectAsync(new TaskSubject(Evaluation2018Service.SheetSubject, sheet.Id), Today, HttpContext.RequestAborted);
        Facts = (await sheets.FactsAsync(UserId, sheet.Id, HttpContext.RequestAborted)).Value ?? [];
        await LoadNamesAsync([sheet.ServantId, sheet.DirectSupervisorId, sheet.SuperiorId]);
        return true;
    }
}
