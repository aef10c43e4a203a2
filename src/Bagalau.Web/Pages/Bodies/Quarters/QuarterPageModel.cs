using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Web.Bodies;
using Microsoft.AspNetCore.Identity;

namespace Bagalau.Web.Pages.Bodies.Quarters;

/// <summary>
/// A quarterly-2023 page: any member of the body may post, because the domain decides who may do
/// what (HR schedules, the authorized person approves, the evaluator fills, the servant acknowledges).
/// </summary>
public abstract class QuarterPageModel : WorkflowPage
{
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Saved { get; set; }

    public static string Score(decimal? value) => value?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
