namespace Bagalau.Domain.Organisation;

/// <summary>What a position is besides its category: whether it heads a unit, and which kind.</summary>
public enum PositionQualifier
{
    None,
    UnitHead,
    DeputyDirector,
    DivisionHead,
}

/// <summary>Kinds of absence that matter for evaluation periods (glossary: leave, trip, internship, training).</summary>
public enum AbsenceKind
{
    Leave,
    UnpaidLeave,
    Sick,
    Trip,
    Internship,
    Training,
    SocialLeave,
}

/// <summary>Disciplinary sanctions (Law on civil service, art. 50; glossary ids).</summary>
public enum SanctionKind
{
    Remark,
    Reprimand,
    SevereReprimand,
    IncompleteComplianceWarning,
    Demotion,
    Dismissal,
    Other,
}

/// <summary>Who stands in which relation to a servant (glossary ids).</summary>
public enum ReportingLineKind
{
    DirectSupervisor,
    Superior,
    FirstHead,
    AuthorizedPerson,
}

/// <summary>
/// The glossary ids of the enumerations (kebab-case, as in files, the API and packs):
/// <c>unit-head</c>, <c>sick</c>, <c>severe-reprimand</c>, <c>direct-supervisor</c>...
/// </summary>
public static class KindIds
{
    public static string Id<TEnum>(TEnum value)
        where TEnum : struct, Enum => Id((Enum)value);

    /// <summary>The kebab-case id of any enumeration value; <see cref="PositionQualifier.None"/> is the empty id.</summary>
    public static string Id(Enum value)
    {
        if (value is PositionQualifier.None)
        {
            return string.Empty;
        }

        var name = value.ToString();
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                chars.Append('-');
            }

            chars.Append(char.ToLowerInvariant(name[i]));
        }

        return chars.ToString();
    }

    public static bool TryParse<TEnum>(string? id, out TEnum value)
        where TEnum : struct, Enum
    {
        var text = id?.Trim() ?? string.Empty;
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Id(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static TEnum Parse<TEnum>(string id)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(id, out var value) ? value : throw new FormatException($"'{id}' is not a {typeof(TEnum).Name} id.");

    /// <summary>All ids of an enumeration, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Id).ToArray();
}
