using Bagalau.Application.Acquaintance;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Audit;
using Bagalau.Application.Packs;
using Bagalau.Application.Organisation;
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

public sealed record RoundView(QuarterRound Round, int Sheets, int Submitted, int NotEvaluated);

/// <summary>
/// A servant of the round evaluated by KTIs instead of a sheet (oskemen 3), with the KTI plan of
/// the quarter if HR opened one, or why none is set (clause 22: under three months left).
/// </summary>
public sealed record KtiEvaluatedRow(Guid ServantId, string ServantName, string Clause, Guid? PlanId, string? PlanState, Refusal? NotRequired);

/// <summary>
/// The quarter round of the 2023 family: HR schedules a quarter, the authorized person approves it
/// and Bagalau creates each servant's sheet (engine eligibility, nhrc 16 assignment); HR follows
/// the round's sheets and the heads evaluated by KTIs.
/// </summary>
public sealed class QuarterRoundService(BagalauDbContext db, PackCatalog packs, WorkflowActors actors, WorkflowSteps steps, RatingSheetService ratingSheets, TimeProvider clock)
{
    private DateOnly Today => KazakhstanClock.Today(clock);

    public async Task<Outcome<QuarterRound>> ScheduleAsync(string userId, Guid bodyId, string packId, string quarter, DateOnly evaluationDate, CancellationToken ct = default, bool confirmedLate = false)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null)
        {
            return WorkflowRefusals.NotFound();
        }

        if (packs.Catalogue.Find(packId) is not { } pack)
        {
            return WorkflowRefusals.UnknownPack(packId);
        }

        if (!Period.TryParse(quarter?.Trim() ?? string.Empty, out var period))
        {
            return Refusals.InvalidInput(
                $"тоқсан 2026-Q1 түрінде жазылуы тиіс, берілгені: «{quarter}»",
                $"квартал указывается в виде 2026-Q1, получено: «{quarter}»",
                $"quarter must look like 2026-Q1, found '{quarter}'");
        }

        var outcome = QuarterRound.Schedule(bodyId, pack, period, evaluationDate, packs.Catalogue.Calendar, actor, confirmedLate);
        if (outcome.IsRefused)
        {
            return outcome.Refusal!;
        }

        if (await db.QuarterRounds.AnyAsync(r => r.StateBodyId == bodyId && r.PackId == pack.Id && r.Year == period.Year && r.Quarter == period.Quarter, ct))
        {
            return Refusal.Of(
                RefusalKind.Conflict,
                "round-exists",
                $"{period} тоқсаны бұрын жоспарланған",
                $"Квартал {period} уже запланирован",
                $"Quarter {period} is already scheduled");
        }

        db.QuarterRounds.Add(outcome.Value!);
        return await steps.SaveAsync(outcome.Value!, ct);
    }

    /// <summary>The authorized person approves; every servant in a position during the quarter gets a sheet (or a "not evaluated" record with the reason).</summary>
    public async Task<Outcome<RoundView>> ApproveAsync(string userId, Guid bodyId, Guid roundId, int expectedVersion, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var round = await db.QuarterRounds.FirstOrDefaultAsync(r => r.Id == roundId && r.StateBodyId == bodyId, ct);
        if (actor is null || round is null)
        {
            return WorkflowRefusals.NotFound();
        }

        if (!VersionTokens.Expect(db, round, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var refusal = round.Approve(actor, Today);
        if (refusal is not null)
        {
            return refusal;
        }

        var pack = packs.Catalogue.Find(round.PackId)!;
        var version = round.VersionIn(pack);
        var org = await OrgSnapshot.LoadAsync(db, bodyId, round.Period, ct);
        // oskemen 3, 2.4: servants whose category the pack evaluates by KTIs get no sheet (KtiEvaluatedAsync lists them).
        foreach (var servant in org.ServantsInPeriod().Where(s => !KtiMethodRule.EvaluatedByKti(version, org.AssignmentOf(s).Category)))
        {
            var eligibility = EligibilityDecision.Decide(version, org.EligibilityOf(servant, round.EvaluationDate), packs.Catalogue.Calendar);
            var assignment = eligibility.Answer is { Evaluate: not "no" } ? SheetAssignmentRule.Assign(version, org.AssignmentOf(servant)) : null;
            var sheet = RatingSheet.Create(round, servant.Id, eligibility, assignment);
            if (sheet.IsRefused)
            {
                db.ChangeTracker.Clear();
                return Refusal.Of(
                    sheet.Refusal!.Code,
                    $"{servant.FullName}: {sheet.Refusal.Message.Kk}",
                    $"{servant.FullName}: {sheet.Refusal.Message.Ru}",
                    $"{servant.FullName}: {sheet.Refusal.Message.En}");
            }

            db.RatingSheets.Add(sheet.Value!);
            ratingSheets.ScheduleRatingTask(round, sheet.Value!);
        }

        var saved = await steps.SaveAsync(ct);
        return saved.Refusal is { } stale ? stale : Outcome<RoundView>.Ok(await ViewOfAsync(round, ct));
    }

    public async Task<IReadOnlyList<RoundView>> RoundsAsync(Guid bodyId, CancellationToken ct = default)
    {
        var rounds = await db.QuarterRounds.AsNoTracking().Where(r => r.StateBodyId == bodyId)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Quarter).ToListAsync(ct);
        var views = new List<RoundView>();
        foreach (var round in rounds)
        {
            views.Add(await ViewOfAsync(round, ct));
        }

        return views;
    }

    public async Task<RoundView?> RoundAsync(Guid bodyId, Guid roundId, CancellationToken ct = default) =>
        await db.QuarterRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.StateBodyId == bodyId, ct) is { } round
            ? await ViewOfAsync(round, ct)
            : null;

    /// <summary>HR's list of a round's sheets (state, form, evaluator, deadline; no scores). Only HR.</summary>
    public async Task<Outcome<IReadOnlyList<SheetSummary>>> SheetsOfRoundAsync(string userId, Guid bodyId, Guid roundId, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.QuarterRounds.AsNoTracking(), roundId, bodyId, userId, Actions.SeeRoundSheets, ct);
        if (opened.Value is not (var actor, _))
        {
            return opened.Refusal!;
        }

        var sheets = await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == roundId).ToListAsync(ct);
        return Outcome<IReadOnlyList<SheetSummary>>.Ok(await ratingSheets.SummariesAsync(bodyId, sheets, ct));
    }

    /// <summary>
    /// One page of a round's sheets for HR, filtered and sorted in SQL: by the servant's name
    /// (folded search), unit on the evaluation date, state (<c>open</c>, <c>submitted</c>,
    /// <c>not-evaluated</c>, or <c>none</c>: no evaluator named), form, evaluator (a servant or <see cref="ListQuery.NoEvaluator"/>);
    /// sorted by name (default), due date or state. Only HR.
    /// </summary>
    public async Task<Outcome<Page<SheetSummary>>> SheetsOfRoundAsync(string userId, Guid bodyId, Guid roundId, ListQuery query, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.QuarterRounds.AsNoTracking(), roundId, bodyId, userId, Actions.SeeRoundSheets, ct);
        if (opened.Value is not (_, var round))
        {
            return opened.Refusal!;
        }

        var servants = db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).Matching(query.Search).InUnit(db, query.UnitId, round.EvaluationDate);
        var sheets = db.RatingSheets.AsNoTracking().Where(s => s.RoundId == roundId);
        if (KindIds.TryParse<SheetState>(query.Status, out var state))
        {
            sheets = sheets.Where(s => s.State == state);
        }

        if (!string.IsNullOrWhiteSpace(query.Form))
        {
            sheets = sheets.Where(s => s.FormId == query.Form);
        }

        if (query.Evaluator == ListQuery.NoEvaluator || query.Status == ListQuery.NoEvaluator)
        {
            sheets = sheets.Where(s => s.EvaluatorId == null);
        }
        else if (query.EvaluatorId is { } evaluator)
        {
            sheets = sheets.Where(s => (s.SubstituteId ?? s.DelegateId ?? s.EvaluatorId) == evaluator);
        }

        var rows = sheets.Join(servants, s => s.ServantId, v => v.Id, (s, v) => new { Sheet = s, v.SearchName });
        rows = query.Sort switch
        {
            "due" => rows.OrderBy(r => r.Sheet.Due).ThenBy(r => r.SearchName).ThenBy(r => r.Sheet.Id),
            "state" => rows.OrderBy(r => r.Sheet.State).ThenBy(r => r.SearchName).ThenBy(r => r.Sheet.Id),
            _ => rows.OrderBy(r => r.SearchName).ThenBy(r => r.Sheet.Id),
        };
        var page = await rows.Select(r => r.Sheet).ToPageAsync(query.Page, ct);
        var summaries = await ratingSheets.SummariesAsync(bodyId, page.Items.ToList(), ct, keepOrder: true);
        return new Page<SheetSummary>(summaries, page.Number, page.Size, page.Total);
    }

    /// <summary>The forms the round's sheets are on (for the form filter), by id.</summary>
    public async Task<IReadOnlyList<string>> FormsOfRoundAsync(Guid roundId, CancellationToken ct = default) =>
        await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == roundId && s.FormId != "").Select(s => s.FormId).Distinct().OrderBy(f => f).ToListAsync(ct);

    /// <summary>HR's list of the round's servants evaluated by KTIs (no sheet: oskemen 3, 2.4), with their plan of the quarter. Only HR.</summary>
    public async Task<Outcome<IReadOnlyList<KtiEvaluatedRow>>> KtiEvaluatedAsync(string userId, Guid bodyId, Guid roundId, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.QuarterRounds.AsNoTracking(), roundId, bodyId, userId, Actions.SeeRoundSheets, ct);
        if (opened.Value is not (var actor, var round))
        {
            return opened.Refusal!;
        }

        var version = round.VersionIn(packs.Catalogue.Find(round.PackId)!);
        if (version.Rules.KpiPlan is not { EvaluatedCategories.Count: > 0 })
        {
            return Outcome<IReadOnlyList<KtiEvaluatedRow>>.Ok([]);
        }

        var org = await OrgSnapshot.LoadAsync(db, bodyId, round.Period, ct);
        var plans = await db.KtiPlans.AsNoTracking().Where(p => p.RoundId == roundId).ToDictionaryAsync(p => p.ServantId, ct);
        var rows = new List<KtiEvaluatedRow>();
        foreach (var servant in org.ServantsInPeriod())
        {
            if (KtiMethodRule.KtiClause(version, org.AssignmentOf(servant).Category) is not { } clause)
            {
                continue;
            }

            plans.TryGetValue(servant.Id, out var plan);
            var timing = KtiPlanTimingRule.Decide(version, round.Period, org.EligibilityOf(servant, round.EvaluationDate).Appointed, packs.Catalogue.Calendar);
            var notRequired = timing.Answer is { Required: false } a ? KtiPlan.NotRequired(a.From, round.Period) : null;
            rows.Add(new KtiEvaluatedRow(servant.Id, servant.FullName, clause, plan?.Id, plan is null ? null : KindIds.Id(plan.State), notRequired));
        }

        return Outcome<IReadOnlyList<KtiEvaluatedRow>>.Ok(rows);
    }

    private async Task<RoundView> ViewOfAsync(QuarterRound round, CancellationToken ct)
    {
        // Counted in SQL: the round's sheets are not loaded to be counted.
        var states = await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == round.Id)
            .GroupBy(s => s.State).Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(SheetState state) => states.Where(s => s.State == state).Sum(s => s.Count);
        return new RoundView(round, states.Sum(s => s.Count), Of(SheetState.Submitted), Of(SheetState.NotEvaluated));
    }
}
