using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Persistence;

/// <summary>Which database Bagalau runs on: the embedded SQLite file (default) or PostgreSQL.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "Bagalau.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "Bagalau.Migrations.PostgreSql";

    public static DatabaseOptions DefaultSqlite(string contentRoot) =>
        new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(contentRoot, "data", "bagalau.db")}");

    public void Configure(DbContextOptionsBuilder builder)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
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
