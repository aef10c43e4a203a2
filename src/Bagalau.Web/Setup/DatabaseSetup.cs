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
    public static IServiceCollection AddBagalauDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddBagalauApplication(configuration, DataHome(environment.ContentRootPath), sqliteTempTablesInMemory: true);
        // Audit records name the signed-in user (registered after the application's default).
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        return services;
    }

    /// <summary>
    /// Where the default SQLite file's ./data folder lives: the root of a source checkout (the
    /// folder with Bagalau.slnx) when the app runs from one, as `dotnet run --project
    /// src/Bagalau.Web` does, so that the web app and the CLI run from the root share
    /// ./data/bagalau.db; otherwise the content root (a published app).
    /// </summary>
    public static string DataHome(string contentRoot)
    {
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Bagalau.slnx")))
            {
                return folder.FullName;
            }
        }

        return contentRoot;
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

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await BagalauDatabase.MigrateAsync(app.Services);
        var seeded = false;
        if (ShouldSeedDemo(app.Configuration, app.Environment))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
            if (await BagalauDatabase.IsEmptyAsync(db))
            {
                var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
                var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Bagalau.Application.Time.KazakhstanClock.Today(clock));
                seeded = result.Seeded;
            }
        }

        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var showDemo = seeded || ShouldSeedDemo(app.Configuration, app.Environment);
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, database, seeded, showDemo));
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
