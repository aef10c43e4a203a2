using Bagalau.Application;
using Bagalau.Application.Audit;
using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Cli.Commands;

/// <summary>
/// The database a command works on: <c>--database sqlite|postgres --connection "..."</c>, else
/// BAGALAU_DB_PROVIDER / BAGALAU_DB_CONNECTION, else the SQLite file ./data/bagalau.db. The
/// services are composed exactly as in the web app (<see cref="ServiceCollectionExtensions.AddBagalauApplication"/>).
/// </summary>
internal static class CliDatabase
{
    public static (ServiceProvider? Services, string? Error) Open(CliArgs args)
    {
        var providerText = args["database"] ?? Environment.GetEnvironmentVariable("BAGALAU_DB_PROVIDER");
        var provider = DatabaseOptions.ParseProvider(providerText);
        if (provider is null)
        {
            return (null, $"unknown database '{providerText}': use sqlite or postgres");
        }

        var connection = args["connection"] ?? Environment.GetEnvironmentVariable("BAGALAU_DB_CONNECTION");
        if (provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(connection))
        {
            return (null, "postgres needs --connection \"Host=...;Database=...;Username=...\" (or BAGALAU_DB_CONNECTION)");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DatabaseOptions.ProviderKey] = provider.ToString(),
            [DatabaseOptions.ConnectionKey] = connection,
        }).Build();
        var services = new ServiceCollection();
        services.AddBagalauApplication(configuration, Directory.GetCurrentDirectory());
        services.AddScoped(_ => new AuditActor("cli:" + Environment.UserName));
        return (services.BuildServiceProvider(), null);
    }

    /// <summary>An error text when the schema is behind the code (the command would fail half way).</summary>
    public static async Task<string?> CheckMigratedAsync(BagalauDbContext db)
    {
        var pending = await db.Database.GetPendingMigrationsAsync();
        return pending.Any() ? "the database is not migrated: run 'bagalau migrate' first" : null;
    }

    /// <summary>What is shown of the connection: the provider and the SQLite file, never a password.</summary>
    public static string Describe(BagalauDbContext db) =>
        db.Database.IsSqlite()
            ? "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource
            : "PostgreSQL " + db.Database.GetDbConnection().Database;
}

/// <summary>Base of the commands that work on the database: parsing, opening and error handling.</summary>
internal abstract class DatabaseCommand : ICliCommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    /// <summary>Option names this command accepts besides --database and --connection.</summary>
    protected virtual string[] Options => [];

    /// <summary>Whether the schema must be up to date before running.</summary>
    protected virtual bool NeedsMigratedDatabase => true;

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var (parsed, error) = CliArgs.Parse(args, Options);
        if (parsed is null)
        {
            await stderr.WriteLineAsync($"bagalau {Name}: {error}");
            return 2;
        }

        var (services, openError) = CliDatabase.Open(parsed);
        if (services is null)
        {
            await stderr.WriteLineAsync($"bagalau {Name}: {openError}");
            return 2;
        }

        await using (services)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                if (NeedsMigratedDatabase && await CliDatabase.CheckMigratedAsync(scope.ServiceProvider.GetRequiredService<BagalauDbContext>()) is { } notMigrated)
                {
                    await stderr.WriteLineAsync($"bagalau {Name}: {notMigrated}");
                    return 1;
                }

                return await RunAsync(parsed, scope.ServiceProvider, stdout, stderr);
            }
            catch (DatabaseBusyException busy)
            {
                // Another process holds the SQLite file (a web app migrating or seeding it).
                await stderr.WriteLineAsync($"bagalau {Name}: {busy.MessageIn(DatabaseBusyException.ConsoleLanguage(System.Globalization.CultureInfo.CurrentUICulture))}");
                return DatabaseBusyException.ExitCode;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                // The database cannot be reached or opened: say so plainly, no stack trace.
                await stderr.WriteLineAsync($"bagalau {Name}: {e.GetBaseException().Message}");
                return 1;
            }
        }
    }

    protected abstract Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr);

    /// <summary>The body named by --body, or the only body when there is exactly one.</summary>
    protected static async Task<(Domain.Organisation.StateBody? Body, string? Error)> BodyAsync(CliArgs args, IServiceProvider services)
    {
        var db = services.GetRequiredService<BagalauDbContext>();
        var code = args["body"];
        if (code is not null)
        {
            var body = await db.StateBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code);
            return body is null ? (null, $"no state body with code '{code}'") : (body, null);
        }

        var bodies = await db.StateBodies.AsNoTracking().OrderBy(b => b.Code).Take(2).ToListAsync();
        return bodies.Count == 1 ? (bodies[0], null) : (null, bodies.Count == 0 ? "there is no state body yet" : "several state bodies exist: name one with --body CODE");
    }
}
