using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore.Storage;

namespace Bagalau.Application.Workflow;

/// <summary>
/// The request's unit of work, for the edges that must not hold the context: after a refused
/// step the page reloads its record, and what the refused step changed in memory must not show
/// (nor be saved by a later step of the same request).
/// </summary>
public sealed class UnitOfWork(BagalauDbContext db)
{
    /// <summary>Forgets every change not saved yet and every record read so far in this request.</summary>
    public void DiscardChanges() => db.ChangeTracker.Clear();

    /// <summary>
    /// Starts a transaction on the request's context, for the pages that still run two use cases
    /// as one (save, then submit or sign): a refusal of the second rolls back the first. Such a
    /// pair belongs in one use case; until then this is the only way an edge starts one.
    /// </summary>
    public Task<IDbContextTransaction> BeginAsync(CancellationToken ct) => db.Database.BeginTransactionAsync(ct);
}
