using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Organisation;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Bagalau.IntegrationTests.Persistence;

/// <summary>ADR 0014: every SQLite connection in WAL, with the configured synchronous setting; ADR 0015: the web app's with temporary tables in memory (2), the CLI's with SQLite's default (0).</summary>
public class SqliteSynchronousTests
{
    private static async Task<(string Journal, long Synchronous, long TempStore)> PragmasAsync(TestApp app) =>
        await app.WithAsync<BagalauDbContext, (string, long, long)>(PragmasAsync);

    private static async Task<(string Journal, long Synchronous, long TempStore)> PragmasAsync(BagalauDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        var journal = (string)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA synchronous";
        var synchronous = (long)(await command.ExecuteScalarAsync())!;
        command.CommandText = "PRAGMA temp_store";
        var tempStore = (long)(await command.ExecuteScalarAsync())!;
        return (journal, synchronous, tempStore);
    }

    [Fact]
    public async Task Connection_ByDefault_IsInWal_WithFullSync_AndSqlitesTemporaryTables()
    {
        await using var app = await TestApp.StartAsync("sqlite");

        Assert.Equal(("wal", 2L, 0L), await PragmasAsync(app));
    }

    [Fact]
    public async Task Connection_OfTheWebApp_KeepsTemporaryTablesInMemory()
    {
        await using var host = await WebTestHost.StartAsync("sqlite");

        Assert.Equal(("wal", 2L, 2L), await host.WithAsync<BagalauDbContext, (string, long, long)>(PragmasAsync));
    }

    [Fact]
    public async Task Connection_WithNormalSync_Configured_SyncsAtCheckpointsOnly()
    {
        await using var app = await TestApp.StartAsync("sqlite", new() { [DatabaseOptions.SqliteSynchronousKey] = "normal" });

        Assert.Equal(("wal", 1L, 0L), await PragmasAsync(app));
    }

    [Fact]
    public void Configuration_WithAnUnknownSync_IsRefused_NamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseOptions.SqliteSynchronousKey] = "Sometimes" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.FromConfiguration(configuration, "/tmp"));

        Assert.Equal("Database:SqliteSynchronous is 'Sometimes': use Full or Normal.", error.Message);
    }
}
