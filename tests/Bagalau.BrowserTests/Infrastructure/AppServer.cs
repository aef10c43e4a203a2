using System.Net;
using Bagalau.Application.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.BrowserTests.Infrastructure;

/// <summary>
/// The real Bagalau web app served by Kestrel on a free loopback port, on its own throwaway
/// SQLite file, so that a real browser can drive it.
/// </summary>
public sealed class AppServer : IAsyncDisposable
{
    public const string Password = "Bagalau-Test-2026";

    private readonly string databaseFile;

    private AppServer(WebApplicationFactory<Bagalau.Web.WebApp> factory, string databaseFile, Uri address)
    {
        Factory = factory;
        this.databaseFile = databaseFile;
        Address = address;
    }

    public WebApplicationFactory<Bagalau.Web.WebApp> Factory { get; }

    public Uri Address { get; }

    public IServiceProvider Services => Factory.Services;

    /// <param name="now">A fixed clock for the app (seeding included), for scenarios tied to a pack version's years.</param>
    public static AppServer Start(bool seedDemo = false, DateTimeOffset? now = null)
    {
        var file = Path.Combine(Path.GetTempPath(), "bagalau_browser_" + Guid.NewGuid().ToString("N")[..12] + ".db");
        var factory = new WebApplicationFactory<Bagalau.Web.WebApp>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Bagalau", $"Data Source={file};Pooling=False");
            builder.UseSetting("Bagalau:SeedDemo", seedDemo ? "true" : "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            if (now is { } fixedNow)
            {
                builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new FixedClock(fixedNow)));
            }
        });
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        return new AppServer(factory, file, address);
    }

    public Uri Url(string path) => new(Address, path);

    public async Task CreateUserAsync(string email, string language = "kk")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
        var result = await users.CreateAsync(new BagalauUser { UserName = email, Email = email, EmailConfirmed = true, PreferredCulture = language }, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        foreach (var f in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(f);
        }
    }
}

/// <summary>A clock that always says the same instant (the scenario's "today").</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
