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

public sealed record RoundView(QuarterRound Round, int Sheets, int Submitted, int NotEvaluated);

/// <summary>HR's progress view of one sheet: who, how, by whom, by when; never the scores.</summary>
public sealed record SheetSummary(
    Guid Id, Guid ServantId, string ServantName, string FormId, string Participation, string EligibilityReason, string EligibilityClause,
    SheetState State, Guid? EvaluatorId, string? EvaluatorName, DateOnly Due, string DueClause,
    int Version, DateOnly? AcquaintedOn, string? NotificationChannel, SheetNotifyBy? NotifyBy = null);

/// <summary>
/// By when HR must notify a servant evaluated without participation (nhrc 9, oskemen 11) and
/// whether the recorded notification came after it (allowed, flagged).
/// </summary>
public sealed record SheetNotifyBy(DateOnly Due, string Clause, bool Late);

public sealed record ParameterView(string Id, LocalizedText Title, string? GuidanceKk, string Clause, decimal? Score, string? Comment);

public sealed record SanctionView(string Kind, DateOnly Applied);

/// <summary>A sheet as its evaluator, the servant, the head of HR or a calibration member sees it.</summary>
public sealed record SheetView(
    RatingSheet Sheet, QuarterRound Round, string ServantName, string? EvaluatorName, LocalizedText? FormTitle, string? FormClause,
    IReadOnlyList<ParameterView> Parameters, IReadOnlyList<SanctionView> SanctionsInQuarter, decimal ScaleMin, decimal ScaleMax,
    bool CanFill, bool CanAcknowledge, bool CanRecordFeedback, CalibrationCase? Calibration);

/// <summary>The live result as the evaluator types (engine quarter-score, nothing saved).</summary>
public sealed record PreviewView(decimal Average, decimal Score, string Grade, string? CappedBy, string? Clause);

public sealed record QuarterContribution(int Quarter, string Status, decimal? Score, decimal? Share);

public sealed record AnnualView(int Year, string PackId, decimal Score, string Grade, string? Clause, int QuartersCounted, IReadOnlyList<QuarterContribution> Quarters, DateOnly? Due, string? DueClause);

/// <summary>
/// A servant of the round evaluated by KTIs instead of a sheet (oskemen 3), with the KTI plan of
/// the quarter if HR opened one, or why none is set (clause 22: under three months left).
/// </summary>
public sealed record KtiEvaluatedRow(Guid ServantId, string ServantName, string Clause, Guid? PlanId, string? PlanState, Refusal? NotRequired);

public sealed record SheetScoreInput(string ParameterId, decimal Score, string? Comment);

/// <summary>
/// The 2023-family quarterly evaluation: HR schedules a quarter, the authorized person
/// approves it and Bagalau creates each servant's sheet (engine eligibility, nhrc 16 assignment);
/// evaluators fill and submit; servants see and acknowledge; the annual score comes from the
/// quarters. Results are opened only by those the pack allows, and every opening is audited.
/// </summary>
public sealed class QuarterlyEvaluationService(BagalauDbContext db, PackCatalog packs, WorkflowActors actors, AuditLog audit, TaskService tasks, TimeProvider clock, AcquaintanceService acquaintances)
{
    private DateOnly Today => KazakhstanClock.Today(clock);

    // Rounds

    public async Task<Outcome<QuarterRound>> ScheduleAsync(string userId, Guid bodyId, string packId, string quarter, DateOnly evaluationDate, CancellationToken ct = default)
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

