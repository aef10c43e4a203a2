using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;
using DecisionSanction = Bagalau.Domain.Decisions.Sanction;

namespace Bagalau.Application.Demo;

/// <summary>What the year of quarterly sheets of one generated body gave.</summary>
public sealed record GeneratedQuarters(int Rounds, int Sheets, int Submitted);

/// <summary>
/// A year of filled quarterly sheets for a generated body (the benchmark dataset): the four rounds of
/// a 2023-family pack scheduled and approved, each servant's sheet created through the engine
/// (eligibility, nhrc 16 / oskemen 31-32 assignment) and, where there is an evaluator, signed with
/// deterministic scores (the engine's quarter-score, sanctions capping). Rounds stay approved:
/// closing them is the quarter close being measured. Written with the bulk path quarter by
/// quarter, so one body's quarter is the most held in memory.
/// </summary>
public sealed class QuarterSheetsGenerator(BagalauDbContext db, PackCatalog packs)
{
    public async Task<GeneratedQuarters> GenerateAsync(Guid bodyId, string packId, int year, int seed, CancellationToken ct = default)
    {
        var pack = packs.Catalogue.Find(packId) ?? throw new ArgumentException($"unknown pack '{packId}'", nameof(packId));
        var sanctions = (await db.Sanctions.AsNoTracking().Where(s => s.StateBodyId == bodyId).Select(s => new { s.ServantId, s.Kind, s.Applied }).ToListAsync(ct))
            .GroupBy(s => s.ServantId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<DecisionSanction>)g.Select(s => new DecisionSanction(KindIds.Id(s.Kind), s.Applied)).ToList());
        int rounds = 0, sheets = 0, submitted = 0;
        for (var q = 1; q <= 4; q++)
        {
            var (created, signed) = await RoundAsync(bodyId, pack, Period.OfQuarter(year, q), seed, sanctions, sign: true, ct);
            rounds++;
            sheets += created;
            submitted += signed;
        }

        return new GeneratedQuarters(rounds, sheets, submitted);
    }

    /// <summary>
    /// A quarter in progress: the round approved and every sheet created, none signed (the
    /// evaluators are filling them in). The bench saves drafts on these sheets.
    /// </summary>
    public async Task<GeneratedQuarters> OpenRoundAsync(Guid bodyId, string packId, Period quarter, CancellationToken ct = default)
    {
        var pack = packs.Catalogue.Find(packId) ?? throw new ArgumentException($"unknown pack '{packId}'", nameof(packId));
        var (sheets, _) = await RoundAsync(bodyId, pack, quarter, 0, new Dictionary<Guid, IReadOnlyList<DecisionSanction>>(), sign: false, ct);
        return new GeneratedQuarters(1, sheets, 0);
    }

    private async Task<(int Sheets, int Submitted)> RoundAsync(
        Guid bodyId, Pack pack, Period period, int seed, Dictionary<Guid, IReadOnlyList<DecisionSanction>> sanctions, bool sign, CancellationToken ct)
    {
        var hr = Actor.WithRoles("demo generate", null, Actor.Hr, Actor.AuthorizedPerson);
        var q = period.Quarter;
        int sheets = 0, submitted = 0;
        var evaluationDay = period.End.AddDays(5);
        var scheduled = QuarterRound.Schedule(bodyId, pack, period, evaluationDay, packs.Catalogue.Calendar, hr);
        if (scheduled.IsRefused)
        {
            throw new InvalidOperationException($"{pack.Id} {period}: {scheduled.Refusal}");
        }

        var round = scheduled.Value!;
        round.Approve(hr, evaluationDay);
        db.QuarterRounds.Add(round);
        var version = round.VersionIn(pack);
        var org = await OrgSnapshot.LoadAsync(db, bodyId, period, ct);
        // oskemen 3: the head of the apparatus is evaluated by KTIs, not on a sheet.
        foreach (var servant in org.ServantsInPeriod().Where(s => !KtiMethodRule.EvaluatedByKti(version, org.AssignmentOf(s).Category)))
        {
            var eligibility = EligibilityDecision.Decide(version, org.EligibilityOf(servant, evaluationDay), packs.Catalogue.Calendar);
            var assignment = eligibility.Answer is { Evaluate: not "no" } ? SheetAssignmentRule.Assign(version, org.AssignmentOf(servant)) : null;
            var created = RatingSheet.Create(round, servant.Id, eligibility, assignment);
            if (created.Value is not { } sheet)
            {
                continue;
            }

            db.RatingSheets.Add(sheet);
            sheets++;
            if (sign && sheet.State == SheetState.Open && sheet.EvaluatorId is { } evaluator && version.Rules.Form(sheet.FormId) is { } form && version.Rules.QuarterScore is { } scale)
            {
                // Mostly good work: scores from the upper half of the scale, whole points; the same
                // seed, servant (IIN) and quarter always give the same scores.
                var random = new Random(unchecked((seed * 1_000_003) + int.Parse(servant.Iin.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture) + q));
                var low = (int)Math.Ceiling((scale.ScaleMin + scale.ScaleMax) / 2);
                var scores = form.Parameters.ToDictionary(p => p.Id, _ => (decimal)random.Next(low, (int)scale.ScaleMax + 1), StringComparer.Ordinal);
                var refusal = sheet.Submit(version, period, new Actor("evaluator", evaluator), scores, new Dictionary<string, string?>(), sanctions.GetValueOrDefault(servant.Id) ?? [], evaluationDay);
                submitted += refusal is null ? 1 : 0;
            }
        }

        await db.SaveChangesInBulkAsync(ct);
        db.ChangeTracker.Clear();
        return (sheets, submitted);
    }
}
