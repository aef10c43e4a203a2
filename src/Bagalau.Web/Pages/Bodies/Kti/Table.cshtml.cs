using System.Globalization;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Kti;

public sealed class TableRowForm
{
    public string? FromPercent { get; set; }

    public string? ToPercent { get; set; }

    public string? MinScore { get; set; }

    public string? MaxScore { get; set; }

    public bool IsEmpty => new[] { FromPercent, ToPercent, MinScore, MaxScore }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// The body's permitted-score table for KTIs (oskemen 27, Appendix 3 of the model methodology,
/// not in the pack): read by everyone in the body, a new revision entered by HR.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class TableModel(KtiPlanService kti) : WorkflowPage
{
    public const int EditorRows = 8;

    [FromRoute]
    public string PackId { get; set; } = string.Empty;

    [BindProperty]
    public int Revision { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public List<TableRowForm> Rows { get; set; } = [];

    public KtiTableView? Current { get; private set; }

    [TempData]
    public string? Saved { get; set; }

    public bool IsHr => Roles.Contains(Bagalau.Application.Accounts.BodyRole.Hr) || Roles.Contains(Bagalau.Application.Accounts.BodyRole.HrHead);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        Revision = Current?.Revision ?? 0;
        Source = Current?.Source;
        Rows = (Current?.Rows ?? []).Select(r => new TableRowForm
        {
            FromPercent = Text(r.FromPercent), ToPercent = Text(r.ToPercent), MinScore = Text(r.MinScore), MaxScore = Text(r.MaxScore),
        }).ToList();
        while (Rows.Count < EditorRows)
        {
            Rows.Add(new TableRowForm());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var rows = new List<PermittedScoreRow>();
        foreach (var (row, n) in Rows.Select((r, i) => (r, i + 1)).Where(x => !x.r.IsEmpty))
        {
            if (Number(row.FromPercent) is not { } from || Number(row.ToPercent) is not { } to || Number(row.MinScore) is not { } min || Number(row.MaxScore) is not { } max)
            {
                return await RefusedAsync(Refusals.InvalidInput($"{n}-жол: әр ұяшық сан болуы тиіс", $"строка {n}: каждая ячейка должна быть числом", $"row {n}: every cell must be a number"));
            }

            rows.Add(new PermittedScoreRow(from, to, min, max));
        }

        var result = await kti.EnterTableAsync(UserId, BodyId, PackId, Revision, Source, rows, HttpContext.RequestAborted);
        if (result.Refusal is { } refusal)
        {
            return await RefusedAsync(refusal);
        }

        Saved = "saved";
        return RedirectToPage("/Bodies/Kti/Table", new { bodyId = BodyId, packId = PackId });
    }

    private static string Text(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static decimal? Number(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

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
        var table = await kti.TableAsync(UserId, BodyId, PackId, HttpContext.RequestAborted);
        if (table.Refusal is not null)
        {
            return false;
        }

        Current = table.Value;
        return true;
    }
}