        var outcome = QuarterRound.Schedule(bodyId, pack, period, evaluationDate, packs.Catalogue.Calendar, actor);
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
        return await Saving.SaveAsync(db, ct) ?? (Outcome<QuarterRound>)Outcome<QuarterRound>.Ok(outcome.Value!);
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
            ScheduleRatingTask(round, sheet.Value!);
        }

        var saved = await Saving.SaveAsync(db, ct);
        return saved is not null ? saved : Outcome<RoundView>.Ok(await ViewOfAsync(round, ct));
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
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null || !await db.QuarterRounds.AnyAsync(r => r.Id == roundId && r.StateBodyId == bodyId, ct))
        {
            return WorkflowRefusals.NotFound();
        }

        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.SeeRoundSheets, ActorNames.Hr);
        }

        var sheets = await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == roundId).ToListAsync(ct);
        return Outcome<IReadOnlyList<SheetSummary>>.Ok(await SummariesAsync(bodyId, sheets, ct));
    }

    /// <summary>HR's list of the round's servants evaluated by KTIs (no sheet: oskemen 3, 2.4), with their plan of the quarter. Only HR.</summary>
    public async Task<Outcome<IReadOnlyList<KtiEvaluatedRow>>> KtiEvaluatedAsync(string userId, Guid bodyId, Guid roundId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var round = await db.QuarterRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.StateBodyId == bodyId, ct);
        if (actor is null || round is null)
        {
            return WorkflowRefusals.NotFound();
        }

        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.SeeRoundSheets, ActorNames.Hr);
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

    /// <summary>Sheets the user fills (as evaluator, substitute or designated servant) or their own, newest first.</summary>
    public async Task<IReadOnlyList<SheetSummary>> MySheetsAsync(string userId, Guid bodyId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor?.ServantId is not { } me)
        {
            return [];
        }

        var sheets = await db.RatingSheets.AsNoTracking()
            .Where(s => s.StateBodyId == bodyId && (s.ServantId == me || s.EvaluatorId == me || s.SubstituteId == me || s.DelegateId == me))
            .ToListAsync(ct);
        return await SummariesAsync(bodyId, sheets, ct);
    }

    // Sheets

    /// <summary>Opens a sheet for someone the pack lets see it (others: not-found); the read is audited.</summary>
    public async Task<Outcome<SheetView>> GetSheetAsync(string userId, Guid bodyId, Guid sheetId, CancellationToken ct = default)
    {
        var (actor, sheet, round, version) = await LoadAsync(userId, bodyId, sheetId, tracked: false, ct);
        if (actor is null || sheet is null)
        {
            return WorkflowRefusals.NotFound();
        }

        var calibration = await db.CalibrationCases.AsNoTracking().FirstOrDefaultAsync(c => c.SheetId == sheetId, ct);
        if (!ResultVisibilityRule.CanSee(version!, sheet, actor, calibration?.Members.Select(m => m.ServantId).ToList() ?? []))
        {
            return WorkflowRefusals.NotFound();
        }

        await audit.RecordReadAsync(nameof(RatingSheet), sheet.Id.ToString(), bodyId, ct);
        return Outcome<SheetView>.Ok(await ViewOfAsync(actor, sheet, round!, version!, calibration, ct));
    }

    /// <summary>The result as the evaluator types: the engine decides on the given scores; nothing is saved.</summary>
    public async Task<Outcome<PreviewView>> PreviewAsync(string userId, Guid bodyId, Guid sheetId, IReadOnlyList<SheetScoreInput> scores, CancellationToken ct = default)
    {
        var (actor, sheet, round, version) = await LoadAsync(userId, bodyId, sheetId, tracked: false, ct);
        if (actor is null || sheet is null || actor.ServantId is not { } me || !sheet.IsEvaluator(me))
        {
            return WorkflowRefusals.NotFound();
        }

        if (Scores(scores) is not { } map)
        {
            return Refusals.InvalidInput(
                $"бір параметрге балл екі рет қойылған",
                $"по одному параметру балл выставлен дважды",
                $"a parameter is scored twice");
        }

        var decided = QuarterScoreDecision.Decide(version!, sheet.FormId, round!.Period, map, await SanctionsAsync(sheet.ServantId, ct));
        return decided.IsRefused
            ? decided.Refusal!
            : Outcome<PreviewView>.Ok(new PreviewView(decided.Answer!.Average, decided.Answer.Score, decided.Answer.Grade, decided.Answer.CappedBy, decided.Provenance!.Clause));
    }

    public async Task<Outcome<RatingSheet>> SubmitAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, IReadOnlyList<SheetScoreInput> scores, CancellationToken ct = default)
    {
        var (actor, sheet, round, version) = await LoadAsync(userId, bodyId, sheetId, tracked: true, ct);
        if (actor is null || sheet is null || actor.ServantId is not { } me || !sheet.IsEvaluator(me))
        {
            return WorkflowRefusals.NotFound();
        }

        if (round!.State != RoundState.Approved)
        {
            return WorkflowRefusals.WrongState(Actions.Submit, RoundState.Scheduled);
        }

        if (Scores(scores) is not { } map)
        {
            return Refusals.InvalidInput(
                $"бір параметрге балл екі рет қойылған",
                $"по одному параметру балл выставлен дважды",
                $"a parameter is scored twice");
        }

        if (!VersionTokens.Expect(db, sheet, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        await tasks.CompleteAsync(SheetSubject(sheet), RateTaskKind, Today, ct);
        var comments = scores.Where(s => !string.IsNullOrWhiteSpace(s.Comment)).ToDictionary(s => s.ParameterId, s => s.Comment, StringComparer.Ordinal);
        var refusal = sheet.Submit(version!, round.Period, actor, map, comments, await SanctionsAsync(sheet.ServantId, ct), Today);
        return refusal ?? await Saving.SaveAsync(db, ct) ?? (Outcome<RatingSheet>)Outcome<RatingSheet>.Ok(sheet);
    }

    /// <summary>
    /// The evaluator saves a draft (partial scores and comments, not signed); a stale version gives
    /// a conflict, a submitted sheet refuses; the change is audited like every save.
    /// </summary>
    public async Task<Outcome<RatingSheet>> SaveDraftAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, IReadOnlyList<SheetScoreInput> scores, CancellationToken ct = default)
    {
        var (actor, sheet, round, version) = await LoadAsync(userId, bodyId, sheetId, tracked: true, ct);
        if (actor is null || sheet is null || actor.ServantId is not { } me || !sheet.IsEvaluator(me))
        {
            return WorkflowRefusals.NotFound();
        }

        if (round!.State != RoundState.Approved)
        {
            return WorkflowRefusals.WrongState(Actions.SaveDraft, RoundState.Scheduled);
        }

        if (Scores(scores) is not { } map)
        {
            return Refusals.InvalidInput(
                $"бір параметрге балл екі рет қойылған",
                $"по одному параметру балл выставлен дважды",
                $"a parameter is scored twice");
        }

        if (!VersionTokens.Expect(db, sheet, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var comments = scores.Where(s => !string.IsNullOrWhiteSpace(s.Comment)).ToDictionary(s => s.ParameterId, s => s.Comment, StringComparer.Ordinal);
        var refusal = sheet.SaveDraft(version!, actor, map, comments);
        if (refusal is not null)
        {
            return refusal;
        }

        // The scores live in an owned table: mark the sheet itself changed so its version token
        // moves (a later stale draft or submission is a conflict) and the audit names the sheet.
        db.Entry(sheet).Property(s => s.State).IsModified = true;
        return await Saving.SaveAsync(db, ct) ?? (Outcome<RatingSheet>)Outcome<RatingSheet>.Ok(sheet);
    }

    /// <summary>nhrc 17: the evaluator designates a servant of the body for one of their sheets (more than twenty evaluatees).</summary>
    public async Task<Outcome<RatingSheet>> DelegateAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, Guid designatedId, CancellationToken ct = default)
    {
        var (actor, sheet, _, version) = await LoadAsync(userId, bodyId, sheetId, tracked: true, ct);
        if (actor is null || sheet is null || actor.ServantId is not { } me || !sheet.IsEvaluator(me))
        {
            return WorkflowRefusals.NotFound();
        }

        if (!await db.Servants.AnyAsync(s => s.Id == designatedId && s.StateBodyId == bodyId, ct))
        {
            return WorkflowRefusals.NotFound();
        }

        if (!VersionTokens.Expect(db, sheet, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var evaluatees = await db.RatingSheets.CountAsync(s => s.RoundId == sheet.RoundId && s.EvaluatorId == sheet.EvaluatorId, ct);
        var refusal = sheet.Delegate(version!, actor, designatedId, evaluatees);
        return refusal ?? await Saving.SaveAsync(db, ct) ?? (Outcome<RatingSheet>)Outcome<RatingSheet>.Ok(sheet);
    }

    /// <summary>HR names the evaluator of a sheet the organisation gave none.</summary>
    public async Task<Outcome<RatingSheet>> AssignEvaluatorAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, Guid evaluatorId, CancellationToken ct = default)
    {
        var (actor, sheet, round, _) = await LoadAsync(userId, bodyId, sheetId, tracked: true, ct);
        if (actor is null || sheet is null || !await db.Servants.AnyAsync(s => s.Id == evaluatorId && s.StateBodyId == bodyId, ct))
        {
            return WorkflowRefusals.NotFound();
        }

        if (!VersionTokens.Expect(db, sheet, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var refusal = sheet.AssignEvaluator(actor, evaluatorId);
        if (refusal is null)
        {
            ScheduleRatingTask(round!, sheet);
        }

        return refusal ?? await Saving.SaveAsync(db, ct) ?? (Outcome<RatingSheet>)Outcome<RatingSheet>.Ok(sheet);
    }

    /// <summary>nhrc 3: HR names the person acting for an evaluator absent today or on the evaluation day.</summary>
    public async Task<Outcome<RatingSheet>> SubstituteAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, Guid substituteId, CancellationToken ct = default)
    {
        var (actor, sheet, round, version) = await LoadAsync(userId, bodyId, sheetId, tracked: true, ct);
        if (actor is null || sheet is null || !await db.Servants.AnyAsync(s => s.Id == substituteId && s.StateBodyId == bodyId, ct))
        {
            return WorkflowRefusals.NotFound();
        }

        if (!VersionTokens.Expect(db, sheet, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var today = Today;
        var evaluationDay = round!.EvaluationDate;
        var absent = sheet.EvaluatorId is { } evaluator
            && await db.Absences.AnyAsync(a => a.ServantId == evaluator && ((a.From <= today && today <= a.To) || (a.From <= evaluationDay && evaluationDay <= a.To)), ct);
        var refusal = sheet.AssignSubstitute(version!, actor, substituteId, absent);
        return refusal ?? await Saving.SaveAsync(db, ct) ?? (Outcome<RatingSheet>)Outcome<RatingSheet>.Ok(sheet);
    }

    /// <summary>The servant acknowledges the result (the shared acquaintance module records the channel for absent servants).</summary>
    public async Task<Outcome<RatingSheet>> AcknowledgeAsync(string userId, Guid bodyId, Guid sheetId, CancellationToken ct = default)
    {
        var (actor, sheet, _, _) = await LoadAsync(userId, bodyId, sheetId, tracked: true, ct);
        if (actor is null || sheet is null || !actor.Is(sheet.ServantId))
        {
            return WorkflowRefusals.NotFound();
        }

        var today = Today;
        var refusal = sheet.Acknowledge(actor, today);
        if (refusal is not null)
        {
            return refusal;
        }

        // The acquaintance the quarter close opened (oskemen 11) is acknowledged with the sheet.
        var servant = new Domain.Workflow.Actor(actor.UserId, actor.ServantId, new HashSet<string>(StringComparer.Ordinal));
        var acquainted = await acquaintances.StageAcknowledgementAsync(servant, bodyId, QuarterCloseService.AcquaintanceSubject, sheet.Id, today, ct);
        if (acquainted.Refusal is { } notAcquainted)
        {
            return notAcquainted;
        }

        return await Saving.SaveAsync(db, ct) ?? (Outcome<RatingSheet>)Outcome<RatingSheet>.Ok(sheet);
    }

    /// <summary>
    /// oskemen 11, nhrc 9: HR records how and when a servant evaluated without participation
    /// (dismissed or absent) was notified of the result; the sheet then counts as acquainted.
    /// </summary>
    public async Task<Outcome<SheetSummary>> RecordNotificationAsync(
        string userId, Guid bodyId, Guid sheetId, int expectedVersion, string? channel, DateOnly notifiedOn, CancellationToken ct = default)
    {
        var (actor, sheet, round, version) = await LoadAsync(userId, bodyId, sheetId, tracked: true, ct);
        if (actor is null || sheet is null)
        {
            return WorkflowRefusals.NotFound();
        }

        if (!KindIds.TryParse<Domain.Acquaintance.NotificationChannel>(channel?.Trim() ?? string.Empty, out var parsed))
        {
            return Refusal.Of(
                "unknown-channel",
                $"«{channel}» хабарлау тәсілі белгісіз",
                $"Неизвестный способ уведомления «{channel}»",
                $"Unknown notification channel '{channel}' ({string.Join(", ", KindIds.All<Domain.Acquaintance.NotificationChannel>())})");
        }

        if (!VersionTokens.Expect(db, sheet, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var today = Today;
        var refusal = sheet.RecordNotification(actor, parsed, notifiedOn, today);
        if (refusal is not null)
        {
            return refusal;
        }

        // The shared acquaintance module records it too: channel and date once, the service-record
        // entry, the servant's acquaint task closed, lateness against the act's limit; one save.
        var hr = new Domain.Workflow.Actor(actor.UserId, actor.ServantId, new HashSet<string>(StringComparer.Ordinal) { Domain.Workflow.Actor.Hr });
        var submittedOn = sheet.SubmittedOn!.Value;
        var acquainted = await acquaintances.StageNotificationAsync(
            hr, bodyId, sheet.ServantId, QuarterCloseService.AcquaintanceSubject, sheet.Id, QuarterCloseService.ResultText(version!, round!.Period, sheet), submittedOn,
            () => NotificationDeadline.Decide(version!, round.Period, submittedOn, packs.Catalogue.Calendar), parsed, notifiedOn, today, ct);
        if (acquainted.IsRefused)
        {
            return acquainted.Refusal!;
        }

        var saved = await Saving.SaveAsync(db, ct);
        return saved is not null ? saved : Outcome<SheetSummary>.Ok((await SummariesAsync(bodyId, [sheet], ct))[0]);
    }

    public async Task<Outcome<RatingSheet>> FeedbackAsync(string userId, Guid bodyId, Guid sheetId, string? achievements, string? skills, string? potential, CancellationToken ct = default)
    {
        var (actor, sheet, _, _) = await LoadAsync(userId, bodyId, sheetId, tracked: true, ct);
        if (actor is null || sheet is null || actor.ServantId is not { } me || !sheet.IsEvaluator(me))
        {
            return WorkflowRefusals.NotFound();
        }

        var refusal = sheet.RecordFeedback(actor, achievements, skills, potential, Today);
        return refusal ?? await Saving.SaveAsync(db, ct) ?? (Outcome<RatingSheet>)Outcome<RatingSheet>.Ok(sheet);
    }

    // Annual score

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
            ? DeadlineDecision.Decide(version, "annual-final", new DateOnly(year, 12, 31), packs.Catalogue.Calendar)
            : null;
        var view = KtiQuarterResults.Annual(version, packId, year, quarters, status, due?.Answer?.Due, due?.Provenance?.Clause);
        if (view.IsSuccess)
        {
            await audit.RecordReadAsync("AnnualScore", $"{servantId}/{packId}/{year}", bodyId, ct);
        }

        return view;
    }

    /// <summary>The quarter status of a head's KTI plan that is not scored yet.</summary>
    public const string KtiNotScored = "kti-not-scored";

    /// <summary>The quarter status of a head evaluated by KTIs with no plan in a scheduled quarter (left out).</summary>
    public const string KtiNoPlan = "kti-no-plan";

    // Helpers

    /// <summary>The shared task kind of filling a rating sheet (my-tasks, reminders, completion by unit).</summary>
    public const string RateTaskKind = "rate-sheet";

    public static TaskSubject SheetSubject(RatingSheet sheet) => new("rating-sheet", sheet.Id);

    /// <summary>The evaluator's task, due by the round's engine deadline (quarter-evaluation) with its clause.</summary>
    private void ScheduleRatingTask(QuarterRound round, RatingSheet sheet)
    {
        if (sheet.State == SheetState.Open && sheet.EvaluatorId is { } evaluator)
        {
            tasks.ScheduleOn(
                round.StateBodyId, new Provenance(round.PackId, round.VersionId, round.DueClause), "quarter-evaluation", round.Due,
                RateTaskKind, TaskAssignee.Servant(evaluator), SheetSubject(sheet), round.Id, null);
        }
    }

    internal async Task<(Actor? Actor, RatingSheet? Sheet, QuarterRound? Round, PackVersion? Version)> LoadAsync(
        string userId, Guid bodyId, Guid sheetId, bool tracked, CancellationToken ct)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var query = tracked ? db.RatingSheets : db.RatingSheets.AsNoTracking();
        var sheet = await query.FirstOrDefaultAsync(s => s.Id == sheetId && s.StateBodyId == bodyId, ct);
        if (actor is null || sheet is null)
        {
            return (null, null, null, null);
        }

        var round = await db.QuarterRounds.AsNoTracking().FirstAsync(r => r.Id == sheet.RoundId, ct);
        return (actor, sheet, round, round.VersionIn(packs.Catalogue.Find(round.PackId)!));
    }

    private static Dictionary<string, decimal>? Scores(IReadOnlyList<SheetScoreInput> scores)
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var s in scores)
        {
            if (!map.TryAdd(s.ParameterId, s.Score))
            {
                return null;
            }
        }

        return map;
    }

    private async Task<IReadOnlyList<DecisionSanction>> SanctionsAsync(Guid servantId, CancellationToken ct) =>
        (await db.Sanctions.AsNoTracking().Where(s => s.ServantId == servantId).ToListAsync(ct))
            .Select(s => new DecisionSanction(KindIds.Id(s.Kind), s.Applied)).ToList();

    private async Task<RoundView> ViewOfAsync(QuarterRound round, CancellationToken ct)
    {
        var states = await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == round.Id).Select(s => s.State).ToListAsync(ct);
        return new RoundView(round, states.Count, states.Count(s => s == SheetState.Submitted), states.Count(s => s == SheetState.NotEvaluated));
    }

    private async Task<IReadOnlyList<SheetSummary>> SummariesAsync(Guid bodyId, List<RatingSheet> sheets, CancellationToken ct)
    {
        var ids = sheets.Select(s => s.ServantId).Concat(sheets.Where(s => s.EvaluatorId is not null).Select(s => s.CurrentEvaluatorId!.Value)).Distinct().ToList();
        var names = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId && ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var notifyBy = await NotifyByAsync(sheets, ct);
        return sheets
            .Select(s => new SheetSummary(
                s.Id, s.ServantId, names.GetValueOrDefault(s.ServantId, "?"), s.FormId, s.Participation, s.EligibilityReason, s.EligibilityClause,
                s.State, s.CurrentEvaluatorId, s.CurrentEvaluatorId is { } e ? names.GetValueOrDefault(e) : null, s.Due, s.DueClause,
                s.Version, s.AcquaintedOn, s.NotificationChannel is { } c ? KindIds.Id(c) : null, notifyBy.GetValueOrDefault(s.Id)))
            .OrderBy(s => s.ServantName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The notification deadline of each submitted sheet of a servant evaluated without participation.</summary>
    private async Task<Dictionary<Guid, SheetNotifyBy>> NotifyByAsync(List<RatingSheet> sheets, CancellationToken ct)
    {
        var toNotify = sheets.Where(s => s.State == SheetState.Submitted && s.Participation == NotificationRule.WithoutParticipation).ToList();
        var result = new Dictionary<Guid, SheetNotifyBy>();
        if (toNotify.Count == 0)
        {
            return result;
        }

        // An acquaintance already opened (by the quarter close or the notification) holds the due day that counts.
        var sheetIds = toNotify.Select(s => s.Id).ToList();
        var opened = (await db.Acquaintances.AsNoTracking()
                .Where(a => a.SubjectType == QuarterCloseService.AcquaintanceSubject && sheetIds.Contains(a.SubjectId))
                .Select(a => new { a.SubjectId, a.ResultOn, a.Due, a.DueClause, a.State, a.Late })
                .ToListAsync(ct))
            .GroupBy(a => a.SubjectId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ResultOn).First());
        var roundIds = toNotify.Select(s => s.RoundId).Distinct().ToList();
        var rounds = await db.QuarterRounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        foreach (var sheet in toNotify)
        {
            if (opened.TryGetValue(sheet.Id, out var acquaintance))
            {
                result[sheet.Id] = new SheetNotifyBy(acquaintance.Due, acquaintance.DueClause ?? string.Empty, acquaintance.State != Domain.Acquaintance.AcquaintanceState.Pending && acquaintance.Late);
                continue;
            }

            var round = rounds[sheet.RoundId];
            if (packs.Catalogue.Find(round.PackId) is not { } pack)
            {
                continue;
            }

            var decided = NotificationDeadline.Decide(round.VersionIn(pack), round.Period, sheet.SubmittedOn!.Value, packs.Catalogue.Calendar);
            if (decided.Answer is { } answer)
            {
                result[sheet.Id] = new SheetNotifyBy(answer.Due, decided.Provenance!.Clause ?? string.Empty, sheet.NotifiedOn > answer.Due);
            }
        }

        return result;
    }

    private async Task<SheetView> ViewOfAsync(Actor actor, RatingSheet sheet, QuarterRound round, PackVersion version, CalibrationCase? calibration, CancellationToken ct)
    {
        var ids = new[] { sheet.ServantId, sheet.CurrentEvaluatorId ?? Guid.Empty };
        var names = await db.Servants.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var form = version.Rules.Form(sheet.FormId);
        var showScores = sheet.ShowsScoresTo(actor);
        var parameters = form?.Parameters.Select(p =>
        {
            var score = showScores ? sheet.Scores.FirstOrDefault(s => s.ParameterId == p.Id) : null;
            return new ParameterView(p.Id, p.Title, p.GuidanceKk, p.Clause, score?.Score, score?.Comment);
        }).ToList() ?? [];
        var sanctions = (await SanctionsAsync(sheet.ServantId, ct))
            .Where(s => round.Period.Contains(s.Applied))
            .Select(s => new SanctionView(s.Kind, s.Applied))
            .ToList();
        var canFill = sheet.State == SheetState.Open && actor.ServantId is { } me && me == sheet.CurrentEvaluatorId && round.State == RoundState.Approved;
        var canAcknowledge = sheet.State == SheetState.Submitted && sheet.AcquaintedOn is null && actor.Is(sheet.ServantId);
        var canFeedback = sheet.State == SheetState.Submitted && actor.ServantId is { } ev && sheet.IsEvaluator(ev);
        var scale = version.Rules.QuarterScore;
        return new SheetView(
            sheet, round, names.GetValueOrDefault(sheet.ServantId, "?"), sheet.CurrentEvaluatorId is { } e ? names.GetValueOrDefault(e) : null,
            form?.Title, form?.Clause, parameters, sanctions, scale?.ScaleMin ?? 0, scale?.ScaleMax ?? 5, canFill, canAcknowledge, canFeedback, calibration);
    }
}
