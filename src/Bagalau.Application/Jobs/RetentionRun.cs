using Bagalau.Application.Persistence;
using Bagalau.Application.Time;
using Bagalau.Domain.Evaluation2023;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Jobs;

/// <summary>What one retention run removed.</summary>
public sealed record RetentionRunResult(int ReadNotifications, int LinkTokens)
{
    public override string ToString() => $"read notifications deleted {ReadNotifications}, 360 link tokens erased {LinkTokens}";
}

/// <summary>
/// Removes what Bagalau no longer needs (<see cref="RetentionOptions"/>): read in-app
/// notifications past their retention, and the token hashes of 360 links that can never be used
/// again (used, or expired for the retention period). The invitation rows stay: they say who was
/// asked and who answered, which the round's counts need. Idempotent: a second run on the same
/// day finds nothing more to remove. Bulk statements, so it costs the same at national scale.
/// </summary>
public sealed class RetentionRun(BagalauDbContext db, RetentionOptions options)
{
    private const int Batch = 1000;

    public async Task<RetentionRunResult> ExecuteAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        var today = KazakhstanClock.Day(now);
        var readBefore = today.AddDays(-options.ReadNotificationDays);
        var notifications = await db.Notifications
            .Where(n => n.ReadOn != null && n.ReadOn < readBefore)
            .ExecuteDeleteAsync(ct);

        // Expiry is a DateTimeOffset, which SQLite cannot compare in SQL: the issued links'
        // (id, used, expiry) are streamed and the dead ones erased by id, in batches.
        var expiredBefore = now.AddDays(-options.ExpiredLinkDays);
        var dead = new List<Guid>();
        await foreach (var link in db.Set<Survey360Invitation>().AsNoTracking()
            .Where(i => i.TokenHash != string.Empty)
            .Select(i => new { i.Id, i.Used, i.ExpiresAt })
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (link.Used || (link.ExpiresAt is { } expires && expires < expiredBefore))
            {
                dead.Add(link.Id);
            }
        }

        var erased = 0;
        foreach (var chunk in dead.Chunk(Batch))
        {
            erased += await db.Set<Survey360Invitation>()
                .Where(i => chunk.Contains(i.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.TokenHash, string.Empty), ct);
        }

        return new RetentionRunResult(notifications, erased);
    }
}
