using Bagalau.Application.Acquaintance;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Audit;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using DecisionAbsence = Bagalau.Domain.Decisions.Absence;
using DecisionSanction = Bagalau.Domain.Decisions.Sanction;
using Bagalau.Application.Time;

namespace Bagalau.Application.Evaluation2023;

public sealed record QuarterContribution(int Quarter, string Status, decimal? Score, decimal? Share);

public sealed record AnnualView(int Year, string PackId, decimal Score, string Grade, string? Clause, int QuartersCounted, IReadOnlyList<QuarterContribution> Quarters, DateOnly? Due, string? DueClause);

/// <summary>The annual score of a servant from the year's quarters (sheets, or KTI plans for heads).</summary>
public sealed class AnnualScoreService(BagalauDbContext db, PackCatalog packs, WorkflowActors actors, AuditLog audit)
{
    /// <summary>
    /// Engine annual-score over the year's quarters of one pack (clause 4): submitted quarters
    /// count with their final (calibrated) score, others are left out and shown as such. Open to
    /// the servant, the head of HR and the evaluators of the year's sheets; the read is audited.
    /// </summary>
    public async Task<Outcome<AnnualView>> AnnualAsync(string userId, Guid bodyId, Guid servantId, string packId, int year, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null || packs.Catalogue.Find(packId) is not { } pack)
        {
            return WorkflowRefusals.NotFound();
        }

        var rounds = await db.QuarterRounds.AsNoTracking().Where(r => r.StateBodyId == bodyId && r.PackId == packId && r.Year == year).ToListAsync(ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var sheets = await db.RatingSheets.AsNoTracking().Where(s => s.ServantId == servantId && roundIds.Contains(s.RoundId)).ToListAsync(ct);

        // oskemen 3, 4: a head evaluated by KTIs has the scored plans as quarter results.
        var plans = await db.KtiPlans.AsNoTracking().Where(p => p.ServantId == servantId && roundIds.Contains(p.RoundId)).ToListAsync(ct);
        var allowed = actor.Is(servantId) || actor.IsHrHead || (actor.ServantId is { } me && sheets.Any(s => s.IsEvaluator(me))) || plans.Any(p => p.CanSeeResult(actor));
        if (!allowed || (sheets.Count == 0 && plans.Count == 0))
        {
            return WorkflowRefusals.NotFound();
        }

        var view = Compute(pack, year, rounds, sheets, plans, packs.Catalogue.Calendar);
        if (view.IsSuccess)
        {
            await audit.RecordReadAsync("AnnualScore", $"{servantId}/{packId}/{year}", bodyId, ct);
        }

        return view;
    }

    /// <summary>
    /// The annual score of one servant from the year's rounds of one pack and the servant's sheets
    /// and KTI plans in them (no access check: the callers decide who may read it).
    /// </summary>
    internal static Outcome<AnnualView> Compute(Pack pack, int year, IReadOnlyList<QuarterRound> rounds, IReadOnlyList<RatingSheet> sheets, IReadOnlyList<KtiPlan> plans, Domain.Calendar.KzCalendar calendar)
    {
        var quarters = new Dictionary<int, decimal?>();
        var status = new Dictionary<int, string>();
        for (var q = 1; q <= 4; q++)
        {
            var round = rounds.FirstOrDefault(r => r.Quarter == q);
            var sheet = round is null ? null : sheets.FirstOrDefault(s => s.RoundId == round.Id);
            var plan = round is null ? null : plans.FirstOrDefault(p => p.RoundId == round.Id);
            (decimal? Score, string Status) result = (sheet, plan) switch
            {
                ({ State: SheetState.Submitted } submitted, _) => (submitted.FinalScore, "evaluated"),
                (_, { State: KtiPlanState.Scored, Score: { } score }) => (score, KtiQuarterResults.Scored),
                ({ } other, _) => (null, KindIds.Id(other.State)),
                (null, { }) => (null, KtiNotScored),
                _ when round is not null && plans.Count > 0 => (null, KtiNoPlan),
                _ => (null, "not-scheduled"),
            };
            (quarters[q], status[q]) = result;
        }

        // The version in force at the year's end decides (the last quarter's rules).
        var version = pack.VersionOn(new DateOnly(year, 12, 31)) ?? rounds.OrderBy(r => r.Quarter).Last().VersionIn(pack);
        var due = version.Rules.Deadlines.ContainsKey("annual-final")
            ? DeadlineDecision.Decide(version, "annual-final", new DateOnly(year, 12, 31), calendar)
            : null;
        return KtiQuarterResults.Annual(version, pack.Id, year, quarters, status, due?.Answer?.Due, due?.Provenance?.Clause);
    }

    /// <summary>The quarter status of a head's KTI plan that is not scored yet.</summary>
    public const string KtiNotScored = "kti-not-scored";

    /// <summary>The quarter status of a head evaluated by KTIs with no plan in a scheduled quarter (left out).</summary>
    public const string KtiNoPlan = "kti-no-plan";
}
