using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;

namespace Bagalau.Application.Workflow;

/// <summary>One item a bulk action refused: whose it is (the servant's name) and the refusal of its use case.</summary>
public sealed record BulkRefused(Guid Id, string Name, Refusal Refusal);

/// <summary>What a bulk action did: how many items were done, and every refused item with its refusal.</summary>
public sealed record BulkReport(int Done, IReadOnlyList<BulkRefused> Refused)
{
    public int Total => Done + Refused.Count;
}

/// <summary>
/// Runs one single-item use case over many items, one after the other: each item is the use
/// case's own load, rules, audit and save, so a refused item keeps nothing of its own and undoes
/// nothing of the others. What a refused item staged is forgotten before the next one runs.
/// </summary>
public sealed class BulkRun(UnitOfWork work)
{
    public async Task<BulkReport> EachAsync<T>(IEnumerable<T> items, Func<T, Guid> id, Func<T, string> name, Func<T, Task<Outcome>> step, CancellationToken ct)
    {
        var done = 0;
        var refused = new List<BulkRefused>();
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            var outcome = await step(item);
            work.DiscardChanges();
            if (outcome.Refusal is { } refusal)
            {
                refused.Add(new BulkRefused(id(item), name(item), refusal));
            }
            else
            {
                done++;
            }
        }

        return new BulkReport(done, refused);
    }

    /// <summary>The same for a use case that answers with a value; <paramref name="done"/> receives it.</summary>
    public Task<BulkReport> EachAsync<T, TValue>(IEnumerable<T> items, Func<T, Guid> id, Func<T, string> name, Func<T, Task<Outcome<TValue>>> step, Action<T, TValue> done, CancellationToken ct) =>
        EachAsync(items, id, name, async item =>
        {
            var outcome = await step(item);
            if (outcome.Refusal is { } refusal)
            {
                return refusal;
            }

            done(item, outcome.Value!);
            return Outcome.Done;
        }, ct);
}
