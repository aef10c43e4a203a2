using System.Globalization;
using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Calibration;

/// <summary>One member's vote and argument as the session form posts it.</summary>
public sealed class BallotForm
{
    public Guid ServantId { get; set; }

    public string? Vote { get; set; }

    public string? Argument { get; set; }
}

/// <summary>
/// The calibration session (oskemen 41, nhrc 22): HR records the evaluator's justification, the
/// servant's written or oral objection, each member's argument and vote on a proposed score; the
/// engine adopts or upholds it. After the session the page shows the record.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class SessionModel(CalibrationService calibration) : CalibrationPageModel
{
    [FromRoute]
    public Guid CaseId { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    [BindProperty]
    public string? ObjectionForm { get; set; }

    [BindProperty]
    public string? Objection { get; set; }

    [BindProperty]
    public string? Arguments { get; set; }

    /// <summary>Typed as text so that "4,2" and "4.2" both work on any keyboard.</summary>
    [BindProperty]
    public string? ProposedScore { get; set; }

    [BindProperty]
    public List<BallotForm> Ballots { get; set; } = [];

    public CalibrationView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!decimal.TryParse(ProposedScore?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var proposed))
        {
            ModelState.AddModelError(string.Empty, Localizer["session.score-invalid"]);
            return await LoadAsync() ? Page() : NotFound();
        }

        var input = new CalibrationSessionInput(
            Justification, ObjectionForm, Objection, Arguments, proposed, [.. Ballots.Select(b => new MemberBallot(b.ServantId, b.Vote, b.Argument))]);
        var outcome = await calibration.DecideAsync(UserId, BodyId, CaseId, Version, input, HttpContext.RequestAborted);
        if (outcome.Refusal is { Code: "not-found" })
        {
            return NotFound();
        }

        if (outcome.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            return await LoadAsync() ? Page() : NotFound();
        }

        return RedirectToPage("/Bodies/Calibration/Protocol", new { bodyId = BodyId, caseId = CaseId });
    }

    private Microsoft.Extensions.Localization.IStringLocalizer<CalibrationText> Localizer =>
        HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<CalibrationText>>();

    private async Task<bool> LoadAsync()
    {
        var view = await calibration.ViewAsync(UserId, BodyId, CaseId, HttpContext.RequestAborted);
        if (view.Value is null)
        {
            return false;
        }

        View = view.Value;
        return View.Case.State != CalibrationState.Applied;
    }

    public BallotForm? Posted(Guid member) => Ballots.FirstOrDefault(b => b.ServantId == member);
}
