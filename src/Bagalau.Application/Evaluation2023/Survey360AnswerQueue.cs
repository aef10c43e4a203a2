using System.Security.Cryptography;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

/// <summary>
/// Group commit of 360 answers (ADR 0014). A commit costs one sync of the database's
/// log whatever it holds, so answers arriving together are written together: the first waiting
/// request writes everyone's in one save that spends the links (audited) and stores the answers
/// (anonymous, no audit record), then hands the next batch to the first request that arrived
/// meanwhile. One writer at a time also keeps SQLite's single writer from being fought over.
/// </summary>
public sealed class Survey360AnswerQueue(TimeProvider clock)
{
    /// <summary>The most answers one save holds; the rest wait for the next batch.</summary>
    internal const int MaxBatch = 128;

    private readonly Lock _lock = new();
    private readonly List<Pending> _waiting = [];
    private bool _writing;
    private long _batches;
    private long _answers;

    /// <summary>Batches written by this process (each one save), for the bench and the logs.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Answers stored by this process.</summary>
    public long Answers => Interlocked.Read(ref _answers);

    /// <summary>True while a batch is being written.</summary>
    internal bool Writing
    {
        get
        {
            lock (_lock)
            {
                return _writing;
            }
        }
    }

    /// <summary>Answers waiting for the batch being written to finish.</summary>
    internal int Waiting
    {
        get
        {
            lock (_lock)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>
    /// Spends the link <paramref name="invitationId"/> and stores <paramref name="reply"/>, together
    /// with the answers of concurrent requests; null when stored, else why the link was refused
    /// (already used, also by a request of the same batch, or expired meanwhile).
    /// </summary>
    public async Task<Refusal?> AnswerAsync(BagalauDbContext db, Guid invitationId, Survey360Reply reply)
    {
        var pending = new Pending(invitationId, reply);
        bool lead;
        lock (_lock)
        {
            _waiting.Add(pending);
            lead = !_writing;
            _writing = true;
        }

        if (lead || await Task.WhenAny(pending.Result.Task, pending.Lead.Task) == pending.Lead.Task)
        {
            await WriteNextBatchAsync(db);
        }

        return await pending.Result.Task;
    }

    /// <summary>Writes the waiting answers (at most <see cref="MaxBatch"/>, the leader's among them), then hands over.</summary>
    private async Task WriteNextBatchAsync(BagalauDbContext db)
    {
        List<Pending> batch;
        lock (_lock)
        {
            batch = _waiting.Take(MaxBatch).ToList();
            _waiting.RemoveRange(0, batch.Count);
        }

        try
        {
            await WriteAsync(db, batch);
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(e);
            }
        }
        finally
        {
            lock (_lock)
            {
                if (_waiting.Count > 0)
                {
                    _waiting[0].Lead.TrySetResult();
                }
                else
                {
                    _writing = false;
                }
            }
        }
    }

    private async Task WriteAsync(BagalauDbContext db, List<Pending> batch)
    {
        // The batch is written for everyone in it: no single request's cancellation stops it.
        db.ChangeTracker.Clear();
        var ids = batch.Select(p => p.InvitationId).Distinct().ToList();
        var invitations = await db.Set<Survey360Invitation>().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id);
        var now = clock.GetUtcNow();
        var spent = new List<Pending>();
        foreach (var pending in batch)
        {
            // A second answer by the same link in the same batch finds it used by the first.
            if (invitations[pending.InvitationId].MarkUsed(now) is { } refusal)
            {
                pending.Result.TrySetResult(refusal);
            }
            else
            {
                spent.Add(pending);
            }
        }

        if (spent.Count == 0)
        {
            return;
        }

        // One save spends the links (each with its audit record) and stores the answers (no
        // audit record: they are anonymous), so a batch costs one commit, one sync of the log.
        // The bulk path: EF's per-row bookkeeping was most of a batch's cost (the profile in docs/benchmarks.md);
        // the updates keep their concurrency check.
        try
        {
            AddShuffled(db, spent);
            await db.SaveChangesInBulkAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node spent one of these links at the same moment; nothing of the batch was
            // written: spend them one by one, then store the answers of those spent here.
            db.ChangeTracker.Clear();
            spent = await SpendOneByOneAsync(db, spent, now);
            db.ChangeTracker.Clear();
            AddShuffled(db, spent);
            await db.SaveChangesInBulkAsync();
        }

        db.ChangeTracker.Clear();
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _answers, spent.Count);
        foreach (var pending in spent)
        {
            pending.Result.TrySetResult(null);
        }
    }

    /// <summary>Stages the answers in a random order: nothing in the table follows the order the links were spent in.</summary>
    private static void AddShuffled(BagalauDbContext db, List<Pending> spent)
    {
        var replies = spent.Select(p => p.Reply).ToArray();
        RandomNumberGenerator.Shuffle(replies.AsSpan());
        db.Survey360Replies.AddRange(replies);
    }

    private static async Task<List<Pending>> SpendOneByOneAsync(BagalauDbContext db, List<Pending> batch, DateTimeOffset now)
    {
        var spent = new List<Pending>();
        foreach (var pending in batch)
        {
            var invitation = await db.Set<Survey360Invitation>().FirstAsync(i => i.Id == pending.InvitationId);
            var refusal = invitation.MarkUsed(now) ?? await WorkflowSteps.SaveAsync(db, CancellationToken.None);
            db.ChangeTracker.Clear();
            if (refusal is null)
            {
                spent.Add(pending);
            }
            else
            {
                pending.Result.TrySetResult(refusal.Code == WorkflowRefusals.Stale().Code ? Survey360Invitation.UsedRefusal : refusal);
            }
        }

        return spent;
    }

    private sealed class Pending(Guid invitationId, Survey360Reply reply)
    {
        public Guid InvitationId { get; } = invitationId;

        public Survey360Reply Reply { get; } = reply;

        public TaskCompletionSource<Refusal?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when this request is to write the next batch.</summary>
        public TaskCompletionSource Lead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
