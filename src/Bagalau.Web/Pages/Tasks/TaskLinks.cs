using Bagalau.Application.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Tasks;

/// <summary>Where a task's work is done: the page of the plan, sheet, sitting, case, acquaintance... (null when no page shows it).</summary>
public static class TaskLinks
{
    public static string? Of(IUrlHelper url, TaskView task) => task.SubjectType switch
    {
        "work-plan" => url.Page("/Bodies/Cycles2018/Plan", new { bodyId = task.StateBodyId, planId = task.SubjectId }),
        "kpi-sheet" => url.Page("/Bodies/Cycles2018/Sheet", new { bodyId = task.StateBodyId, sheetId = task.SubjectId }),
        "competency-sheet" => url.Page("/Bodies/Cycles2018/Competency", new { bodyId = task.StateBodyId, sheetId = task.SubjectId }),
        "acquaintance" => url.Page("/Bodies/Cycles2018/Acquaintance", new { bodyId = task.StateBodyId, acquaintanceId = task.SubjectId }),
        "commission-sitting" => url.Page("/Bodies/Cycles2018/Sitting", new { bodyId = task.StateBodyId, sittingId = task.SubjectId }),
        "cycle-2018" => url.Page("/Bodies/Cycles2018/Commission", new { bodyId = task.StateBodyId, cycleId = task.SubjectId }),
        "rating-sheet" => url.Page("/Bodies/Quarters/Sheet", new { bodyId = task.StateBodyId, sheetId = task.SubjectId }),
        "kti-plan" => url.Page("/Bodies/Kti/Plan", new { bodyId = task.StateBodyId, planId = task.SubjectId }),
        "calibration" => url.Page("/Bodies/Calibration/Case", new { bodyId = task.StateBodyId, caseId = task.SubjectId }),
        "servant" => url.Page("/Bodies/Servants/Details", new { bodyId = task.StateBodyId, servantIdRoute = task.SubjectId }),
        _ => null,
    };

    /// <summary>A deadline as people read it on the task pages: dd.MM.yyyy in every language.</summary>
    public static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
