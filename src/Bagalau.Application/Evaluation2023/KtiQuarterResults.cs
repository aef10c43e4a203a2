using Bagalau.Application.Persistence;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

/// <summary>
/// The quarter results of servants evaluated by KTIs (oskemen 3, 2.4: the head of the
/// apparatus): each quarter's result is the scored plan's score (the engine's kti-score, kept on
/// the plan); quarters without a scored plan are left out (oskemen 4). One place for the annual
/// views and the quarter close, so both count the same quarters.
/// </summary>
internal static class KtiQuarterResults
{
    /// <summary>The quarter status of a plan the evaluator scored.</summary>
    public const string Scored = "evaluated-by-kti";

    /// <summary>The scored plans of a body's pack and year, per servant and quarter (one servant when given).</summary>
    public static async Task<Dictionary<Guid, Dictionary<int, decimal>>> ScoredAsync(
        BagalauDbContext db, Guid bodyId, string packId, int year, Guid? servantId, CancellationToken ct)
    {
        var query = db.KtiPlans.AsNoTracking()
            .Where(p => p.StateBodyId == bodyId && p.PackId == packId && p.Year == year && p.State == KtiPlanState.Scored && p.Score != null);
        if (servantId is { } id)
        {
            query = query.Where(p => p.ServantId == id);
        }

        var scored = await query.Select(p => new { p.ServantId, p.Quarter, p.Score }).ToListAsync(ct);
        return scored.GroupBy(p => p.ServantId).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Quarter, p => p.Score!.Value));
    }

    /// <summary>
    /// The engine's annual-score over the four quarters (null: not evaluated, left out), with each
    /// counted quarter's contribution (its score divided by the quarters counted).
    /// </summary>
    public static Outcome<AnnualView> Annual(
        PackVersion version, string packId, int year, IReadOnlyDictionary<int, decimal?> quarters, IReadOnlyDictionary<int, string> status, DateOnly? due, string? dueClause)
    {
        var decided = AnnualScoreDecision.Decide(version, year, quarters);
        if (decided.IsRefused)
        {
            return decided.Refusal!;
        }

        var counted = decided.Answer!.QuartersCounted;
        var contributions = quarters.OrderBy(q => q.Key).Select(q => new QuarterContribution(
            q.Key, status[q.Key], q.Value, q.Value is { } v ? Math.Round(v / counted, 2, MidpointRounding.AwayFromZero) : null)).ToList();
        return Outcome<AnnualView>.Ok(new AnnualView(
            year, packId, decided.Answer.Score, decided.Answer.Grade, decided.Provenance!.Clause, counted, contributions, due, dueClause));
    }
}
