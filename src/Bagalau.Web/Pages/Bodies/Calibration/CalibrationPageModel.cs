using System.Globalization;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using Bagalau.Web.Bodies;
using Microsoft.AspNetCore.Identity;

namespace Bagalau.Web.Pages.Bodies.Calibration;

/// <summary>
/// A calibration or feedback page: any member of the body reaches it; the use cases decide who
/// may see or do what (others get 404, as the API answers), so posting is not limited to editors.
/// </summary>
public abstract class CalibrationPageModel : WorkflowPage
{
    public static string Score(decimal? score) => score?.ToString("0.00", CultureInfo.CurrentCulture) ?? string.Empty;

    public static string Period(int year, int quarter) => string.Create(CultureInfo.InvariantCulture, $"{year}-Q{quarter}");
}
