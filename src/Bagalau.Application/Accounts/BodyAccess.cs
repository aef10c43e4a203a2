using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Accounts;

/// <summary>
/// Tenant scoping: which bodies a user may see and with which roles. The web layer resolves the
/// user's bodies once per request and filters every query with <see cref="BodyScopeExtensions.InBodies{T}"/>.
/// </summary>
public sealed class BodyAccess(BagalauDbContext db)
{
    /// <summary>Ids of the bodies the user holds any role in.</summary>
    public async Task<IReadOnlyList<Guid>> BodiesOfAsync(string userId, CancellationToken ct = default) =>
        await db.BodyMemberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => m.StateBodyId)
            .Distinct()
            .ToListAsync(ct);

    /// <summary>The bodies the user belongs to, ordered by code.</summary>
    public async Task<IReadOnlyList<StateBody>> VisibleBodiesAsync(string userId, CancellationToken ct = default)
    {
        var ids = db.BodyMemberships.Where(m => m.UserId == userId).Select(m => m.StateBodyId);
        return await db.StateBodies.AsNoTracking().Where(b => ids.Contains(b.Id)).OrderBy(b => b.Code).ToListAsync(ct);
    }

    /// <summary>The user's roles in one body (empty when not a member: treat as "not found").</summary>
    public async Task<IReadOnlySet<BodyRole>> RolesInAsync(string userId, Guid stateBodyId, CancellationToken ct = default) =>
        (await db.BodyMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.StateBodyId == stateBodyId)
            .Select(m => m.Role)
            .ToListAsync(ct)).ToHashSet();

    /// <summary>The user's roles in every body they belong to, by body (one query for the list of bodies).</summary>
    public async Task<ILookup<Guid, BodyRole>> RolesByBodyAsync(string userId, CancellationToken ct) =>
        (await db.BodyMemberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new { m.StateBodyId, m.Role })
            .ToListAsync(ct)).ToLookup(m => m.StateBodyId, m => m.Role);

    public async Task<bool> IsMemberAsync(string userId, Guid stateBodyId, CancellationToken ct = default) =>
        await db.BodyMemberships.AnyAsync(m => m.UserId == userId && m.StateBodyId == stateBodyId, ct);

    /// <summary>Whether the user holds at least one of <paramref name="roles"/> in the body.</summary>
    public async Task<bool> HasAnyRoleAsync(string userId, Guid stateBodyId, IReadOnlyCollection<BodyRole> roles, CancellationToken ct = default) =>
        await db.BodyMemberships.AnyAsync(m => m.UserId == userId && m.StateBodyId == stateBodyId && roles.Contains(m.Role), ct);

    /// <summary>The servant record of the user in the body, if linked.</summary>
    public async Task<Guid?> ServantOfAsync(string userId, Guid stateBodyId, CancellationToken ct = default) =>
        await db.BodyMemberships.AsNoTracking()
            .Where(m => m.UserId == userId && m.StateBodyId == stateBodyId && m.ServantId != null)
            .Select(m => m.ServantId)
            .FirstOrDefaultAsync(ct);
}

/// <summary>Query filters for tenant scoping.</summary>
public static class BodyScopeExtensions
{
    /// <summary>Only rows of the given bodies (e.g. those from <see cref="BodyAccess.BodiesOfAsync"/>).</summary>
    public static IQueryable<T> InBodies<T>(this IQueryable<T> query, IReadOnlyCollection<Guid> bodyIds)
        where T : OrganisationEntity => query.Where(e => bodyIds.Contains(e.StateBodyId));

    /// <summary>Only rows of one body.</summary>
    public static IQueryable<T> InBody<T>(this IQueryable<T> query, Guid bodyId)
        where T : OrganisationEntity => query.Where(e => e.StateBodyId == bodyId);
}
