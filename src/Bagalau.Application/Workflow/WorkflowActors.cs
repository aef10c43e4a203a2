using Bagalau.Application.Accounts;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
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

    /// <summary>
    /// A record of the body that only HR may work with: not-found when the user holds no role in
    /// the body or the record is not the body's, not-allowed to <paramref name="action"/> for anyone but HR.
    /// </summary>
    public async Task<Outcome<Opened<T>>> OpenForHrAsync<T>(IQueryable<T> records, Guid id, Guid bodyId, string userId, LocalizedText action, CancellationToken ct)
        where T : OrganisationEntity
    {
        var actor = await InBodyAsync(userId, bodyId, ct);
        var record = actor is null ? null : await records.FirstOrDefaultAsync(r => r.Id == id && r.StateBodyId == bodyId, ct);
        if (actor is null || record is null)
        {
            return WorkflowRefusals.NotFound();
        }

        return actor.IsHr ? new Opened<T>(actor, record) : WorkflowRefusals.NotAllowed(action, ActorNames.Hr);
    }
}
