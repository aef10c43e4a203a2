using System.Globalization;
using Bagalau.Application.Organisation;
using Bagalau.Application.Time;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Bodies;
using Bagalau.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies.Cycles2018;

/// <summary>
/// A 2018-family record page (plan, sheet, sitting, acquaintance...): one way to run a step,
/// show its refusal over what the user typed, or flash its success and reload the record.
/// </summary>
public abstract class WorkflowPageModel(ServantDirectory servants, UnitOfWork work, TimeProvider clock) : WorkflowPage
{
    /// <summary>The request's unit of work: what a refused step changed is discarded before the page reloads.</summary>
    protected UnitOfWork Work => work;

    /// <summary>Who the servants named by the page's record are.</summary>
    protected ServantDirectory Servants => servants;

    /// <summary>Today in Kazakhstan (every deadline is counted in Kazakhstan's working days).</summary>
    public DateOnly Today => KazakhstanClock.Today(clock);

    public IReadOnlyDictionary<Guid, string> Names { get; protected set; } = new Dictionary<Guid, string>();

    /// <summary>The route values of the page's own record, where a successful step returns to.</summary>
    protected virtual object? RecordRoute => null;

    public string NameOf(Guid? servantId) => servantId is { } id && Names.TryGetValue(id, out var name) ? name : string.Empty;

    protected async Task LoadNamesAsync(IEnumerable<Guid> servantIds)
    {
        Names = await servants.NamesAsync(servantIds, HttpContext.RequestAborted);
    }

    /// <summary>Loads the page's record for display; false when it is not the user's to see.</summary>
    protected virtual Task<bool> LoadAsync() => Task.FromResult(true);

    /// <summary>After a refusal's reload: puts back what the form needs (rows to pad, typed values to keep).</summary>
    protected virtual void KeepForm()
    {
    }

    /// <summary>Runs a step; done flashes <paramref name="flash"/> (a Cycle2018Text key) and reloads, refused redisplays.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<Outcome>> step, string flash) =>
        (await step()).Refusal is { } refusal ? await RefusedAsync(refusal) : Done(flash);

    protected async Task<IActionResult> ActAsync(Func<Task<Refusal?>> step, string flash) =>
        await step() is { } refusal ? await RefusedAsync(refusal) : Done(flash);

    /// <summary>Redisplays the page with the refusal over the form; the user's input is kept.</summary>
    protected async Task<IActionResult> RefusedAsync(Refusal refusal)
    {
        work.DiscardChanges();
        if (!await LoadAsync())
        {
            return NotFound();
        }

        ShowRefusal(refusal);
        KeepForm();
        return Page();
    }

    protected IActionResult Done(string flash)
    {
        TempData["Flash"] = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<Cycle2018Text>>()[flash].Value;
        return RedirectToPage(RecordRoute);
    }

    /// <summary>A clause as people cite it: "12-тармақ", "п. 12", "clause 12".</summary>
    public static string Clause(string? clause) => Bagalau.Web.Bodies.ClauseText.Cite(clause);
}
