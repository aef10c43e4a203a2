using Bagalau.Application.Accounts;
using Bagalau.Web.Bodies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Bagalau.Web.Security;

/// <summary>
/// Authorization per state body: the body comes from the route (`bodyId`), the roles from the
/// user's memberships there. A user who is not a member of the body gets 404 (the body's
/// existence is not revealed); a member without the role gets 403.
/// </summary>
public static class BodyPolicies
{
    /// <summary>Any role in the body: its home page.</summary>
    public const string Member = "body:member";

    /// <summary>Reading the organisation (units, positions, servants and their records).</summary>
    public const string ReadOrganisation = "body:read-organisation";

    /// <summary>Changing the organisation, import and export.</summary>
    public const string EditOrganisation = "body:edit-organisation";

    /// <summary>The body's audit log.</summary>
    public const string Administer = "body:administer";

    public static readonly IReadOnlyList<BodyRole> Editors = [BodyRole.Hr, BodyRole.HrHead, BodyRole.Administrator];

    public static readonly IReadOnlyList<BodyRole> Readers = [.. Editors, BodyRole.AuthorizedPerson];

    public static readonly IReadOnlyList<BodyRole> Administrators = [BodyRole.Administrator];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Member, p => p.RequireAuthenticatedUser().AddRequirements(new BodyRoleRequirement([])));
        options.AddPolicy(ReadOrganisation, p => p.RequireAuthenticatedUser().AddRequirements(new BodyRoleRequirement(Readers)));
        options.AddPolicy(EditOrganisation, p => p.RequireAuthenticatedUser().AddRequirements(new BodyRoleRequirement(Editors)));
        options.AddPolicy(Administer, p => p.RequireAuthenticatedUser().AddRequirements(new BodyRoleRequirement(Administrators)));
    }

    public static bool Allows(IReadOnlySet<BodyRole> held, string policy) => policy switch
    {
        Member => held.Count > 0,
        ReadOrganisation => Readers.Any(held.Contains),
        EditOrganisation => Editors.Any(held.Contains),
        Administer => Administrators.Any(held.Contains),
        _ => false,
    };
}

/// <summary>The user holds one of <see cref="Roles"/> in the route's body (any role when empty).</summary>
public sealed record BodyRoleRequirement(IReadOnlyList<BodyRole> Roles) : IAuthorizationRequirement;

public sealed class BodyRoleHandler(BodyContext bodies) : AuthorizationHandler<BodyRoleRequirement>
{
    public const string NotMember = "not-a-member-of-the-body";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, BodyRoleRequirement requirement)
    {
        if (bodies.RouteBodyId is not { } bodyId)
        {
            context.Fail(new AuthorizationFailureReason(this, NotMember));
            return;
        }

        var held = await bodies.RolesInAsync(bodyId);
        if (held.Count == 0)
        {
            context.Fail(new AuthorizationFailureReason(this, NotMember));
        }
        else if (requirement.Roles.Count == 0 || requirement.Roles.Any(held.Contains))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Turns "forbidden because not a member of the body" into 404.</summary>
public sealed class BodyAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == BodyRoleHandler.NotMember) == true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
