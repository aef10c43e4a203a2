using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Audit;

/// <summary>
/// The hash chain (ADR 0010). Appends run inside the saving transaction after taking the chain
/// lock, so two writers can never both extend the same tail: on PostgreSQL a transaction-level
/// advisory lock, on SQLite the write lock that EF's BEGIN IMMEDIATE transaction already holds.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    // Any fixed number works: it names the advisory lock that serialises appends on PostgreSQL.
    private const string AdvisoryLockSql = "SELECT pg_advisory_xact_lock(7089063453573821697)";

    internal static async Task<List<AuditRecord>> AppendAsync(BagalauDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var records = Chain(await LinkAsync(db, ct), entries);
        db.AuditRecords.AddRange(records);
        return records;
    }

    /// <summary>
    /// Starts an untracked extension of the chain for a save that writes its records itself in
    /// batches (the bulk path): takes the chain lock and reads the tail, like <see cref="AppendAsync"/>.
    /// </summary>
    internal static async Task<AuditChainLink> LinkAsync(BagalauDbContext db, CancellationToken ct)
    {
        if (db.IsPostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync(AdvisoryLockSql, ct);
        }

        var tail = await db.AuditRecords.AsNoTracking()
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash })
            .FirstOrDefaultAsync(ct);
        var now = db.Clock.GetUtcNow();
        var at = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        return new AuditChainLink(tail?.Sequence ?? 0, tail?.Hash ?? GenesisHash, at, db.Actor.Name);
    }

    /// <summary>Chains the next records after <paramref name="link"/>'s tail, without tracking them.</summary>
    internal static List<AuditRecord> Chain(AuditChainLink link, IReadOnlyList<AuditEntry> entries)
    {
        var records = new List<AuditRecord>(entries.Count);
        foreach (var e in entries)
        {
            link.Sequence++;
            var hash = HashOf(link.Sequence, link.At, link.Actor, e.Action, e.Entity, e.EntityKey, e.StateBodyId, e.Before, e.After, link.Previous);
            records.Add(new AuditRecord
            {
                Sequence = link.Sequence,
                At = link.At,
                Actor = link.Actor,
                Action = e.Action,
                Entity = e.Entity,
                EntityKey = e.EntityKey,
                StateBodyId = e.StateBodyId,
                Before = e.Before,
                After = e.After,
                PreviousHash = link.Previous,
                Hash = hash,
            });
            link.Previous = hash;
        }

        return records;
    }

    /// <summary>The hash a record must have: SHA-256 (lower-case hex) of its canonical form.</summary>
    public static string HashOf(AuditRecord r) =>
        HashOf(r.Sequence, r.At, r.Actor, r.Action, r.Entity, r.EntityKey, r.StateBodyId, r.Before, r.After, r.PreviousHash);

    /// <summary>
    /// Canonical form: each field as "length:text\n" (null as "-\n"), in a fixed order, so no
    /// two different records serialise alike.
    /// </summary>
    private static string HashOf(
        long sequence, DateTimeOffset at, string actor, string action, string entity, string key, Guid? body, string? before, string? after, string previous)
    {
        var text = new StringBuilder(256);
        foreach (var field in new[]
                 {
                     sequence.ToString(CultureInfo.InvariantCulture),
                     at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                     actor, action, entity, key,
                     body?.ToString("D", CultureInfo.InvariantCulture),
                     before, after, previous,
                 })
        {
            if (field is null)
            {
                text.Append("-\n");
            }
            else
            {
                text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>The tail of the chain as a batched save extends it: last sequence and hash, and the save's time and actor.</summary>
internal sealed class AuditChainLink(long sequence, string previous, DateTimeOffset at, string actor)
{
    public long Sequence { get; set; } = sequence;

    public string Previous { get; set; } = previous;

    public DateTimeOffset At { get; } = at;

    public string Actor { get; } = actor;
}
