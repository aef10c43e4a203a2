namespace Bagalau.Domain.Organisation;

/// <summary>
/// Every editable organisation record: an id, the state body it belongs to (tenant), and a
/// version that goes up on every save so that a save made from a stale copy is refused
/// instead of silently overwriting someone else's change (ADR 0011).
/// </summary>
public abstract class OrganisationEntity
{
    protected OrganisationEntity()
    {
    }

    protected OrganisationEntity(Guid stateBodyId)
    {
        Id = Guid.NewGuid();
        StateBodyId = stateBodyId;
    }

    public Guid Id { get; protected set; }

    public Guid StateBodyId { get; protected set; }

    /// <summary>Optimistic concurrency token, incremented by the persistence layer on each update.</summary>
    public int Version { get; set; }
}

/// <summary>Shared text rules for names and codes.</summary>
public static class TextRules
{
    public const int MaxNameLength = 300;
    public const int MaxCodeLength = 50;

    /// <summary>A required name: not blank, at most <see cref="MaxNameLength"/> characters.</summary>
    public static ValidationError? Name(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? new ValidationError("required", field)
        : value.Trim().Length > MaxNameLength ? new ValidationError("too-long", field, MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture))
        : null;

    /// <summary>An optional name: blank is fine, otherwise at most <see cref="MaxNameLength"/> characters.</summary>
    public static ValidationError? OptionalName(string? value, string field) =>
        value is not null && value.Trim().Length > MaxNameLength
            ? new ValidationError("too-long", field, MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : null;

    /// <summary>A natural key used in files: letters, digits, '.', '_' and '-', at most 50 characters.</summary>
    public static ValidationError? Code(string? value, string field)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return new ValidationError("required", field);
        }

        if (text.Length > MaxCodeLength || !text.All(c => char.IsLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return new ValidationError("code-invalid", field, text);
        }

        return null;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
