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

public sealed record SheetScoreInput(string ParameterId, decimal Score, string? Comment);

/// <summary>A sheet a use case loaded: who acts, the sheet, its round and the pack version it runs under.</summary>
public sealed record LoadedSheet(Actor Actor, RatingSheet Sheet, QuarterRound Round, PackVersion Version);

/// <summary>
/// A servant's quarterly rating sheet: evaluators fill, save drafts and submit; the servant sees
/// and acknowledges; HR names evaluators and substitutes and records notifications; the evaluator
/// records the feedback meeting. Results are opened only by those the pack allows, and every
/// opening is audited.
/// </summary>
public sealed class RatingSheetService(BagalauDbContext db, PackCatalog packs, WorkflowActors actors, WorkflowSteps steps, AuditLog audit, TaskService tasks, TimeProvider clock, AcquaintanceService acquaintances)
{
    private DateOnly Today => KazakhstanClock.Today(clock);

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

    /// <summary>Opens a sheet for someone the pack lets see it (others: not-found); the read is audited.</summary>
    public async Task<Outcome<SheetView>> GetSheetAsync(string userId, Guid bodyId, Guid sheetId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, sheetId, Anyone, tracked: false, ct);
        if (loaded.Value is not (var actor, var sheet, var round, var version))
        {
            return loaded.Refusal!;
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
        var loaded = await LoadAsync(userId, bodyId, sheetId, IsEvaluator, tracked: false, ct);
        if (loaded.Value is not (var actor, var sheet, var round, var version))
        {
            return loaded.Refusal!;
        }

        var checkedScores = Scores(scores);
        if (checkedScores.Value is not { } map)
        {
            return checkedScores.Refusal!;
        }

        var decided = QuarterScoreDecision.Decide(version, sheet.FormId, round.Period, map, await SanctionsAsync(sheet.ServantId, ct));
        return decided.IsRefused
            ? decided.Refusal!
            : Outcome<PreviewView>.Ok(new PreviewView(decided.Answer!.Average, decided.Answer.Score, decided.Answer.Grade, decided.Answer.CappedBy, decided.Provenance!.Clause));
    }

