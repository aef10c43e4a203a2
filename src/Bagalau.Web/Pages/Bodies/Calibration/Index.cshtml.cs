using Bagalau.Application.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Bagalau.Web.Pages.Bodies.Calibration;

/// <summary>The user's results that can go to calibration, the cases they take part in, and their feedback meetings.</summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class IndexModel(CalibrationService calibration) : CalibrationPageModel
{
    public IReadOnlyList<CalibrationCandidateResult> Results { get; private set; } = [];

    public IReadOnlyList<CalibrationEntry> Cases { get; private set; } = [];

    public IReadOnlyList<FeedbackItem> Feedback { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Results = await calibration.MyResultsAsync(UserId, BodyId, HttpContext.RequestAborted);
        Cases = await calibration.ListAsync(UserId, BodyId, HttpContext.RequestAborted);
        Feedback = await calibration.FeedbackAsync(UserId, BodyId, HttpContext.RequestAborted);
    }
}
