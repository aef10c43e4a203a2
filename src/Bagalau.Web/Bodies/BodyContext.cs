using Bagalau.Application.Accounts;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Bagalau.Web.Bodies;

/// <summary>
/// The state bodies of the signed-in user and their roles there, read once per request and
/// shared by the authorization handler, the layout (body switcher) and the pages.
/// </summary>
public sealed class BodyContext(IHttpContextAccessor http, BodyAccess access, UserManager<BagalauUser> users)
{
    public const string RouteKey = "bodyId";

    private readonly Dictionary<Guid, IReadOnlySet<BodyRole>> roles = [];
    private IReadOnlyList<StateBody>? bodies;

    public string? UserId => http.HttpContext?.User is { Identity.IsAuthenticated: true } user ? users.GetUserId(user) : null;

    /// <summary>The body named by the route (`bodyId`), whether or not the user may see it.</summary>
    public Guid? RouteBodyId =>
        http.HttpContext?.GetRouteValue(RouteKey) is { } value && Guid.TryParse(value.ToString(), out var id) ? id : null;

    public async Task<IReadOnlyList<StateBody>> VisibleBodiesAsync(CancellationToken ct = default) =>
        bodies ??= UserId is { } user ? await access.VisibleBodiesAsync(user, ct) : [];

    /// <summary>The user's roles in a body; empty when the user is not a member.</summary>
    public async Task<IReadOnlySet<BodyRole>> RolesInAsync(Guid bodyId, CancellationToken ct = default)
    {
        if (roles.TryGetValue(bodyId, out var cached))
        {
            return cached;
        }

        var found = UserId is { } user ? await access.RolesInAsync(user, bodyId, ct) : new HashSet<BodyRole>();
        roles[bodyId] = found;
        return found;
    }

    /// <summary>The body of the route when the user is a member of it, else null.</summary>
    public async Task<StateBody?> CurrentBodyAsync(CancellationToken ct = default) =>
        RouteBodyId is { } id ? (await VisibleBodiesAsync(ct)).FirstOrDefault(b => b.Id == id) : null;
}
