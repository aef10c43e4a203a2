using Bagalau.Domain.Organisation;

namespace Bagalau.Application.Accounts;

/// <summary>Roles a user can hold in a state body.</summary>
public enum BodyRole
{
    Servant,
    Evaluator,
    Hr,
    HrHead,
    CommissionMember,
    AuthorizedPerson,
    Analyst,
    Administrator,
}

/// <summary>
/// "User U holds role R in body B" (one row per role), optionally saying which servant of the
/// body the user is. A user sees only the bodies they hold a role in.
/// </summary>
public sealed class BodyMembership
{
    private BodyMembership()
    {
        UserId = string.Empty;
    }

    public BodyMembership(string userId, Guid stateBodyId, BodyRole role, Guid? servantId = null)
    {
        Id = Guid.NewGuid();
        UserId = userId;
        StateBodyId = stateBodyId;
        Role = role;
        ServantId = servantId;
    }

    public Guid Id { get; private set; }

    public string UserId { get; private set; }

    public Guid StateBodyId { get; private set; }

    public BodyRole Role { get; private set; }

    /// <summary>The servant record of this user in the body, when the user is one of its servants.</summary>
    public Guid? ServantId { get; set; }

    /// <summary>Optimistic concurrency token (ADR 0011).</summary>
    public int Version { get; set; }

    public static string RoleId(BodyRole role) => KindIds.Id(role);

    public static bool TryParseRole(string? id, out BodyRole role) => KindIds.TryParse(id, out role);
}
