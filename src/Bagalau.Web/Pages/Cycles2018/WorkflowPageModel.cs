using System.Globalization;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Bodies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Bagalau.Application.Time;

namespace Bagalau.Web.Pages.Cycles2018;

/// <summary>
/// A workflow page of a body (plans, sheets, acquaintance...). Any member may open it; the
/// use case decides who may see and do what (wrong actor, wrong state and stale saves come back
/// as refusals and are shown on the page, with what the user typed kept).
/// </summary>
public abstract class WorkflowPageModel(BagalauDbContext db, TimeProvider clock) : BodyPageModel
{
    protected BagalauDbContext Db => db;

    protected override string? PolicyForChanges => null;

    /// <summary>Today in Kazakhstan (every deadline is counted in Kazakhstan's working days).</summary>
    public DateOnly Today => KazakhstanClock.Today(clock);

    /// <summary>The code of the last refusal shown (tests and styling read it).</summary>
    public string? RefusalCode { get; private set; }

    public IReadOnlyDictionary<Guid, string> Names { get; protected set; } = new Dictionary<Guid, string>();

    protected string UserId => HttpContext.RequestServices.GetRequiredService<BodyContext>().UserId!;

    public string Text(LocalizedText? text) => text?.In(Language) ?? string.Empty;

    public string NameOf(Guid? servantId) => servantId is { } id && Names.TryGetValue(id, out var name) ? name : string.Empty;

    protected async Task LoadNamesAsync(IEnumerable<Guid> servantIds)
    {
        var ids = servantIds.Distinct().ToList();
        Names = await db.Servants.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, HttpContext.RequestAborted);
    }

    /// <summary>Shows a refusal of the use case above the form, in the user's language.</summary>
    protected void ShowRefusal(Refusal refusal)
    {
        RefusalCode = refusal.Code;
        ModelState.AddModelError(string.Empty, refusal.Message.In(Language));
    }

    /// <summary>A clause as people cite it: "12-тармақ", "п. 12", "clause 12".</summary>
    public static string Clause(string? clause) => clause is null ? string.Empty : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "ru" => $"п. {clause}",
        "en" => $"clause {clause}",
        _ => $"{clause}-тармақ",
    };

    protected static bool IsNotFound(Refusal? refusal) => refusal?.Code == "not-found";
}
