using Bagalau.Application.Audit;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Bagalau.Application.Time;

namespace Bagalau.Application.Evaluation2023;

/// <summary>A head of a unit/body in the round's quarter and what clause 22 says about their KTI plan.</summary>
public sealed record KtiHeadRow(
    Guid ServantId, string FullName, DateOnly Appointed, bool Required, string Reason, string? Clause, DateOnly? PlanDue,
    Guid? PlanId, string? State, bool SetLate, DateOnly? ActualsDue, Refusal? NotRequired);

public sealed record KtiItemView(int Number, string Name, string Unit, string Planned, DateOnly Due, string Result, string? Actual, decimal? AchievementPercent, decimal? Score, string? Comment);

/// <summary>A KTI plan as the asking user may see it: the result only for the head, the evaluator and the head of HR (oskemen 20).</summary>
public sealed record KtiPlanView(
    KtiPlan Plan, string HeadName, string EvaluatorName, IReadOnlyList<KtiItemView> Items, bool ResultVisible,
    bool IsHr, bool IsEvaluator, KtiTableView? Table);

public sealed record KtiTableView(int Revision, string Source, DateOnly EnteredOn, string EnteredBy, IReadOnlyList<PermittedScoreRow> Rows);

public sealed record KtiPreview(decimal Score, string Grade, bool TableApplied, string? Clause);

public sealed record KtiPlanSummary(Guid Id, Guid RoundId, string Quarter, string HeadName, string State, DateOnly PlanDue, DateOnly ActualsDue, bool IsEvaluator);

/// <summary>
/// KTI plans of heads (oskemen chapter 2) end to end: who needs a plan and by when (engine
/// kti-plan-timing), the plan written and agreed with HR, HR's actual values by the kti-actuals
/// deadline (tasks with the clause), the evaluator's scores checked by the engine's kti-score
/// against the body's permitted-score table (stored in revisions).
/// </summary>
public sealed class KtiPlanService(BagalauDbContext db, PackCatalog packs, WorkflowActors actors, WorkflowSteps steps, AuditLog audit, TaskService tasks, TimeProvider clock)
{
    public const string ActualsTaskKind = "kti-actuals";
    public const string ScoreTaskKind = "kti-score";

    private DateOnly Today => KazakhstanClock.Today(clock);

    public static TaskSubject Subject(KtiPlan plan) => new("kti-plan", plan.Id);

    /// <summary>HR's list: the heads of units/body in the round's quarter (heads of a unit, oskemen 21), with the clause 22 answer and the plan if opened.</summary>
    public async Task<Outcome<IReadOnlyList<KtiHeadRow>>> HeadsAsync(string userId, Guid bodyId, Guid roundId, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.QuarterRounds.AsNoTracking(), roundId, bodyId, userId, Actions.ListKtiHeads, ct);
        if (opened.Value is not (var actor, var round))
        {
            return opened.Refusal!;
        }

        var version = round.VersionIn(packs.Catalogue.Find(round.PackId)!);
        var heads = await HeadAppointmentsAsync(bodyId, round.Period, version, ct);
        var plans = await db.KtiPlans.AsNoTracking().Where(p => p.RoundId == roundId).ToDictionaryAsync(p => p.ServantId, ct);
        var rows = new List<KtiHeadRow>();
        foreach (var (servant, appointed) in heads)
        {
            var timing = KtiPlanTimingRule.Decide(version, round.Period, appointed, packs.Catalogue.Calendar);
            if (timing.IsRefused)
            {
                return timing.Refusal!;
            }

            var a = timing.Answer!;
            plans.TryGetValue(servant.Id, out var plan);
            rows.Add(new KtiHeadRow(
                servant.Id, servant.FullName, appointed, a.Required, a.Reason, timing.Provenance!.Clause, a.Due,
                plan?.Id, plan is null ? null : KindIds.Id(plan.State), plan?.SetLate ?? false, plan?.ActualsDue,
                a.Required ? null : KtiPlan.NotRequired(a.From, round.Period)));
        }

