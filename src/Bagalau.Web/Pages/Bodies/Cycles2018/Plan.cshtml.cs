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
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

/// <summary>One KPI row of the plan form: the Appendix 1 columns.</summary>
public sealed class PlanKpiForm
{
    public string? Name { get; set; }

    public string? Source { get; set; }

    public string? Unit { get; set; }

    public string? Planned { get; set; }

    public DateOnly? Due { get; set; }

    public string? Result { get; set; }

    public KpiInput ToInput() => new(Name, Unit, Planned, Due, Result, Source);
}

/// <summary>A quarterly monitoring note as the form sends it: progress per KPI and recommendations.</summary>
public sealed class NoteForm
{
    public int Quarter { get; set; } = 1;

    public List<string?> Progress { get; set; } = [];

    public string? Recommendations { get; set; }
}

public sealed class PlanForm
{
    public int Version { get; set; }

    public List<PlanKpiForm> Kpis { get; set; } = [];

    public string? Reason { get; set; }
}

/// <summary>
/// The individual work plan (Appendix 1): the direct supervisor edits exactly the pack's number
/// of KPI rows and submits; the approver approves or returns it with a reason; an approved plan
/// is shown frozen with its revision, and the KPI sheet is opened from it.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class PlanModel(
    Evaluation2018Service cycles, SheetService sheets, TaskService tasks, CycleReads reads, RecordLinks links, RecordVersions versions, BodyAccess access,
    Cycle2018Documents forms, ServantDirectory servants, UnitOfWork work, TimeProvider clock, IStringLocalizer<Cycle2018Text> c)
    : WorkflowPageModel(servants, work, clock)
{
    protected override object RecordRoute => new { bodyId = BodyId, planId = PlanId };

    [FromRoute]
    public Guid PlanId { get; set; }

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public WorkPlan Plan { get; private set; } = null!;

    public int Year { get; private set; }

    public int PlanSize { get; private set; } = 5;

    public string? PlanClause { get; private set; }

    public Guid? SheetId { get; private set; }

    public Guid? MyServantId { get; private set; }

    public Guid? CompetencySheetId { get; private set; }

    public IReadOnlyList<MonitoringNote> Notes { get; private set; } = [];

    [BindProperty]
    public NoteForm Note { get; set; } = new();

    public bool IsSupervisor => MyServantId == Plan.DirectSupervisorId;

    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];

    public bool IsEditor => Plan.State is WorkPlanState.Draft or WorkPlanState.Returned && MyServantId == Plan.DirectSupervisorId;

    public bool IsApprover => Plan.State is WorkPlanState.Submitted or WorkPlanState.Resubmitted && MyServantId == Plan.ApproverId;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Input = new PlanForm { Version = Plan.Version, Kpis = Rows(Plan) };
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(string? language, string? format)
    {
        if (Cycle2018Documents.Parse(language, format) is not { } parsed)
        {
            return NotFound();
        }

        if (!await LoadAsync())
        {
            return NotFound();
        }

        var file = await forms.PlanAsync(Plan, parsed.Language, parsed.Format, HttpContext.RequestAborted);
        return File(file.Content, file.ContentType, file.FileName);
    }

    public Task<IActionResult> OnPostSaveAsync() =>
        ActAsync(() => cycles.SetKpisAsync(UserId, PlanId, Input.Version, Inputs(), HttpContext.RequestAborted), "plan.saved");

    /// <summary>Saves what the form shows, then submits that version (one use case: both or neither).</summary>
    public Task<IActionResult> OnPostSubmitAsync() =>
        ActAsync(() => cycles.SaveAndSubmitPlanAsync(UserId, PlanId, Input.Version, Inputs(), Today, HttpContext.RequestAborted), "plan.submitted");

    public Task<IActionResult> OnPostReturnAsync() =>
        ActAsync(() => cycles.ReturnPlanAsync(UserId, PlanId, Input.Version, Input.Reason ?? string.Empty, Today, HttpContext.RequestAborted), "plan.returned");

    public Task<IActionResult> OnPostApproveAsync() =>
        ActAsync(() => cycles.ApprovePlanAsync(UserId, PlanId, Input.Version, Today, HttpContext.RequestAborted), "plan.approved");

    /// <summary>The direct supervisor records (or revises) the quarter's progress and recommendations.</summary>
    public async Task<IActionResult> OnPostNoteAsync()
    {
        var existing = await versions.NoteAsync(PlanId, Note.Quarter, HttpContext.RequestAborted);
        var progress = Note.Progress.Select((p, i) => new KpiProgressInput(i + 1, p)).ToList();
        var recorded = await sheets.RecordNoteAsync(UserId, PlanId, Note.Quarter, existing, progress, Note.Recommendations, Today, HttpContext.RequestAborted);
        if (recorded.Refusal is { } refusal)
        {
            return await RefusedAsync(refusal);
        }

        TempData["Flash"] = c["note.recorded"].Value;
        return RedirectToPage(new { bodyId = BodyId, planId = PlanId });
    }

    public async Task<IActionResult> OnPostOpenCompetencyAsync()
    {
        var opened = await sheets.OpenCompetencySheetAsync(UserId, PlanId, Today, HttpContext.RequestAborted);
        if (opened.Value is { } sheet)
        {
            return RedirectToPage("/Bodies/Cycles2018/Competency", new { bodyId = BodyId, sheetId = sheet.Id });
        }

        return await RefusedAsync(opened.Refusal!);
    }

    public async Task<IActionResult> OnPostOpenSheetAsync()
    {
        var opened = await cycles.OpenSheetAsync(UserId, PlanId, HttpContext.RequestAborted);
        if (opened.Value is { } sheet)
        {
            return RedirectToPage("/Bodies/Cycles2018/Sheet", new { bodyId = BodyId, sheetId = sheet.Id });
        }

        return await RefusedAsync(opened.Refusal!);
    }

    /// <summary>
    /// A post that carried the plan's rows keeps what was typed; one that did not (return, note,
    /// opening a sheet) shows the plan as saved instead of an empty form.
    /// </summary>
    protected override void KeepForm()
    {
        if (Input.Kpis.Count == 0)
        {
            Input = new PlanForm { Version = Plan.Version, Reason = Input.Reason, Kpis = Rows(Plan) };
        }

        while (Input.Kpis.Count < PlanSize)
        {
            Input.Kpis.Add(new PlanKpiForm());
        }
    }

    private List<KpiInput> Inputs() => Input.Kpis.Where(k => !IsBlank(k)).Select(k => k.ToInput()).ToList();

    private static bool IsBlank(PlanKpiForm k) =>
        string.IsNullOrWhiteSpace(k.Name) && string.IsNullOrWhiteSpace(k.Source) && string.IsNullOrWhiteSpace(k.Unit)
        && string.IsNullOrWhiteSpace(k.Planned) && k.Due is null && string.IsNullOrWhiteSpace(k.Result);

    private List<PlanKpiForm> Rows(WorkPlan plan)
    {
        var rows = plan.Kpis.Select(k => new PlanKpiForm { Name = k.Name, Source = k.Source, Unit = k.Unit, Planned = k.Planned, Due = k.Due, Result = k.Result }).ToList();
        while (rows.Count < PlanSize)
        {
            rows.Add(new PlanKpiForm());
        }

        return rows;
    }

    protected override async Task<bool> LoadAsync()
    {
        var found = await cycles.GetPlanAsync(UserId, PlanId, HttpContext.RequestAborted);
        if (found.Value is not { } plan || plan.StateBodyId != BodyId)
        {
            return false;
        }

        Plan = plan;
        Year = await reads.YearAsync(plan.CycleId, HttpContext.RequestAborted);
        var rule = forms.VersionOf(plan.PackId, plan.PackVersionId)?.Rules.KpiPlan;
        PlanSize = rule?.MinCount ?? 5;
        PlanClause = rule?.Clause;
        SheetId = await links.KpiSheetOfAsync(plan.Id, HttpContext.RequestAborted);
        MyServantId = await access.ServantOfAsync(UserId, BodyId, HttpContext.RequestAborted);
        Tasks = await tasks.OfSubjectAsync(new TaskSubject(Evaluation2018Service.PlanSubject, plan.Id), Today, HttpContext.RequestAborted);
        Notes = (await sheets.NotesAsync(UserId, plan.Id, HttpContext.RequestAborted)).Value ?? [];
        CompetencySheetId = await links.CompetencySheetOfAsync(plan.CycleId, plan.ServantId, HttpContext.RequestAborted);
        await LoadNamesAsync([plan.ServantId, plan.DirectSupervisorId, plan.ApproverId]);
        return true;
    }
}
