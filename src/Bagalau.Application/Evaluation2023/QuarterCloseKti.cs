using Bagalau.Application.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

/// <summary>What the close did for the heads evaluated by KTIs (added to the round's report).</summary>
internal sealed record KtiCloseCounts(int Evaluated, int Created, int Updated, int Opened, Refusal? Refusal);

public sealed partial class QuarterCloseService
{
    /// <summary>The acquaintance subject of a head's quarter result: the scored KTI plan.</summary>
    public const string KtiAcquaintanceSubject = "kti-plan";

    /// <summary>
    /// The close for servants evaluated by KTIs (oskemen 3, 2.4; no rating sheet): the round's
    /// scored plans are their quarter results (the engine's kti-score kept on the plan), the
    /// annual score comes from the year's scored plans (oskemen 4, quarters without one left
    /// out: <see cref="KtiQuarterResults"/>, the same rule as the annual view) and the head is
    /// acquainted with the plan's result. A servant who also has a sheet in the round is left
    /// to the sheet path, so a servant never gets two annual results.
    /// </summary>
    private async Task<KtiCloseCounts> CloseKtiHeadsAsync(
        QuarterRound round, PackVersion version, PackVersion annualVersion, Dictionary<Guid, AnnualResult> annuals,
        HashSet<Guid> withSheets, Dictionary<Guid, Guid?> units, DateOnly today, List<object> staged, CancellationToken ct)
    {
        var yearScores = await KtiQuarterResults.ScoredAsync(db, round.StateBodyId, round.PackId, round.Year, null, ct);
        if (yearScores.Count == 0)
        {
            return new KtiCloseCounts(0, 0, 0, 0, null);
        }

        var roundPlans = await db.KtiPlans.AsNoTracking()
            .Where(p => p.RoundId == round.Id && p.State == KtiPlanState.Scored && p.Score != null)
            .ToDictionaryAsync(p => p.ServantId, ct);
        var planIds = roundPlans.Values.Select(p => p.Id).ToList();
        var acquainted = (await db.Acquaintances.AsNoTracking()
            .Where(a => a.StateBodyId == round.StateBodyId && a.SubjectType == KtiAcquaintanceSubject && planIds.Contains(a.SubjectId))
            .Select(a => a.SubjectId)
            .ToListAsync(ct)).ToHashSet();
        var opensAcquaintance = version.Rules.Deadlines.ContainsKey("acquaint");
        int evaluated = 0, created = 0, updated = 0, opened = 0;
        foreach (var (servantId, scores) in yearScores.Where(h => !withSheets.Contains(h.Key)).OrderBy(h => h.Key))
        {
            if (roundPlans.TryGetValue(servantId, out var plan))
            {
                evaluated++;
                if (opensAcquaintance && !acquainted.Contains(plan.Id))
                {
                    // The deadline of the round's version (the quarter's), as for the sheets.
                    var acquaintance = AcquaintanceService.Staged(
                        round.StateBodyId, servantId, KtiAcquaintanceSubject, plan.Id, KtiResultText(version, round.Period, plan), today,
                        acquaintances.Deadline(version, today), round.Id, units.GetValueOrDefault(servantId));
                    if (acquaintance.IsRefused)
                    {
                        return new KtiCloseCounts(0, 0, 0, 0, acquaintance.Refusal);
                    }

                    staged.AddRange(acquaintance.Value!.Rows);
                    opened++;
                }
            }

            var quarters = Enumerable.Range(1, 4).ToDictionary(q => q, q => scores.TryGetValue(q, out var score) ? (decimal?)score : null);
            var annual = AnnualScoreDecision.Decide(annualVersion, round.Year, quarters);
            if (annual.IsRefused)
            {
                return new KtiCloseCounts(0, 0, 0, 0, annual.Refusal);
            }

            if (annuals.TryGetValue(servantId, out var kept))
            {
                updated += kept.Update(annual, quarters, today) ? 1 : 0;
            }
            else
            {
                staged.Add(AnnualResult.Record(round.StateBodyId, servantId, round.PackId, round.Year, annual, quarters, today));
                created++;
            }
        }

        return new KtiCloseCounts(evaluated, created, updated, opened, null);
    }

    private static LocalizedText KtiResultText(PackVersion version, Period period, KtiPlan plan)
    {
        var grade = version.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == plan.Grade)?.Title ?? new LocalizedText(plan.Grade ?? "", plan.Grade ?? "", plan.Grade ?? "");
        var score = plan.Score!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        return new LocalizedText(
            $"{period} тоқсанының ТНИ бағасы: {score} балл, «{grade.Kk}»",
            $"Оценка КЦИ за квартал {period}: {score} балла, «{grade.Ru}»",
            $"Quarter {period} KTI result: {score} points, '{grade.En}'");
    }
}
