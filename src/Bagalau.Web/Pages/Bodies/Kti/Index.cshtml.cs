using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Kti;

/// <summary>
/// KTI plans of heads (oskemen chapter 2): the rounds of packs with KTIs; for HR the heads of the
/// chosen round with what clause 22 says (plan needed and by when, or why not) and opening a plan;
/// for evaluators and heads their own plans.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class IndexModel(KtiPlanService kti, QuarterRoundService quarters, PackCatalog packs) : WorkflowPage
{
    [FromQuery(Name = "round")]
    public Guid? RoundId { get; set; }

    [BindProperty]
    public Guid ServantId { get; set; }

    [BindProperty]
    public Guid EvaluatorId { get; set; }

    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];

    public IReadOnlyList<KtiHeadRow>? Heads { get; private set; }

    public IReadOnlyList<KtiPlanSummary> MyPlans { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string FullName)> Servants { get; private set; } = [];

    /// <summary>Every workflow rule is checked by the service (HR only for opening a plan).</summary>

    public bool IsHr => Roles.Contains(Bagalau.Application.Accounts.BodyRole.Hr) || Roles.Contains(Bagalau.Application.Accounts.BodyRole.HrHead);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostOpenAsync()
    {
        if (RoundId is not { } round)
        {
            return NotFound();
        }

        var result = await kti.OpenAsync(UserId, BodyId, round, ServantId, EvaluatorId, HttpContext.RequestAborted);
        if (result.Refusal is { } refusal)
        {
            ShowRefusal(refusal);
            await LoadAsync();
            return Page();
        }

        return RedirectToPage("/Bodies/Kti/Plan", new { bodyId = BodyId, planId = result.Value!.Id });
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var userId = UserId;
        Rounds = (await quarters.RoundsAsync(BodyId, ct))
            .Where(r => packs.Catalogue.Find(r.Round.PackId)?.Versions.Any(v => v.Id == r.Round.VersionId && v.Rules.KpiPlan is not null) == true)
            .ToList();
        MyPlans = await kti.MyPlansAsync(userId, BodyId, ct);
        if (IsHr && RoundId is { } round && Rounds.Any(r => r.Round.Id == round))
        {
            var heads = await kti.HeadsAsync(userId, BodyId, round, ct);
            Heads = heads.Value;
            if (Error is null && heads.Refusal is { } refusal)
            {
                ShowRefusal(refusal);
            }

            Servants = await kti.ServantsAsync(BodyId, ct);
        }
    }
}
