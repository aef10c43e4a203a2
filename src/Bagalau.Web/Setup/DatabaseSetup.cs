using Bagalau.Application;
using Bagalau.Application.Audit;
using Bagalau.Application.Demo;
using Bagalau.Application.Persistence;
using Bagalau.Web.Security;

namespace Bagalau.Web.Setup;

/// <summary>
/// The application services on the configured database (`Database:Provider`,
/// `ConnectionStrings:Bagalau`; default the SQLite file ./data/bagalau.db), and the database's
/// preparation at start-up: migrate, then seed the demo body when asked and the database is empty.
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddBagalauDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // The default SQLite file is ./data/bagalau.db under the folder the app is started from,
        // whatever the content root (the binaries' folder when started from elsewhere).
        services.AddBagalauApplication(configuration, Directory.GetCurrentDirectory(), sqliteTempTablesInMemory: true);
        // Audit records name the signed-in user (registered after the application's default).
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        return services;
    }

    /// <summary>Demo data is seeded by default in Development and on the default SQLite file.</summary>
    public static bool ShouldSeedDemo(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Bagalau:SeedDemo"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return bool.TryParse(configured, out var seed) ? seed
                : throw new InvalidOperationException($"Bagalau:SeedDemo is '{configured}': use true or false.");
        }

        return environment.IsDevelopment() || string.IsNullOrWhiteSpace(configuration[DatabaseOptions.ConnectionKey]);
    }

    /// <summary>
    /// Migrates, then seeds the demo body when asked and the database is empty. A SQLite file
    /// another instance holds for longer than <c>Database:StartupWaitSeconds</c> is a
    /// <see cref="DatabaseBusyException"/> (Program says so in one line and exits); a demo body
    /// another instance seeded meanwhile is taken as it is.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        await BagalauDatabase.MigrateAsync(app.Services);
        var seeded = false;
        if (ShouldSeedDemo(app.Configuration, app.Environment))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
            try
            {
                await BagalauDatabase.WhileBusyAsync(db, database.StartupWait, async ct =>
                {
                    if (await BagalauDatabase.IsEmptyAsync(db, ct))
                    {
                        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
                        var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Bagalau.Application.Time.KazakhstanClock.Today(clock), ct);
                        seeded = result.Seeded;
                    }
                });
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another instance seeded the same empty database at the same moment (PostgreSQL:
                // its rows came first): the demo body is there, nothing else is wrong.
                if (await IsEmptyInNewScopeAsync(app.Services))
                {
                    throw;
                }

                seeded = false;
            }
        }

        var showDemo = seeded || ShouldSeedDemo(app.Configuration, app.Environment);
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, database, seeded, showDemo));
    }

    private static async Task<bool> IsEmptyInNewScopeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await BagalauDatabase.IsEmptyAsync(scope.ServiceProvider.GetRequiredService<BagalauDbContext>());
    }

    private static void PrintWelcome(WebApplication app, DatabaseOptions database, bool seeded, bool showDemo)
    {
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine($"Bagalau is running: {string.Join(", ", app.Urls)}");
        output.WriteLine($"Database: {database.Provider}{(database.Provider == DatabaseProvider.Sqlite ? " " + database.ConnectionString : string.Empty)}");
        if (seeded)
        {
            output.WriteLine("Seeded the demo state body (code 'demo').");
        }

        if (showDemo)
        {
            output.WriteLine("Demo sign-ins (demo data only):");
            foreach (var account in DemoSeeder.Accounts)
            {
                output.WriteLine($"  {account.Email,-30} {account.Password,-16} {account.Description}");
            }
        }

        output.WriteLine();
    }
}
