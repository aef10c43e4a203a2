using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

/// <summary>
/// What the quarter pages show beside the sheets the use cases already gave them: the round of
/// each sheet, and the version each form posts back. The callers pass sheets and rounds they
/// opened through <see cref="RatingSheetService"/>, which checked the user's access.
/// </summary>
public sealed class RatingSheetReads(BagalauDbContext db)
{
    /// <summary>The round of each sheet, by sheet id (one query for the list).</summary>
    public async Task<IReadOnlyDictionary<Guid, QuarterRound>> RoundsOfAsync(IReadOnlyCollection<Guid> sheetIds, CancellationToken ct) =>
        (await db.RatingSheets.AsNoTracking().Where(s => sheetIds.Contains(s.Id))
            .Join(db.QuarterRounds.AsNoTracking(), s => s.RoundId, r => r.Id, (s, r) => new { s.Id, Round = r })
            .ToListAsync(ct))
        .ToDictionary(x => x.Id, x => x.Round);

    /// <summary>The version of every sheet of the round, by sheet id.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> VersionsAsync(Guid roundId, CancellationToken ct) =>
        await db.RatingSheets.AsNoTracking().Where(s => s.RoundId == roundId)
            .Select(s => new { s.Id, s.Version })
            .ToDictionaryAsync(s => s.Id, s => s.Version, ct);
}
