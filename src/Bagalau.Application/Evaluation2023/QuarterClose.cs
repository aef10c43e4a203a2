using Bagalau.Application.Acquaintance;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Audit;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;
using DecisionSanction = Bagalau.Domain.Decisions.Sanction;

namespace Bagalau.Application.Evaluation2023;

/// <summary>What closing one body's quarter did (all zero but <see cref="Sheets"/> on a second run).</summary>
public sealed record QuarterCloseReport(
    Guid BodyId, string BodyCode, string PackId, string Quarter, int Sheets, int Evaluated, int NotEvaluated, int Open,
    int Recapped, int AnnualCreated, int AnnualUpdated, int AcquaintancesOpened, bool RoundClosed)
{
    /// <summary>True when the run wrote nothing (the quarter was already closed with the same results).</summary>
    public bool Unchanged => Recapped == 0 && AnnualCreated == 0 && AnnualUpdated == 0 && AcquaintancesOpened == 0 && !RoundClosed;
}

/// <summary>
/// Closes a 2023-family quarter: for every servant of a body's round, the eligibility
/// the engine decided at approval, the engine's quarter-score of the signed sheet with the
/// quarter's sanctions as known now (caps), the grade, the servant's annual score updated from
/// the year's closed and current quarters (engine annual-score, persisted in
/// <see cref="AnnualResult"/>), and the servant's acquaintance with the result (the shared
/// acquaintance module: record and task, engine <c>acquaint</c> deadline).
/// <para>
/// One body's round is one transaction (all or nothing): a body holds at most 5,000 servants,
/// so memory is bounded by the largest body, never by the nation; <see cref="CloseAllAsync"/>
/// streams the bodies one after another with an empty change tracker for each. Running the
/// close again recomputes and writes only what differs, so a second run changes nothing and a
/// run stopped half-way is completed by running it again.
/// </para>
/// </summary>
public sealed partial class QuarterCloseService(BagalauDbContext db, PackCatalog packs, AcquaintanceService acquaintances)
{
    /// <summary>The acquaintance subject of a quarter result: the rating sheet.</summary>
    public const string AcquaintanceSubject = "rating-sheet";

    /// <summary>The entity of the one audit record listing the rows a body's close inserted (ADR 0013); its key is the round.</summary>
    public const string AuditEntity = "QuarterClose";

    /// <summary>Closes the round of one body (by code) for a quarter and pack (every 2023-family pack when null).</summary>
    public async Task<Outcome<IReadOnlyList<QuarterCloseReport>>> CloseBodyAsync(Actor actor, string bodyCode, Period quarter, string? packId, DateOnly today, CancellationToken ct = default)
    {
        var body = await db.StateBodies.AsNoTracking().Where(b => b.Code == bodyCode).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        if (body is null)
        {
            return WorkflowRefusals.NotFound();
        }

        var rounds = await RoundsAsync(quarter, packId, body, ct);
        if (rounds.Count == 0)
        {
            return NoRound(quarter);
        }

        var reports = new List<QuarterCloseReport>();
        foreach (var round in rounds)
        {
            var closed = await CloseRoundAsync(actor, round.Id, today, ct);
            if (!closed.IsSuccess)
            {
                return closed.Refusal!;
            }

            reports.Add(closed.Value!);
        }

        return Outcome<IReadOnlyList<QuarterCloseReport>>.Ok(reports);
    }

