using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Bagalau.Application.Persistence;

/// <summary>Which database Bagalau runs on: the embedded SQLite file (default) or PostgreSQL.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "Bagalau.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "Bagalau.Migrations.PostgreSql";

    /// <summary>Configuration key of the provider: <c>Sqlite</c> (default) or <c>PostgreSql</c>.</summary>
    public const string ProviderKey = "Database:Provider";

    /// <summary>Configuration key of the connection string (<c>ConnectionStrings:Bagalau</c>).</summary>
    public const string ConnectionKey = "ConnectionStrings:Bagalau";

    /// <summary>Configuration key of SQLite's <c>synchronous</c> setting: <c>Full</c> (default) or <c>Normal</c> (ADR 0014).</summary>
    public const string SqliteSynchronousKey = "Database:SqliteSynchronous";

    /// <summary>SQLite's <c>synchronous=NORMAL</c> on every connection (log synced at checkpoints only); false: SQLite's own FULL.</summary>
    public bool SqliteNormalSync { get; init; }

    /// <summary>Configuration key of how long a start-up waits for a SQLite file another process holds (seconds, default 30).</summary>
    public const string StartupWaitKey = "Database:StartupWaitSeconds";

    /// <summary>SQLite's temporary tables in memory (the web app's requests; ADR 0015); false: SQLite's own default.</summary>
    public bool SqliteTempTablesInMemory { get; init; }

    /// <summary>How long migrating and seeding at start-up wait for a SQLite file another process holds.</summary>
    public TimeSpan StartupWait { get; init; } = BagalauDatabase.DefaultStartupWait;

    /// <summary>The default database: the SQLite file <c>data/bagalau.db</c> under the folder the command is run from.</summary>
    public static DatabaseOptions DefaultSqlite(string workingDirectory) =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(Path.GetFullPath(workingDirectory), "data", "bagalau.db")}");

    /// <summary>
    /// Reads <see cref="ProviderKey"/> and <see cref="ConnectionKey"/>; without a connection string
    /// the SQLite file <c>data/bagalau.db</c> under <paramref name="workingDirectory"/> (the
    /// process's current directory, never the binaries' or the content root) is used.
    /// </summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string workingDirectory)
    {
        var providerText = configuration[ProviderKey];
        var provider = ParseProvider(providerText)
            ?? throw new InvalidOperationException($"{ProviderKey} is '{providerText}': use Sqlite or PostgreSql.");
        var synchronousText = configuration[SqliteSynchronousKey];
        var normalSync = synchronousText?.Trim().ToUpperInvariant() switch
        {
            null or "" or "FULL" => false,
            "NORMAL" => true,
            _ => throw new InvalidOperationException($"{SqliteSynchronousKey} is '{synchronousText}': use Full or Normal."),
        };
        var waitText = configuration[StartupWaitKey];
        var wait = string.IsNullOrWhiteSpace(waitText) ? BagalauDatabase.DefaultStartupWait
            : int.TryParse(waitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{StartupWaitKey} is '{waitText}': use a whole number of seconds above 0.");
        var connection = configuration[ConnectionKey];
        if (string.IsNullOrWhiteSpace(connection))
        {
            return provider == DatabaseProvider.Sqlite
                ? DefaultSqlite(workingDirectory) with { SqliteNormalSync = normalSync, StartupWait = wait }
                : throw new InvalidOperationException($"{ConnectionKey} must be set for PostgreSql.");
        }

        return new DatabaseOptions(provider, connection) { SqliteNormalSync = normalSync, StartupWait = wait };
    }

    /// <summary>Sqlite, PostgreSql (also "postgres"), any case; empty means Sqlite; unknown is null.</summary>
    public static DatabaseProvider? ParseProvider(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => null,
    };

    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                if (SqliteConnectionPragmas.For(SqliteTempTablesInMemory, SqliteNormalSync) is { } pragmas)
                {
                    builder.AddInterceptors(pragmas);
                }

                break;
            case DatabaseProvider.PostgreSql:
                builder.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{Provider}'.");
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
