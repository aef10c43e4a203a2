using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Audit;

/// <summary>Reading, verifying and (for reads of results) writing the audit log.</summary>
public sealed class AuditLog(BagalauDbContext db)
{
    private const int VerifyBatch = 2000;

    /// <summary>
    /// Appends a record saying the current actor read <paramref name="entity"/> <paramref name="key"/>
    /// (e.g. an evaluation result), together with any other pending change of the context.
    /// </summary>
    public async Task RecordReadAsync(string entity, string key, Guid? stateBodyId, CancellationToken ct = default)
    {
        db.QueueRead(new AuditEntry("read", entity, key, stateBodyId, null, null));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Newest first, optionally of one body only.</summary>
    public Task<Page<AuditRecord>> ListAsync(Guid? stateBodyId, PageRequest page, CancellationToken ct = default)
    {
        var query = db.AuditRecords.AsNoTracking();
        if (stateBodyId is { } body)
        {
            query = query.Where(r => r.StateBodyId == body);
        }

        return query.OrderByDescending(r => r.Sequence).ToPageAsync(page, ct);
    }

    /// <summary>
    /// Walks the whole chain in order and reports the first record whose sequence, link or hash
    /// is wrong. Reads in batches, so it runs in constant memory on any size of log.
    /// </summary>
    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => VerifyAsync(VerifyBatch, ct);

    internal async Task<AuditVerification> VerifyAsync(int batchSize, CancellationToken ct)
    {
        long expected = 1;
        var previous = AuditChain.GenesisHash;
        while (true)
        {
            var from = expected;
            var batch = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Sequence >= from)
                .OrderBy(r => r.Sequence)
                .Take(batchSize)
                .ToListAsync(ct);
            foreach (var record in batch)
            {
                if (record.Sequence != expected)
                {
                    return AuditVerification.Broken(expected - 1, expected, "missing", $"record {expected} is missing (next is {record.Sequence})");
                }

                if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
                {
                    return AuditVerification.Broken(expected - 1, expected, "link", $"record {expected} does not point to the hash of record {expected - 1}");
                }

                if (!string.Equals(AuditChain.HashOf(record), record.Hash, StringComparison.Ordinal))
                {
                    return AuditVerification.Broken(expected - 1, expected, "hash", $"record {expected} was altered: its content does not match its hash");
                }

                previous = record.Hash;
                expected++;
            }

            if (batch.Count < batchSize)
            {
                return AuditVerification.Intact(expected - 1);
            }
        }
    }
}

/// <summary>Outcome of <see cref="AuditLog.VerifyAsync"/>.</summary>
public sealed record AuditVerification(bool IsIntact, long VerifiedRecords, long? BrokenSequence, string? Reason, string Message)
{
    public static AuditVerification Intact(long count) =>
        new(true, count, null, null, $"audit chain intact: {count} records");

    public static AuditVerification Broken(long verified, long sequence, string reason, string detail) =>
        new(false, verified, sequence, reason, $"audit chain broken at record {sequence}: {detail}");
}