    public async Task<Outcome<RatingSheet>> SubmitAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, IReadOnlyList<SheetScoreInput> scores, CancellationToken ct = default)
    {
        var loaded = await LoadToScoreAsync(userId, bodyId, sheetId, Actions.Submit, scores, ct);
        if (loaded.Value is not ((var actor, var sheet, var round, var version), var map))
        {
            return loaded.Refusal!;
        }

        return await steps.RunAsync(sheet, expectedVersion, async () =>
        {
            await tasks.CompleteAsync(SheetSubject(sheet), RateTaskKind, Today, ct);
            var sanctions = await SanctionsAsync(sheet.ServantId, ct);
            return sheet.Submit(version, round.Period, actor, map, Comments(scores), sanctions, Today);
        }, ct);
    }

    /// <summary>
    /// The evaluator saves a draft (partial scores and comments, not signed); a stale version gives
    /// a conflict, a submitted sheet refuses; the change is audited like every save.
    /// </summary>
    public async Task<Outcome<RatingSheet>> SaveDraftAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, IReadOnlyList<SheetScoreInput> scores, CancellationToken ct = default)
    {
        var loaded = await LoadToScoreAsync(userId, bodyId, sheetId, Actions.SaveDraft, scores, ct);
        if (loaded.Value is not ((var actor, var sheet, var round, var version), var map))
        {
            return loaded.Refusal!;
        }

        return await steps.RunAsync(sheet, expectedVersion, () =>
        {
            // The scores live in an owned table: mark the sheet itself changed so its version token
            // moves (a later stale draft or submission is a conflict) and the audit names the sheet.
            var refusal = sheet.SaveDraft(version, actor, map, Comments(scores));
            db.Entry(sheet).Property(s => s.State).IsModified = refusal is null;
            return refusal;
        }, ct);
    }

    /// <summary>nhrc 17: the evaluator designates a servant of the body for one of their sheets (more than twenty evaluatees).</summary>
    public async Task<Outcome<RatingSheet>> DelegateAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, Guid designatedId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, sheetId, IsEvaluator, tracked: true, ct);
        if (loaded.Value is not (var actor, var sheet, _, var version) || !await IsServantOfAsync(bodyId, designatedId, ct))
        {
            return loaded.Refusal ?? WorkflowRefusals.NotFound();
        }

        return await steps.RunAsync(sheet, expectedVersion, async () =>
        {
            var evaluatees = await db.RatingSheets.CountAsync(s => s.RoundId == sheet.RoundId && s.EvaluatorId == sheet.EvaluatorId, ct);
            return sheet.Delegate(version, actor, designatedId, evaluatees);
        }, ct);
    }

    /// <summary>HR names the evaluator of a sheet the organisation gave none.</summary>
    public async Task<Outcome<RatingSheet>> AssignEvaluatorAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, Guid evaluatorId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, sheetId, Anyone, tracked: true, ct);
        if (loaded.Value is not (var actor, var sheet, var round, _) || !await IsServantOfAsync(bodyId, evaluatorId, ct))
        {
            return loaded.Refusal ?? WorkflowRefusals.NotFound();
        }

        return await steps.RunAsync(sheet, expectedVersion, () =>
        {
            var refusal = sheet.AssignEvaluator(actor, evaluatorId);
            if (refusal is null)
            {
                ScheduleRatingTask(round, sheet);
            }

            return refusal;
        }, ct);
    }

    /// <summary>nhrc 3: HR names the person acting for an evaluator absent today or on the evaluation day.</summary>
    public async Task<Outcome<RatingSheet>> SubstituteAsync(string userId, Guid bodyId, Guid sheetId, int expectedVersion, Guid substituteId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, sheetId, Anyone, tracked: true, ct);
        if (loaded.Value is not (var actor, var sheet, var round, var version) || !await IsServantOfAsync(bodyId, substituteId, ct))
        {
            return loaded.Refusal ?? WorkflowRefusals.NotFound();
        }

        return await steps.RunAsync(sheet, expectedVersion, async () =>
        {
            var today = Today;
            var evaluationDay = round.EvaluationDate;
            var absent = sheet.EvaluatorId is { } evaluator
                && await db.Absences.AnyAsync(a => a.ServantId == evaluator && ((a.From <= today && today <= a.To) || (a.From <= evaluationDay && evaluationDay <= a.To)), ct);
            return sheet.AssignSubstitute(version, actor, substituteId, absent);
        }, ct);
    }

    /// <summary>The servant acknowledges the result (the shared acquaintance module records the channel for absent servants).</summary>
    public async Task<Outcome<RatingSheet>> AcknowledgeAsync(string userId, Guid bodyId, Guid sheetId, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, sheetId, IsTheServant, tracked: true, ct);
        if (loaded.Value is not (var actor, var sheet, _, _))
        {
            return loaded.Refusal!;
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

        return await steps.SaveAsync(sheet, ct);
    }

    /// <summary>
    /// oskemen 11, nhrc 9: HR records how and when a servant evaluated without participation
    /// (dismissed or absent) was notified of the result; the sheet then counts as acquainted.
    /// </summary>
    public async Task<Outcome<SheetSummary>> RecordNotificationAsync(
        string userId, Guid bodyId, Guid sheetId, int expectedVersion, string? channel, DateOnly notifiedOn, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, sheetId, Anyone, tracked: true, ct);
        if (loaded.Value is not (var actor, var sheet, var round, var version))
        {
            return loaded.Refusal!;
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

        var saved = await steps.SaveAsync(ct);
        return saved.Refusal is { } stale ? stale : Outcome<SheetSummary>.Ok((await SummariesAsync(bodyId, [sheet], ct))[0]);
    }

    public async Task<Outcome<RatingSheet>> FeedbackAsync(string userId, Guid bodyId, Guid sheetId, string? achievements, string? skills, string? potential, CancellationToken ct = default)
    {
        var loaded = await LoadAsync(userId, bodyId, sheetId, IsEvaluator, tracked: true, ct);
        if (loaded.Value is not (var actor, var sheet, _, _))
        {
            return loaded.Refusal!;
        }

        var refusal = sheet.RecordFeedback(actor, achievements, skills, potential, Today);
        return refusal ?? await steps.SaveAsync(sheet, ct);
    }

    /// <summary>The shared task kind of filling a rating sheet (my-tasks, reminders, completion by unit).</summary>
    public const string RateTaskKind = "rate-sheet";

    public static TaskSubject SheetSubject(RatingSheet sheet) => new("rating-sheet", sheet.Id);

    /// <summary>The evaluator's task, due by the round's engine deadline (quarter-evaluation) with its clause.</summary>
    internal void ScheduleRatingTask(QuarterRound round, RatingSheet sheet)
    {
        if (sheet.State == SheetState.Open && sheet.EvaluatorId is { } evaluator)
        {
            tasks.ScheduleOn(
                round.StateBodyId, new Provenance(round.PackId, round.VersionId, round.DueClause), "quarter-evaluation", round.Due,
                RateTaskKind, TaskAssignee.Servant(evaluator), SheetSubject(sheet), round.Id, null);
        }
    }

    /// <summary>Anyone of the body may go on (the use case or the pack's visibility rule decides).</summary>
    internal static bool Anyone(Actor actor, RatingSheet sheet) => true;

    internal static bool IsEvaluator(Actor actor, RatingSheet sheet) => actor.ServantId is { } me && sheet.IsEvaluator(me);

    internal static bool IsTheServant(Actor actor, RatingSheet sheet) => actor.Is(sheet.ServantId);

    /// <summary>The sheet of the body with its actor, round and pack version; not-found when either is missing or <paramref name="may"/> refuses (no existence leak).</summary>
    internal async Task<Outcome<LoadedSheet>> LoadAsync(
        string userId, Guid bodyId, Guid sheetId, Func<Actor, RatingSheet, bool> may, bool tracked, CancellationToken ct)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var query = tracked ? db.RatingSheets : db.RatingSheets.AsNoTracking();
        var sheet = await query.FirstOrDefaultAsync(s => s.Id == sheetId && s.StateBodyId == bodyId, ct);
        if (actor is null || sheet is null || !may(actor, sheet))
        {
            return WorkflowRefusals.NotFound();
        }

        var round = await db.QuarterRounds.AsNoTracking().FirstAsync(r => r.Id == sheet.RoundId, ct);
        return new LoadedSheet(actor, sheet, round, round.VersionIn(packs.Catalogue.Find(round.PackId)!));
    }

    /// <summary>The evaluator's sheet of an approved round with the scores by parameter; a parameter scored twice is refused.</summary>
    private async Task<Outcome<ToScore>> LoadToScoreAsync(
        string userId, Guid bodyId, Guid sheetId, LocalizedText action, IReadOnlyList<SheetScoreInput> scores, CancellationToken ct)
    {
        var loaded = await LoadAsync(userId, bodyId, sheetId, IsEvaluator, tracked: true, ct);
        if (loaded.Value is not { } sheet)
        {
            return loaded.Refusal!;
        }

        if (sheet.Round.State != RoundState.Approved)
        {
            return WorkflowRefusals.WrongState(action, sheet.Round.State);
        }

        var map = Scores(scores);
        return map.Value is { } byParameter ? new ToScore(sheet, byParameter) : map.Refusal!;
    }

    private sealed record ToScore(LoadedSheet Sheet, Dictionary<string, decimal> Scores);

    private static Dictionary<string, string?> Comments(IReadOnlyList<SheetScoreInput> scores) =>
        scores.Where(s => !string.IsNullOrWhiteSpace(s.Comment)).ToDictionary(s => s.ParameterId, s => s.Comment, StringComparer.Ordinal);

    private Task<bool> IsServantOfAsync(Guid bodyId, Guid servantId, CancellationToken ct) =>
        db.Servants.AnyAsync(s => s.Id == servantId && s.StateBodyId == bodyId, ct);

    private static Outcome<Dictionary<string, decimal>> Scores(IReadOnlyList<SheetScoreInput> scores)
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var s in scores)
        {
            if (!map.TryAdd(s.ParameterId, s.Score))
            {
                return Refusals.InvalidInput(
                    $"бір параметрге балл екі рет қойылған",
                    $"по одному параметру балл выставлен дважды",
                    $"a parameter is scored twice");
            }
        }

        return map;
    }

    private async Task<IReadOnlyList<DecisionSanction>> SanctionsAsync(Guid servantId, CancellationToken ct) =>
        (await db.Sanctions.AsNoTracking().Where(s => s.ServantId == servantId).ToListAsync(ct))
            .Select(s => new DecisionSanction(KindIds.Id(s.Kind), s.Applied)).ToList();

    internal async Task<IReadOnlyList<SheetSummary>> SummariesAsync(Guid bodyId, List<RatingSheet> sheets, CancellationToken ct, bool keepOrder = false)
    {
        var ids = sheets.Select(s => s.ServantId).Concat(sheets.Where(s => s.EvaluatorId is not null).Select(s => s.CurrentEvaluatorId!.Value)).Distinct().ToList();
        var names = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId && ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var notifyBy = await NotifyByAsync(sheets, ct);
        return sheets
            .Select(s => new SheetSummary(
                s.Id, s.ServantId, names.GetValueOrDefault(s.ServantId, "?"), s.FormId, s.Participation, s.EligibilityReason, s.EligibilityClause,
                s.State, s.CurrentEvaluatorId, s.CurrentEvaluatorId is { } e ? names.GetValueOrDefault(e) : null, s.Due, s.DueClause,
                s.Version, s.AcquaintedOn, s.NotificationChannel is { } c ? KindIds.Id(c) : null, notifyBy.GetValueOrDefault(s.Id)))
            .OrderBy(s => keepOrder ? string.Empty : s.ServantName, StringComparer.Ordinal)
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
