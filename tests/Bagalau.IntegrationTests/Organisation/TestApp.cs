using Bagalau.Application;
using Bagalau.Application.Audit;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Organisation;

/// <summary>The application services (as the web app and CLI compose them) on a throwaway, migrated database.</summary>
public sealed class TestApp : IAsyncDisposable
{
    public static readonly DateOnly Today = new(2025, 3, 14);

    private readonly TestDatabase _database;

    private TestApp(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public DatabaseOptions Database => _database.Options;

    public FixedClock Clock => (FixedClock)Services.GetRequiredService<TimeProvider>();

    public static async Task<TestApp> StartAsync(string provider, Dictionary<string, string?>? settings = null)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(database.Options)).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero)));
        services.AddBagalauApplication(configuration);
        var app = new TestApp(database, services.BuildServiceProvider());
        await BagalauDatabase.MigrateAsync(app.Services);
        return app;
    }

    /// <summary>The configuration keys that select this database (as appsettings or the CLI would set them).</summary>
    public static Dictionary<string, string?> Settings(DatabaseOptions options) => new()
    {
        [DatabaseOptions.ProviderKey] = options.Provider.ToString(),
        [DatabaseOptions.ConnectionKey] = options.ConnectionString,
    };

    /// <summary>Runs <paramref name="action"/> with a service of a fresh scope (a fresh DbContext, like one web request).</summary>
    public async Task<TResult> WithAsync<TService, TResult>(Func<TService, Task<TResult>> action, string actor = "tester")
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = actor;
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task WithAsync<TService>(Func<TService, Task> action, string actor = "tester")
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Name = actor;
        await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
    }
}

/// <summary>A clock that stands still unless moved.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
