using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Workflow;
using Bagalau.Application.Documents;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Quarters;

/// <summary>
/// The rating sheet: the evaluator fills it live (0-5 per parameter, optional comment, the act's
/// guidance, the sanction cap with its clause; a small script asks the preview endpoint as they
/// type, the form submits without it); the servant reads the result and acknowledges it. Only the
/// servant, the evaluator, the head of HR and calibration members open it (others: 404).
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class SheetModel(
    RatingSheetService service, QuarterlyDocuments documents, DocumentService renderer, PackCatalog packs, WorkflowActors actors, ServantDirectory servants)
    : QuarterPageModel
{
    [FromRoute]
    public Guid SheetId { get; set; }

    public SheetView View { get; private set; } = null!;

    public PackVersion Version { get; private set; } = null!;

    public LocalizedText? CapReason { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> Servants { get; private set; } = [];

    public bool IsEvaluatorOfRecord { get; private set; }

    [BindProperty]
    public int SheetVersion { get; set; }

    [BindProperty]
    public List<ScoreRow> Scores { get; set; } = [];

    public sealed class ScoreRow
    {
        public string? ParameterId { get; set; }

        /// <summary>As typed: "4", "4.5" or "4,5" (parsed invariantly, whatever the page's language).</summary>
        public string? Score { get; set; }

        public string? Comment { get; set; }
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(fillForm: true) ?? Page();

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        if (ParseScores() is not { } inputs)
        {
            return await LoadAsync(fillForm: false) ?? Page();
        }

        var result = await service.SubmitAsync(UserId, BodyId, SheetId, SheetVersion, inputs, HttpContext.RequestAborted);
        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return await LoadAsync(fillForm: false) ?? Page();
        }

        Saved = "q.saved";
        return RedirectToPage(new { bodyId = BodyId, sheetId = SheetId });
    }

    /// <summary>Saves what is typed so far (partial scores allowed) without submitting; the page reloads the saved values.</summary>
    public async Task<IActionResult> OnPostSaveDraftAsync()
    {
        if (ParseScores() is not { } inputs)
        {
            return await LoadAsync(fillForm: false) ?? Page();
        }

        var result = await service.SaveDraftAsync(UserId, BodyId, SheetId, SheetVersion, inputs, HttpContext.RequestAborted);
        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return await LoadAsync(fillForm: false) ?? Page();
        }

        Saved = "q.draft-saved";
        return RedirectToPage(new { bodyId = BodyId, sheetId = SheetId });
    }

    private List<SheetScoreInput>? ParseScores()
    {
        var inputs = new List<SheetScoreInput>();
        foreach (var row in Scores.Where(r => !string.IsNullOrWhiteSpace(r.ParameterId)))
        {
            if (string.IsNullOrWhiteSpace(row.Score))
            {
                continue; // the engine names every parameter left without a score on submission; a draft keeps it empty
            }

            if (!decimal.TryParse(row.Score.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var score))
            {
                ShowRefusal(Refusals.InvalidInput($"«{row.Score}» сан емес", $"«{row.Score}» не число", $"'{row.Score}' is not a number"));
                return null;
            }

            inputs.Add(new SheetScoreInput(row.ParameterId!, score, row.Comment));
        }

        return inputs;
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync() =>
        await AfterAsync(await service.AcknowledgeAsync(UserId, BodyId, SheetId, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostDelegateAsync(Guid servantId) =>
        await AfterAsync(await service.DelegateAsync(UserId, BodyId, SheetId, SheetVersion, servantId, HttpContext.RequestAborted));

    public async Task<IActionResult> OnGetDocumentAsync(string? format, string? lang)
    {
        var result = await documents.RatingSheetAsync(UserId, BodyId, SheetId, HttpContext.RequestAborted);
        if (result.Refusal is { Code: "not-found" } || DocumentService.ParseFormat(format) is not { } fileFormat || DocumentService.ParseLanguage(lang) is not { } language)
        {
            return NotFound();
        }

        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return await LoadAsync(fillForm: true) ?? Page();
        }

        var file = renderer.Render(result.Value!, language, fileFormat);
        return File(file.Content, file.ContentType, file.FileName);
    }

    private async Task<IActionResult> AfterAsync(Outcome<RatingSheet> result)
    {
        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return await LoadAsync(fillForm: true) ?? Page();
        }

        Saved = "q.saved";
        var stillVisible = await service.GetSheetAsync(UserId, BodyId, SheetId, HttpContext.RequestAborted);
        return stillVisible.IsSuccess ? RedirectToPage(new { bodyId = BodyId, sheetId = SheetId }) : RedirectToPage("/Bodies/Quarters/Mine", new { bodyId = BodyId });
    }

    private async Task<IActionResult?> LoadAsync(bool fillForm)
    {
        var opened = await service.GetSheetAsync(UserId, BodyId, SheetId, HttpContext.RequestAborted);
        if (opened.Value is not { } view)
        {
            return NotFound();
        }

        View = view;
        Version = view.Round.VersionIn(packs.Catalogue.Find(view.Round.PackId)!);
        CapReason = QuarterlyDocuments.CapReason(Version, view.Sheet, view.SanctionsInQuarter);
        var me = (await actors.InBodyAsync(UserId, BodyId, HttpContext.RequestAborted))?.ServantId;
        IsEvaluatorOfRecord = me is { } m && m == view.Sheet.EvaluatorId && view.Sheet.State == SheetState.Open && view.Sheet.DelegateId is null;
        if (fillForm || Scores.Count == 0)
        {
            Scores = [.. view.Parameters.Select(p => new ScoreRow
            {
                ParameterId = p.Id,
                Score = p.Score?.ToString("0.##", CultureInfo.InvariantCulture),
                Comment = p.Comment,
            })];
        }

        SheetVersion = view.Sheet.Version;
        if (IsEvaluatorOfRecord && me is { } evaluator)
        {
            Servants = await servants.ChoicesAsync(BodyId, [view.Sheet.ServantId, evaluator], HttpContext.RequestAborted);
        }

        return null;
    }

    /// <summary>The grade's title in the page's language.</summary>
    public string GradeTitle(string? grade) =>
        grade is null ? "—" : Version.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == grade)?.Title.In(Language) ?? grade;

    public string SanctionTitle(string kind) => Vocabulary.SanctionKinds.TryGetValue(kind, out var t) ? t.In(Language) : kind;
}
