using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Application.Persistence;

/// <summary>Schema management for the configured provider.</summary>
public static class BagalauDatabase
{
    /// <summary>How long a start-up waits for a SQLite file another process holds, unless configured.</summary>
    public static readonly TimeSpan DefaultStartupWait = TimeSpan.FromSeconds(30);

    /// <summary>Applies the pending migrations of the configured provider (creating the SQLite file's folder first).</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
        await MigrateAsync(db, ct, services.GetService<DatabaseOptions>()?.StartupWait);
    }

    /// <summary>
    /// Applies the pending migrations. On SQLite the file's folder is created first, and a file
    /// another process is migrating or holding is waited for at most <paramref name="wait"/>
    /// (default <see cref="DefaultStartupWait"/>), then <see cref="DatabaseBusyException"/>.
    /// </summary>
    public static async Task MigrateAsync(BagalauDbContext db, CancellationToken ct = default, TimeSpan? wait = null)
    {
        if (!db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync(ct);
            return;
        }

        var source = SqliteFile(db);
        if (source is not null && Path.GetDirectoryName(Path.GetFullPath(source)) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await WhileBusyAsync(db, wait ?? DefaultStartupWait, async token =>
        {
            await db.Database.MigrateAsync(token);
            // EF creates new files in WAL; this also converts older ones (ADR 0014).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", token);
        }, ct);
    }

    /// <summary>
    /// Runs a start-up step (migrating, seeding). On SQLite each statement waits for a busy file
    /// (SQLite's busy timeout) and the whole step at most <paramref name="wait"/>, which also ends
    /// EF's wait for the migration lock of another process (that wait has no end of its own); a
    /// file still busy then is a <see cref="DatabaseBusyException"/> naming it. Other providers run
    /// the step as it is.
    /// </summary>
    public static async Task WhileBusyAsync(BagalauDbContext db, TimeSpan wait, Func<CancellationToken, Task> step, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            await step(ct);
            return;
        }

        var file = Path.GetFullPath(SqliteFile(db) ?? string.Empty);
        var previous = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(wait);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(wait);
        try
        {
            await step(limit.Token);
        }
        catch (OperationCanceledException e) when (limit.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new DatabaseBusyException(file, e);
        }
        catch (Exception e) when (DatabaseBusyException.IsSqliteBusy(e))
        {
            throw new DatabaseBusyException(file, e);
        }
        finally
        {
            db.Database.SetCommandTimeout(previous);
        }
    }

    /// <summary>True when no state body exists yet (a fresh install that may get demo data).</summary>
    public static async Task<bool> IsEmptyAsync(BagalauDbContext db, CancellationToken ct = default) =>
        !await db.StateBodies.AnyAsync(ct);

    /// <summary>The SQLite file of the context's connection; null for an in-memory database.</summary>
    private static string? SqliteFile(BagalauDbContext db)
    {
        var source = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : source;
    }
}
