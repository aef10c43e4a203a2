using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2018;

/// <summary>
/// The Commission's working body (clause 5): the HR service, or what the pack's hr role names
/// as the working body (sjc-apparatus: the Administrative Department of the apparatus). It
/// takes HR's steps of the cycle: the schedule, the sheets to the Commission, the protocol.
/// </summary>
public sealed record WorkingBody(LocalizedText Title, string? Clause, bool FromPack)
{
    private static readonly LocalizedText Hr = new("Персоналды басқару қызметі", "Служба управления персоналом", "HR service");

    public static WorkingBody Of(PackVersion version)
    {
        var role = version.Rules.Roles.FirstOrDefault(r => r.Id == "hr" && r.WorkingBody)
            ?? version.Rules.Roles.FirstOrDefault(r => r.WorkingBody);
        return role is null ? new WorkingBody(Hr, null, false) : new WorkingBody(role.Title, role.Clause, true);
    }
}
