using Bagalau.Application.Accounts;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Workflow;

/// <summary>Builds the domain's <see cref="Actor"/> from the user's memberships in a body (one query).</summary>
public sealed class WorkflowActors(BagalauDbContext db)
{
    /// <summary>The user as an actor of the body, or null when they hold no role in it.</summary>
    public async Task<Actor?> InBodyAsync(string userId, Guid bodyId, CancellationToken ct = default)
    {
        var memberships = await db.BodyMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.StateBodyId == bodyId)
            .Select(m => new { m.Role, m.ServantId })
            .ToListAsync(ct);
        if (memberships.Count == 0)
        {
            return null;
        }

        return new Actor(
            userId,
            memberships.Select(m => m.ServantId).FirstOrDefault(s => s != null),
            memberships.Select(m => BodyMembership.RoleId(m.Role)).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>Saving a use case's changes: a stale version becomes a refusal, never an exception.</summary>
internal static class Saving
{
    /// <summary>Saves; a stale version becomes <c>concurrency-conflict</c> and nothing is written.</summary>
    public static async Task<Refusal?> SaveAsync(BagalauDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return WorkflowRefusals.Stale();
        }
    }
}
