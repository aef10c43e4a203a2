using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Application.Persistence;

/// <summary>Schema management for the configured provider.</summary>
public static class BagalauDatabase
{
    /// <summary>Applies the pending migrations of the configured provider (creating the SQLite file's folder first).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
        await MigrateAsync(db, ct);
    }

    public static async Task MigrateAsync(BagalauDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(source) && source != ":memory:" && !string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // EF creates new files in WAL; this also converts older ones (ADR 0014).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>True when no state body exists yet (a fresh install that may get demo data).</summary>
    public static async Task<bool> IsEmptyAsync(BagalauDbContext db, CancellationToken ct = default) =>
        !await db.StateBodies.AnyAsync(ct);
}
