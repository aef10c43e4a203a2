using Bagalau.Application.Persistence;

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
}