        return Outcome<IReadOnlyList<KtiHeadRow>>.Ok(rows);
    }

    /// <summary>HR opens the head's plan in the round, naming the evaluator.</summary>
    public async Task<Outcome<KtiPlan>> OpenAsync(string userId, Guid bodyId, Guid roundId, Guid servantId, Guid evaluatorId, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.QuarterRounds.AsNoTracking(), roundId, bodyId, userId, Actions.OpenKtiPlan, ct);
        if (opened.Value is not (var actor, var round))
        {
            return opened.Refusal!;
        }

        var pack = packs.Catalogue.Find(round.PackId)!;
        var version = round.VersionIn(pack);
        var org = await OrgSnapshot.LoadAsync(db, bodyId, round.Period, ct);
        var head = org.ServantsInPeriod().FirstOrDefault(s => s.Id == servantId);
        var heads = await HeadAppointmentsAsync(bodyId, round.Period, version, ct);
        if (head is null || heads.All(h => h.Servant.Id != servantId))
        {
            return Refusal.Of(
                "not-a-head",
                $"Бұл қызметші тоқсанда құрылымдық бөлімше/мемлекеттік орган басшысы емес (21-тармақ)",
                $"Этот служащий в квартале не руководитель структурного подразделения/госоргана (пункт 21)",
                $"This servant is not the head of a unit or body in the quarter (clause 21)");
        }

        if (!await db.Servants.AnyAsync(s => s.Id == evaluatorId && s.StateBodyId == bodyId, ct))
        {
            return Refusals.InvalidInput(
                $"бағалаушы осы мемлекеттік органның қызметшісі емес",
                $"оценивающий не является служащим этого госоргана",
                $"the evaluator is not a servant of this body");
        }

        if (await db.KtiPlans.AnyAsync(p => p.RoundId == roundId && p.ServantId == servantId, ct))
        {
            return Refusal.Of(
                RefusalKind.Conflict,
                "kti-plan-exists",
                $"Бұл басшының {round.Period} тоқсанына ТНИ жоспары бар",
                $"План КЦИ этого руководителя на {round.Period} уже есть",
                $"This head already has a KTI plan for {round.Period}");
        }

        var eligibility = EligibilityDecision.Decide(version, org.EligibilityOf(head, round.EvaluationDate), packs.Catalogue.Calendar);
        var appointed = heads.First(h => h.Servant.Id == servantId).Appointed;
        var timing = KtiPlanTimingRule.Decide(version, round.Period, appointed, packs.Catalogue.Calendar);
        var outcome = KtiPlan.Open(round, version, servantId, evaluatorId, actor, eligibility, timing, packs.Catalogue.Calendar);
        if (outcome.IsRefused)
        {
            return outcome.Refusal!;
        }

        db.KtiPlans.Add(outcome.Value!);
        return await steps.SaveAsync(outcome.Value!, ct);
    }

    public async Task<IReadOnlyList<KtiPlanSummary>> PlansOfRoundAsync(string userId, Guid bodyId, Guid roundId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null)
        {
            return [];
        }

        var plans = await db.KtiPlans.AsNoTracking().Where(p => p.StateBodyId == bodyId && p.RoundId == roundId).ToListAsync(ct);
        return await SummariesAsync(actor, plans.Where(p => p.CanOpen(actor)).ToList(), ct);
    }

    /// <summary>The plans the user evaluates or is the head of.</summary>
    public async Task<IReadOnlyList<KtiPlanSummary>> MyPlansAsync(string userId, Guid bodyId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor?.ServantId is not { } me)
        {
            return [];
        }

        var plans = await db.KtiPlans.AsNoTracking().Where(p => p.StateBodyId == bodyId && (p.EvaluatorId == me || p.ServantId == me)).ToListAsync(ct);
        return await SummariesAsync(actor, plans, ct);
    }

    public async Task<Outcome<KtiPlanView>> GetAsync(string userId, Guid bodyId, Guid planId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, planId, CanOpen, tracked: false, ct);
        if (loaded.Value is not (var actor, var plan,  _))
        {
            return loaded.Refusal!;
        }

        var visible = plan.CanSeeResult(actor);
        if (visible && plan.State == KtiPlanState.Scored)
        {
            await audit.RecordReadAsync(nameof(KtiPlan), plan.Id.ToString(), bodyId, ct);
        }

        return Outcome<KtiPlanView>.Ok(await ViewOfAsync(actor, plan, visible, ct));
    }

    public async Task<Outcome<KtiPlan>> SetKtisAsync(string userId, Guid bodyId, Guid planId, int expectedVersion, IReadOnlyList<KpiEntry> ktis, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, planId, CanOpen, tracked: true, ct);
        if (loaded.Value is not (var actor, var plan, var version))
        {
            return loaded.Refusal!;
        }

        return await steps.RunAsync(plan, expectedVersion, () => plan.SetKtis(version, actor, ktis), ct);
    }

    /// <summary>HR agrees the plan; HR's task to pre-compute the actual values is due by kti-actuals (clause 22).</summary>
    public async Task<Outcome<KtiPlan>> AgreeAsync(string userId, Guid bodyId, Guid planId, int expectedVersion, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, planId, CanOpen, tracked: true, ct);
        if (loaded.Value is not (var actor, var plan,  _))
        {
            return loaded.Refusal!;
        }

        return await steps.RunAsync(plan, expectedVersion, () =>
        {
            if (plan.Agree(actor, Today) is { } refusal)
            {
                return refusal;
            }

            tasks.ScheduleOn(
                bodyId, new Provenance(plan.PackId, plan.VersionId, plan.ActualsDueClause), "kti-actuals", plan.ActualsDue,
                ActualsTaskKind, TaskAssignee.User(userId), Subject(plan), plan.RoundId, null);
            return null;
        }, ct);
    }

    /// <summary>HR enters the actual values; the evaluator's task to score is due by the round's quarter-evaluation deadline (clause 4).</summary>
    public async Task<Outcome<KtiPlan>> EnterActualsAsync(string userId, Guid bodyId, Guid planId, int expectedVersion, IReadOnlyList<KtiActualInput> actuals, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, planId, CanOpen, tracked: true, ct);
        if (loaded.Value is not (var actor, var plan,  _))
        {
            return loaded.Refusal!;
        }

        return await steps.RunAsync(plan, expectedVersion, async () =>
        {
            var first = plan.State == KtiPlanState.Agreed;
            if (plan.EnterActuals(actor, actuals, Today) is { } refusal)
            {
                return refusal;
            }

            await tasks.CompleteAsync(Subject(plan), ActualsTaskKind, Today, ct);
            if (first)
            {
                var round = await db.QuarterRounds.AsNoTracking().FirstAsync(r => r.Id == plan.RoundId, ct);
                tasks.ScheduleOn(
                    bodyId, new Provenance(round.PackId, round.VersionId, round.DueClause), "quarter-evaluation", round.Due,
                    ScoreTaskKind, TaskAssignee.Servant(plan.EvaluatorId), Subject(plan), round.Id, null);
            }

            return null;
        }, ct);
    }

    /// <summary>The result as the evaluator types (engine kti-score); nothing is saved.</summary>
    public async Task<Outcome<KtiPreview>> PreviewAsync(string userId, Guid bodyId, Guid planId, IReadOnlyList<KtiScoreEntry> scores, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, planId, (actor, plan) => actor.ServantId is { } me && plan.IsEvaluator(me), tracked: false, ct);
        if (loaded.Value is not (_, var plan, var version))
        {
            return loaded.Refusal!;
        }

        var table = await CurrentTableAsync(bodyId, plan.PackId, ct);
        var decided = plan.Preview(version, scores, table?.Rules());
        return decided.IsRefused
            ? decided.Refusal!
            : Outcome<KtiPreview>.Ok(new KtiPreview(decided.Answer!.Score, decided.Answer.Grade, decided.Answer.TableApplied, decided.Provenance!.Clause));
    }

    public async Task<Outcome<KtiPlan>> ScoreAsync(string userId, Guid bodyId, Guid planId, int expectedVersion, IReadOnlyList<KtiScoreEntry> scores, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, planId, CanOpen, tracked: true, ct);
        if (loaded.Value is not (var actor, var plan, var version))
        {
            return loaded.Refusal!;
        }

        return await steps.RunAsync(plan, expectedVersion, async () =>
        {
            var table = await CurrentTableAsync(bodyId, plan.PackId, ct);
            if (plan.ScoreKtis(version, actor, scores, table?.Rules(), table?.Revision, Today) is { } refusal)
            {
                return refusal;
            }

            await tasks.CompleteAsync(Subject(plan), ScoreTaskKind, Today, ct);
            return null;
        }, ct);
    }

    /// <summary>The body's permitted-score table in force (latest revision); null when HR has entered none.</summary>
    public async Task<Outcome<KtiTableView?>> TableAsync(string userId, Guid bodyId, string packId, CancellationToken ct = default)
    {
        if (await actors.InBodyAsync(userId, bodyId, ct) is null)
        {
            return WorkflowRefusals.NotFound();
        }

        if (packs.Catalogue.Find(packId) is not { } pack || pack.Family != PackFamily.Quarterly2023 || pack.Versions.All(v => v.Rules.KpiPlan is null))
        {
            return WorkflowRefusals.NotFound(Records.Pack);
        }

        var table = await CurrentTableAsync(bodyId, packId, ct);
        return Outcome<KtiTableView?>.Ok(table is null ? null : TableView(table));
    }

    /// <summary>HR enters a new revision; <paramref name="expectedRevision"/> is the revision the user read (0: none), a stale one is a conflict.</summary>
    public async Task<Outcome<KtiTableView>> EnterTableAsync(
        string userId, Guid bodyId, string packId, int expectedRevision, string? source, IReadOnlyList<PermittedScoreRow> rows, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null)
        {
            return WorkflowRefusals.NotFound();
        }

        if (packs.Catalogue.Find(packId) is not { } pack || pack.Family != PackFamily.Quarterly2023)
        {
            return WorkflowRefusals.NotFound(Records.Pack);
        }

        var version = pack.VersionOn(Today) ?? pack.Versions.LastOrDefault(v => v.Rules.KpiPlan is not null);
        if (version is null)
        {
            return WorkflowRefusals.NotFound(Records.Pack);
        }

        var current = await CurrentTableAsync(bodyId, packId, ct);
        if ((current?.Revision ?? 0) != expectedRevision)
        {
            return WorkflowRefusals.Stale();
        }

        var outcome = KtiScoreTable.Enter(bodyId, version, current, actor, source, rows, Today);
        if (outcome.IsRefused)
        {
            return outcome.Refusal!;
        }

        db.KtiScoreTables.Add(outcome.Value!);
        try
        {
            return await steps.SaveAsync(ct) is { Refusal: { } stale } ? stale : Outcome<KtiTableView>.Ok(TableView(outcome.Value!));
        }
        catch (DbUpdateException)
        {
            // Two HR users saved the same revision at once: the unique index keeps one.
            db.ChangeTracker.Clear();
            return WorkflowRefusals.Stale();
        }
    }

    /// <summary>
    /// The head's annual KTI grade (oskemen 4: the average of the quarterly scores; quarters
    /// without a scored plan are left out), through the engine's annual-score, with each quarter's
    /// contribution. Visible to the head, the evaluator of any of the plans and the head of HR.
    /// </summary>
    public async Task<Outcome<AnnualView>> AnnualAsync(string userId, Guid bodyId, Guid servantId, int year, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null)
        {
            return WorkflowRefusals.NotFound();
        }

        var plans = await db.KtiPlans.AsNoTracking().Where(p => p.StateBodyId == bodyId && p.ServantId == servantId && p.Year == year).ToListAsync(ct);
        if (plans.Count == 0 || !plans.Any(p => p.CanSeeResult(actor)))
        {
            return WorkflowRefusals.NotFound();
        }

        var pack = packs.Catalogue.Find(plans[0].PackId)!;
        var quarters = new Dictionary<int, decimal?>();
        var status = new Dictionary<int, string>();
        for (var q = 1; q <= 4; q++)
        {
            var plan = plans.FirstOrDefault(p => p.Quarter == q);
            quarters[q] = plan is { State: KtiPlanState.Scored } ? plan.Score : null;
            status[q] = plan is null ? "no-plan" : KindIds.Id(plan.State);
        }

        // The version in force at the year's end decides, as for the rating sheets; the same computation as the quarterly annual view.
        var version = pack.VersionOn(new DateOnly(year, 12, 31)) ?? pack.Versions.First(v => v.Id == plans.OrderBy(p => p.Quarter).Last().VersionId);
        var view = KtiQuarterResults.Annual(version, pack.Id, year, quarters, status, null, null);
        if (view.IsSuccess)
        {
            await audit.RecordReadAsync("KtiAnnualScore", $"{servantId}/{year}", bodyId, ct);
        }

        return view;
    }

    /// <summary>The servants of the body HR can name as the evaluator, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string FullName)>> ServantsAsync(Guid bodyId, CancellationToken ct = default)
    {
        var servants = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).Select(s => new { s.Id, s.FullName }).ToListAsync(ct);
        return servants.OrderBy(s => s.FullName, StringComparer.Ordinal).Select(s => (s.Id, s.FullName)).ToList();
    }

    // Helpers

    private async Task<KtiScoreTable?> CurrentTableAsync(Guid bodyId, string packId, CancellationToken ct) =>
        await db.KtiScoreTables.AsNoTracking().Where(t => t.StateBodyId == bodyId && t.PackId == packId)
            .OrderByDescending(t => t.Revision).FirstOrDefaultAsync(ct);

    private static KtiTableView TableView(KtiScoreTable t) => new(t.Revision, t.Source, t.EnteredOn, t.EnteredBy, t.Rules());

    /// <summary>Servants holding a unit-head position during the period, with the start of that appointment.</summary>
    /// <remarks>Positions of the categories the pack evaluates by KTIs (oskemen 3, 2.4: E-2) count as heads too.</remarks>
    private async Task<List<(Servant Servant, DateOnly Appointed)>> HeadAppointmentsAsync(Guid bodyId, Period period, PackVersion version, CancellationToken ct)
    {
        var ktiCategories = version.Rules.KpiPlan?.EvaluatedCategories.ToList() ?? [];
        var appointments = await (
            from a in db.Appointments.AsNoTracking()
            join p in db.Positions.AsNoTracking() on a.PositionId equals p.Id
            where a.StateBodyId == bodyId && (p.Qualifier == PositionQualifier.UnitHead || ktiCategories.Contains(p.Category))
                && a.From <= period.End && (a.To == null || a.To >= period.Start)
            select new { a.ServantId, a.From }).ToListAsync(ct);
        var latest = appointments.GroupBy(a => a.ServantId).ToDictionary(g => g.Key, g => g.Max(a => a.From));
        var ids = latest.Keys.ToList();
        var servants = await db.Servants.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        return servants.OrderBy(s => s.FullName, StringComparer.Ordinal).Select(s => (s, latest[s.Id])).ToList();
    }

    private static bool CanOpen(Actor actor, KtiPlan plan) => plan.CanOpen(actor);

    /// <summary>The plan of the body with its actor and pack version, or not-found when either is missing or <paramref name="may"/> refuses (no existence leak).</summary>
    private async Task<Outcome<Loaded<KtiPlan>>> LoadAsync(string userId, Guid bodyId, Guid planId, Func<Actor, KtiPlan, bool> may, bool tracked, CancellationToken ct)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var query = tracked ? db.KtiPlans : db.KtiPlans.AsNoTracking();
        var plan = await query.FirstOrDefaultAsync(p => p.Id == planId && p.StateBodyId == bodyId, ct);
        if (actor is null || plan is null || !may(actor, plan))
        {
            return WorkflowRefusals.NotFound();
        }

        return new Loaded<KtiPlan>(actor, plan, packs.Catalogue.Find(plan.PackId)!.Versions.First(v => v.Id == plan.VersionId));
    }

    private async Task<IReadOnlyList<KtiPlanSummary>> SummariesAsync(Actor actor, List<KtiPlan> plans, CancellationToken ct)
    {
        var ids = plans.Select(p => p.ServantId).ToList();
        var names = await db.Servants.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        return plans
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Quarter).ThenBy(p => names.GetValueOrDefault(p.ServantId), StringComparer.Ordinal)
            .Select(p => new KtiPlanSummary(p.Id, p.RoundId, p.Period.ToString(), names.GetValueOrDefault(p.ServantId) ?? string.Empty, KindIds.Id(p.State), p.PlanDue, p.ActualsDue, actor.Is(p.EvaluatorId)))
            .ToList();
    }

    private async Task<KtiPlanView> ViewOfAsync(Actor actor, KtiPlan plan, bool resultVisible, CancellationToken ct)
    {
        var names = await db.Servants.AsNoTracking().Where(s => s.Id == plan.ServantId || s.Id == plan.EvaluatorId).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var items = plan.Items.OrderBy(i => i.Number).Select(i => new KtiItemView(
            i.Number, i.Name, i.Unit, i.Planned, i.Due, i.Result, i.Actual, i.AchievementPercent,
            resultVisible ? i.Score : null, resultVisible ? i.Comment : null)).ToList();
        var table = await CurrentTableAsync(plan.StateBodyId, plan.PackId, ct);
        return new KtiPlanView(
            plan, names.GetValueOrDefault(plan.ServantId) ?? string.Empty, names.GetValueOrDefault(plan.EvaluatorId) ?? string.Empty,
            items, resultVisible, actor.IsHr, actor.Is(plan.EvaluatorId), table is null ? null : TableView(table));
    }
}