    /// <summary>
    /// Closes the quarter in every body with a round for it, body by body, each its own
    /// transaction; yields each body's report or refusal (a refused body is left as it was and
    /// the others go on).
    /// </summary>
    public async IAsyncEnumerable<(Guid RoundId, Outcome<QuarterCloseReport> Result)> CloseAllAsync(
        Actor actor, Period quarter, string? packId, DateOnly today, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var round in await RoundsAsync(quarter, packId, null, ct))
        {
            yield return (round.Id, await CloseRoundAsync(actor, round.Id, today, ct));
        }
    }

    /// <summary>Closes one body's round: one transaction; nothing is written when a servant's result is refused.</summary>
    public async Task<Outcome<QuarterCloseReport>> CloseRoundAsync(Actor actor, Guid roundId, DateOnly today, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var round = await db.QuarterRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null || packs.Catalogue.Find(round.PackId) is not { } pack)
        {
            return WorkflowRefusals.NotFound();
        }

        var wasClosed = round.State == RoundState.Closed;
        var refusal = round.Close(actor, today);
        if (refusal is not null)
        {
            db.ChangeTracker.Clear();
            return refusal;
        }

        var bodyId = round.StateBodyId;
        var period = round.Period;
        var version = round.VersionIn(pack);
        var bodyCode = await db.StateBodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => b.Code).FirstAsync(ct);

        // The body's sanctions (rare: a few per hundred servants); the engine keeps those of the quarter.
        var sanctions = (await db.Sanctions.AsNoTracking().Where(s => s.StateBodyId == bodyId).Select(s => new { s.ServantId, s.Kind, s.Applied }).ToListAsync(ct))
            .GroupBy(s => s.ServantId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DecisionSanction>)g.Select(s => new DecisionSanction(KindIds.Id(s.Kind), s.Applied)).ToList());

        // The other quarters of the year: final (calibrated) scores of their submitted sheets.
        var yearRounds = await db.QuarterRounds.AsNoTracking()
            .Where(r => r.StateBodyId == bodyId && r.PackId == round.PackId && r.Year == round.Year && r.Id != round.Id)
            .Select(r => new { r.Id, r.Quarter })
            .ToListAsync(ct);
        var quarterOf = yearRounds.ToDictionary(r => r.Id, r => r.Quarter);
        var otherRoundIds = yearRounds.Select(r => r.Id).ToList();
        var earlier = new Dictionary<Guid, Dictionary<int, decimal?>>();
        foreach (var s in await db.RatingSheets.AsNoTracking()
            .Where(s => otherRoundIds.Contains(s.RoundId) && s.State == SheetState.Submitted)
            .Select(s => new { s.ServantId, s.RoundId, Final = s.CalibratedScore ?? s.Score })
            .ToListAsync(ct))
        {
            (earlier.TryGetValue(s.ServantId, out var q) ? q : earlier[s.ServantId] = []).Add(quarterOf[s.RoundId], s.Final);
        }

        var annuals = await db.AnnualResults.Where(a => a.StateBodyId == bodyId && a.PackId == round.PackId && a.Year == round.Year).ToDictionaryAsync(a => a.ServantId, ct);
        var acquainted = (await db.Acquaintances.AsNoTracking()
            .Where(a => a.StateBodyId == bodyId && a.SubjectType == AcquaintanceSubject && db.RatingSheets.Any(s => s.RoundId == roundId && s.Id == a.SubjectId))
            .Select(a => a.SubjectId)
            .ToListAsync(ct)).ToHashSet();
        var units = await UnitsAsync(bodyId, period, ct);

        // The annual rule of the version in force at the year's end (as the annual view decides).
        var annualVersion = pack.VersionOn(new DateOnly(round.Year, 12, 31)) ?? version;
        var opensAcquaintance = version.Rules.Deadlines.ContainsKey("acquaint");
        int sheets = 0, evaluated = 0, notEvaluated = 0, open = 0, recapped = 0, created = 0, updated = 0, opened = 0;

        // The new rows (annual results, acquaintances, tasks) are staged untracked and written
        // with the bulk path: the change tracker holds only the round and the changed rows.
        var staged = new List<object>();

        // The acquaint deadline is the same day for every servant of the body: decided once.
        Decided<DeadlineAnswer>? acquaintDue = null;
        var sheetsOfRound = await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == roundId).ToListAsync(ct);
        foreach (var sheet in sheetsOfRound)
        {
            sheets++;
            decimal? final = null;
            switch (sheet.State)
            {
                case SheetState.NotEvaluated:
                    notEvaluated++;
                    break;
                case SheetState.Open:
                    open++;
                    break;
                default:
                    evaluated++;
                    var scores = sheet.Scores.ToDictionary(s => s.ParameterId, s => s.Score, StringComparer.Ordinal);
                    var decided = QuarterScoreDecision.Decide(version, sheet.FormId, period, scores, sanctions.GetValueOrDefault(sheet.ServantId) ?? []);
                    if (decided.IsRefused)
                    {
                        db.ChangeTracker.Clear();
                        return decided.Refusal!;
                    }

                    if (sheet.DiffersFrom(decided.Answer!))
                    {
                        db.RatingSheets.Attach(sheet);
                        sheet.ConfirmResult(decided);
                        recapped++;
                    }

                    final = sheet.FinalScore;
                    if (opensAcquaintance && sheet.AcknowledgedOn is null && !acquainted.Contains(sheet.Id))
                    {
                        var result = ResultText(version, period, sheet);
                        acquaintDue ??= acquaintances.Deadline(version, today);
                        var acquaintance = AcquaintanceService.Staged(bodyId, sheet.ServantId, AcquaintanceSubject, sheet.Id, result, today, acquaintDue, round.Id, units.GetValueOrDefault(sheet.ServantId));
                        if (acquaintance.IsRefused)
                        {
                            db.ChangeTracker.Clear();
                            return acquaintance.Refusal!;
                        }

                        staged.AddRange(acquaintance.Value!.Rows);
                        opened++;
                    }

                    break;
            }

            var quarters = new Dictionary<int, decimal?> { [1] = null, [2] = null, [3] = null, [4] = null };
            foreach (var (q, score) in earlier.GetValueOrDefault(sheet.ServantId) ?? [])
            {
                quarters[q] = score;
            }

            quarters[round.Quarter] = final;
            if (quarters.Values.All(v => v is null))
            {
                continue;
            }

            var annual = AnnualScoreDecision.Decide(annualVersion, round.Year, quarters);
            if (annual.IsRefused)
            {
                db.ChangeTracker.Clear();
                return annual.Refusal!;
            }

            if (annuals.TryGetValue(sheet.ServantId, out var kept))
            {
                updated += kept.Update(annual, quarters, today) ? 1 : 0;
            }
            else
            {
                staged.Add(AnnualResult.Record(bodyId, sheet.ServantId, round.PackId, round.Year, annual, quarters, today));
                created++;
            }
        }

        // oskemen 3: heads evaluated by KTIs have no sheet; their scored plans are the quarter results.
        var kti = await CloseKtiHeadsAsync(round, version, annualVersion, annuals, sheetsOfRound.Select(s => s.ServantId).ToHashSet(), units, today, staged, ct);
        if (kti.Refusal is not null)
        {
            db.ChangeTracker.Clear();
            return kti.Refusal;
        }

        (evaluated, created, updated, opened) = (evaluated + kti.Evaluated, created + kti.Created, updated + kti.Updated, opened + kti.Opened);

        try
        {
            // ADR 0013: the new rows of the body's close are audited as one record listing them all.
            await db.SaveChangesInBulkAsync(staged, new AuditBatch(AuditEntity, round.Id.ToString(), bodyId), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WorkflowRefusals.Stale();
        }

        db.ChangeTracker.Clear();
        return Outcome<QuarterCloseReport>.Ok(new QuarterCloseReport(
            bodyId, bodyCode, round.PackId, period.ToString(), sheets, evaluated, notEvaluated, open, recapped, created, updated, opened, !wasClosed));
    }

    private async Task<List<(Guid Id, Guid BodyId)>> RoundsAsync(Period quarter, string? packId, Guid? bodyId, CancellationToken ct)
    {
        var query = db.QuarterRounds.AsNoTracking().Where(r => r.Year == quarter.Year && r.Quarter == quarter.Quarter);
        if (packId is not null)
        {
            query = query.Where(r => r.PackId == packId);
        }

        if (bodyId is not null)
        {
            query = query.Where(r => r.StateBodyId == bodyId);
        }

        return (await query.Select(r => new { r.Id, r.StateBodyId }).ToListAsync(ct))
            .Select(r => (r.Id, r.StateBodyId))
            .OrderBy(r => r.StateBodyId)
            .ToList();
    }

    /// <summary>Each servant's unit at the quarter's end (the acquaintance task counts in completion by unit).</summary>
    private async Task<Dictionary<Guid, Guid?>> UnitsAsync(Guid bodyId, Period period, CancellationToken ct)
    {
        var held = await db.Appointments.AsNoTracking()
            .Where(a => a.From <= period.End && (a.To == null || a.To >= period.Start))
            .Join(db.Positions.Where(p => p.StateBodyId == bodyId), a => a.PositionId, p => p.Id, (a, p) => new { a.ServantId, a.From, p.UnitId })
            .ToListAsync(ct);
        return held.GroupBy(h => h.ServantId).ToDictionary(g => g.Key, g => (Guid?)g.OrderByDescending(h => h.From).First().UnitId);
    }

    internal static LocalizedText ResultText(PackVersion version, Period period, RatingSheet sheet)
    {
        var grade = version.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == sheet.FinalGrade)?.Title ?? new LocalizedText(sheet.FinalGrade ?? "", sheet.FinalGrade ?? "", sheet.FinalGrade ?? "");
        var score = sheet.FinalScore!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return new LocalizedText(
            $"{period} тоқсанының бағасы: {score} балл, «{grade.Kk}»",
            $"Оценка за квартал {period}: {score} балла, «{grade.Ru}»",
            $"Quarter {period} result: {score} points, '{grade.En}'");
    }

    private static Refusal NoRound(Period quarter) => Refusal.Of(
        "no-round",
        $"{quarter} тоқсанының бағалауы жоспарланбаған",
        $"Оценка за квартал {quarter} не запланирована",
        $"No evaluation is scheduled for quarter {quarter}");
}
