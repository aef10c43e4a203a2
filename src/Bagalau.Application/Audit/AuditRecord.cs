namespace Bagalau.Application.Audit;

/// <summary>
/// One append-only audit record (ADR 0010). <see cref="Hash"/> is the SHA-256 of the record's
/// canonical form, which includes <see cref="PreviousHash"/>, so that changing, removing or
/// inserting any record breaks every hash after it.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>Position in the chain, 1, 2, 3... without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>When it happened (UTC, whole milliseconds: what both providers store exactly).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Who did it: a user's e-mail, or <c>system</c>/<c>cli</c>.</summary>
    public string Actor { get; init; } = string.Empty;

    /// <summary><c>insert</c>, <c>update</c>, <c>delete</c> or <c>read</c>.</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>The kind of record (entity type name).</summary>
    public string Entity { get; init; } = string.Empty;

    /// <summary>The record's primary key.</summary>
    public string EntityKey { get; init; } = string.Empty;

    /// <summary>The state body the record belongs to, when it belongs to one.</summary>
    public Guid? StateBodyId { get; init; }

    /// <summary>JSON of the changed values before (update, delete), else null.</summary>
    public string? Before { get; init; }

    /// <summary>JSON of the values after (insert, update), else null.</summary>
    public string? After { get; init; }

    public string PreviousHash { get; init; } = string.Empty;

    public string Hash { get; init; } = string.Empty;
}

/// <summary>A change or read waiting to be chained.</summary>
public sealed record AuditEntry(string Action, string Entity, string EntityKey, Guid? StateBodyId, string? Before, string? After);

/// <summary>Who is acting, for the audit log. The web app registers one that reads the signed-in user.</summary>
public interface IAuditActor
{
    string Name { get; }
}

/// <summary>A settable actor: <c>system</c> unless the caller (CLI, seeder, tests) names someone.</summary>
public sealed class AuditActor : IAuditActor
{
    public AuditActor()
        : this("system")
    {
    }

    public AuditActor(string name) => Name = name;

    public string Name { get; set; }
}
