using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Kti;

/// <summary>One KTI row of the plan editor (strings: parsed here so a bad value is a clear error).</summary>
public sealed class KtiRowForm
{
    public string? Name { get; set; }

    public string? Unit { get; set; }

    public string? Planned { get; set; }

    public string? Due { get; set; }

    public string? Result { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(Planned)
        && string.IsNullOrWhiteSpace(Due) && string.IsNullOrWhiteSpace(Result);
}

public sealed class KtiValueForm
{
    public int Number { get; set; }

    public string? Actual { get; set; }

    public string? Percent { get; set; }

    public string? Score { get; set; }

    public string? Comment { get; set; }
}

/// <summary>
/// One head's KTI plan: the editor (3-5 KTIs, clause 23) until HR agrees it, HR's agreement,
/// HR's actual values (clause 22), the evaluator's scores 0-5 with the permitted-score table when
/// entered (clause 27) and the result from the engine. Who may do what is the domain's decision.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class PlanModel(KtiPlanService kti) : WorkflowPage
{
    public const int EditorRows = 5;

    [FromRoute]
    public Guid PlanId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public List<KtiRowForm> Rows { get; set; } = [];

    [BindProperty]
    public List<KtiValueForm> Values { get; set; } = [];

    public KtiPlanView View { get; private set; } = null!;

    [TempData]
    public string? Saved { get; set; }

    public KtiPlan Plan => View.Plan;

    public bool CanWrite => Plan.State == KtiPlanState.Draft && (View.IsHr || View.IsEvaluator);

    public bool CanAgree => Plan.State == KtiPlanState.Draft && View.IsHr && Plan.Items.Count > 0;

    public bool CanEnterActuals => Plan.State is KtiPlanState.Agreed or KtiPlanState.ActualsEntered && View.IsHr;

    public bool CanScore => Plan.State == KtiPlanState.ActualsEntered && View.IsEvaluator;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        FillForms();
        return Page();
    }

    public Task<IActionResult> OnPostKtisAsync()
    {
        var entries = new List<KpiEntry>();
        foreach (var row in Rows.Where(r => !r.IsEmpty))
        {
            DateOnly? due = null;
            if (!string.IsNullOrWhiteSpace(row.Due))
            {
                if (!DateOnly.TryParseExact(row.Due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return RefusedAsync(Refusals.InvalidInput($"мерзімі 2024-06-30 түріндегі күн болуы тиіс, берілгені «{row.Due}»", $"срок должен быть датой вида 2024-06-30, указано «{row.Due}»", $"due must be a date like 2024-06-30, found '{row.Due}'"));
                }

                due = d;
            }

            entries.Add(new KpiEntry(row.Name, row.Unit, row.Planned, due, row.Result));
        }

        return AfterAsync(kti.SetKtisAsync(UserId, BodyId, PlanId, Version, entries, HttpContext.RequestAborted));
    }

    public Task<IActionResult> OnPostAgreeAsync() => AfterAsync(kti.AgreeAsync(UserId, BodyId, PlanId, Version, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostActualsAsync()
    {
        var actuals = new List<KtiActualInput>();
        foreach (var v in Values)
        {
            decimal? percent = null;
            if (!string.IsNullOrWhiteSpace(v.Percent))
            {
                if (ParseNumber(v.Percent) is not { } p)
                {
                    return RefusedAsync(Refusals.InvalidInput($"{v.Number}-ТНИ орындалу пайызы сан болуы тиіс, берілгені «{v.Percent}»", $"процент достижения КЦИ {v.Number} должен быть числом, указано «{v.Percent}»", $"achievement of KTI {v.Number} must be a number, found '{v.Percent}'"));
                }

                percent = p;
            }

            actuals.Add(new KtiActualInput(v.Number, v.Actual, percent));
        }

        return AfterAsync(kti.EnterActualsAsync(UserId, BodyId, PlanId, Version, actuals, HttpContext.RequestAborted));
    }

    public Task<IActionResult> OnPostScoreAsync()
    {
        var scores = new List<KtiScoreEntry>();
        foreach (var v in Values)
        {
            if (ParseNumber(v.Score) is not { } score)
            {
                return RefusedAsync(Refusal.Of(
                    "score-missing",
                    $"{v.Number}-ТНИ бағасын 0-ден 5-ке дейін санмен қойыңыз",
                    $"Поставьте оценку КЦИ {v.Number} числом от 0 до 5",
                    $"Give KTI {v.Number} a score from 0 to 5"));
            }

            scores.Add(new KtiScoreEntry(v.Number, score, v.Comment));
        }

        return AfterAsync(kti.ScoreAsync(UserId, BodyId, PlanId, Version, scores, HttpContext.RequestAborted));
    }

    /// <summary>A decimal typed with a point or a comma (Russian and Kazakh keyboards).</summary>
    private static decimal? ParseNumber(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private async Task<IActionResult> AfterAsync(Task<Outcome<KtiPlan>> action)
    {
        var result = await action;
        if (result.Refusal is { } refusal)
        {
            return await RefusedAsync(refusal);
        }

        Saved = "saved";
        return RedirectToPage("/Bodies/Kti/Plan", new { bodyId = BodyId, planId = PlanId });
    }

    /// <summary>Shows the refusal with what the user typed kept.</summary>
    private async Task<IActionResult> RefusedAsync(Refusal refusal)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        ShowRefusal(refusal);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var view = await kti.GetAsync(UserId, BodyId, PlanId, HttpContext.RequestAborted);
        if (view.Value is null)
        {
            return false;
        }

        View = view.Value;
        return true;
    }

    private void FillForms()
    {
        Version = Plan.Version;
        Rows = View.Items.Select(i => new KtiRowForm
        {
            Name = i.Name, Unit = i.Unit, Planned = i.Planned, Due = i.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Result = i.Result,
        }).ToList();
        while (Rows.Count < EditorRows)
        {
            Rows.Add(new KtiRowForm());
        }

        Values = View.Items.Select(i => new KtiValueForm
        {
            Number = i.Number,
            Actual = i.Actual,
            Percent = i.AchievementPercent?.ToString("0.##", CultureInfo.InvariantCulture),
            Score = i.Score?.ToString("0.##", CultureInfo.InvariantCulture),
            Comment = i.Comment,
        }).ToList();
    }
}
