using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Bagalau.Application.Persistence;

/// <summary>
/// Optimistic concurrency (ADR 0011): every editable record has an int <c>Version</c> that is a
/// concurrency token. On save, a modified record gets original + 1, and the UPDATE/DELETE only
/// matches the row when it still has the original version; otherwise EF throws
/// <see cref="DbUpdateConcurrencyException"/>, which services report as <c>concurrency-conflict</c>.
/// Works the same on SQLite and PostgreSQL (no provider row-version type needed).
/// </summary>
public static class VersionTokens
{
    public const string Property = "Version";

    internal static void Bump(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State != EntityState.Modified || entry.Metadata.FindProperty(Property) is null)
            {
                continue;
            }

            var version = entry.Property(Property);
            if (entry.Properties.Any(p => p.IsModified && p.Metadata.Name != Property))
            {
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    /// <summary>
    /// Makes the next save of <paramref name="entity"/> succeed only if the stored row still has
    /// <paramref name="expectedVersion"/> (the version the user read), and reports whether the
    /// loaded copy already differs from it.
    /// </summary>
    public static bool Expect(DbContext db, OrganisationEntity entity, int expectedVersion)
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
        return entity.Version == expectedVersion;
    }

    /// <inheritdoc cref="Expect(DbContext, OrganisationEntity, int)"/>
    public static bool Expect(DbContext db, StateBody body, int expectedVersion)
    {
        db.Entry(body).Property(e => e.Version).OriginalValue = expectedVersion;
        return body.Version == expectedVersion;
    }
}
