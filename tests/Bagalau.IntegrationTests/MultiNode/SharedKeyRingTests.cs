using Bagalau.Application;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.MultiNode;

/// <summary>
/// Two nodes are two service containers over one database: what one node protects
/// (a sign-in cookie, an antiforgery token) the other reads, because the key ring is in the database.
/// </summary>
public class SharedKeyRingTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cookie_ProtectedByOneNode_IsReadByAnother(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var nodeA = Node(app.Database);
        await using var nodeB = Node(app.Database);

        var token = Protector(nodeA).Protect("signed-in:servant@bagalau.example");
        var read = Protector(nodeB).Unprotect(token);

        Assert.Equal("signed-in:servant@bagalau.example", read);
        var keys = await app.WithAsync<BagalauDbContext, int>(db => db.DataProtectionKeys.CountAsync());
        Assert.Equal(1, keys);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KeyMaterial_IsNeverWrittenToTheAuditLog(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var node = Node(app.Database);
        Protector(node).Protect("x");

        var logged = await app.WithAsync<BagalauDbContext, List<string?>>(db =>
            db.AuditRecords.Where(r => r.Entity == "DataProtectionKey").Select(r => r.After).ToListAsync());

        Assert.NotEmpty(logged);
        Assert.All(logged, after => Assert.DoesNotContain("<key", after ?? string.Empty, StringComparison.Ordinal));
    }

    private static ServiceProvider Node(DatabaseOptions database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestApp.Settings(database)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBagalauApplication(configuration);
        return services.BuildServiceProvider();
    }

    private static IDataProtector Protector(IServiceProvider node) =>
        node.GetRequiredService<IDataProtectionProvider>().CreateProtector("Bagalau.Tests.Cookie");
}
