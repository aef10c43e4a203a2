using Bagalau.Application.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Web.Setup;

/// <summary>
/// Which database the web app runs on (`Database:Provider`, `ConnectionStrings:Bagalau`), and
/// its preparation at start-up: migrate, seed the demo body when asked and the database is empty.
/// </summary>
public static class DatabaseSetup
{
    public static IServiceCollection AddBagalauDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var database = ResolveDatabase(configuration, environment.ContentRootPath);
        services.AddSingleton(database);
        services.AddDbContext<BagalauDbContext>(database.Configure);
        return services;
    }

    /// <summary>The configured database; the default is the SQLite file ./data/bagalau.db.</summary>
    public static DatabaseOptions ResolveDatabase(IConfiguration configuration, string contentRoot)
    {
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : throw new InvalidOperationException($"Database:Provider '{providerText}' is not supported: use Sqlite or PostgreSql.");
        var connection = configuration.GetConnectionString("Bagalau");
        if (string.IsNullOrWhiteSpace(connection))
        {
            return provider == DatabaseProvider.Sqlite
                ? DatabaseOptions.DefaultSqlite(contentRoot)
                : throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:Bagalau is not set.");
        }

        return new DatabaseOptions(provider, connection);
    }

    /// <summary>Demo data is seeded by default in Development and on the default SQLite file.</summary>
    public static bool ShouldSeedDemo(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Bagalau:SeedDemo"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return bool.TryParse(configured, out var seed) ? seed
                : throw new InvalidOperationException($"Bagalau:SeedDemo '{configured}' is not true or false.");
        }

        return environment.IsDevelopment() || string.IsNullOrWhiteSpace(configuration.GetConnectionString("Bagalau"));
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        EnsureSqliteFolder(database);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BagalauDbContext>();
            await db.Database.MigrateAsync();
        }

        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
    }

    private static void EnsureSqliteFolder(DatabaseOptions database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(no address)";
        Console.Out.WriteLine($"Bagalau is running: {addresses}");
    }
}
