using Bagalau.Application.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Tasks;

/// <summary>Where a task's subject is worked on: the page of the plan, sheet, acquaintance... (null when no page shows it).</summary>
public static class TaskLinks
{
    public static string? Of(IUrlHelper url, TaskView task) => task.SubjectType switch
    {
        "work-plan" => url.Page("/Bodies/Cycles2018/Plan", new { bodyId = task.StateBodyId, planId = task.SubjectId }),
        "kpi-sheet" => url.Page("/Bodies/Cycles2018/Sheet", new { bodyId = task.StateBodyId, sheetId = task.SubjectId }),
        "acquaintance" => url.Page("/Bodies/Cycles2018/Acquaintance", new { bodyId = task.StateBodyId, acquaintanceId = task.SubjectId }),
        "servant" => url.Page("/Bodies/Servants/Details", new { bodyId = task.StateBodyId, servantIdRoute = task.SubjectId }),
        _ => null,
    };
}
