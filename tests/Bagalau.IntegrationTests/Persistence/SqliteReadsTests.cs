using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Persistence;

/// <summary>ADR 0016: held-open SQLite connections with prepared statements serve the hottest reads, and never serve stale or write.</summary>
public class SqliteReadsTests
{
    private const string BodyCodes = """SELECT "Code" FROM "StateBodies" WHERE "Code" >= $p0 ORDER BY "Code" """;

    [Fact]
    public async Task Read_OnAConnectionHeldOpen_SeesWhatWasCommittedAfterItsLastRead()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var reads = app.Services.GetRequiredService<SqliteReads>();

        var before = reads.List(BodyCodes, ["a"], r => r.GetString(0));
        await app.WithAsync<OrganisationService, Result<StateBody>>(s => s.CreateBodyAsync(new BodyInput("held-open", "Орган", null, null)));
        var after = reads.List(BodyCodes, ["a"], r => r.GetString(0));

        Assert.DoesNotContain("held-open", before);
        Assert.Contains("held-open", after);
        Assert.Equal(1, reads.Opened);
    }

    [Fact]
    public async Task Reads_OneAfterAnother_ShareOneConnection_AndABurstOpensNoMoreThanItNeeds()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var reads = app.Services.GetRequiredService<SqliteReads>();

        for (var i = 0; i < 20; i++)
        {
            reads.List(BodyCodes, ["a"], r => r.GetString(0));
        }

        var sequential = reads.Opened;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => reads.List(BodyCodes, ["a"], r => r.GetString(0)))));

        Assert.Equal(1, sequential);
        Assert.InRange(reads.Opened, 1, 17);
    }

    [Fact]
    public async Task Read_ThatTriesToWrite_IsRefusedBySqlite_WritesNothing_AndItsConnectionIsNotReused()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var reads = app.Services.GetRequiredService<SqliteReads>();
        reads.List(BodyCodes, ["a"], r => r.GetString(0));

        var refused = Assert.Throws<SqliteException>(() => reads.List("""UPDATE "StateBodies" SET "Code" = $p0 RETURNING "Code" """, ["x"], r => r.GetString(0)));
        var after = reads.List(BodyCodes, ["a"], r => r.GetString(0));

        Assert.Contains("readonly", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("x", after);
        Assert.Equal(2, reads.Opened);
    }

    [Fact]
    public async Task Read_WithTheWrongNumberOfValues_IsRefusedWithTheCount()
    {
        await using var app = await TestApp.StartAsync("sqlite");
        var reads = app.Services.GetRequiredService<SqliteReads>();
        reads.List(BodyCodes, ["a"], r => r.GetString(0));

        var refused = Assert.Throws<ArgumentException>(() => reads.List(BodyCodes, ["a", "b"], r => r.GetString(0)));

        Assert.Contains("takes 1 values, 2 were given", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_OnPostgreSql_AreNotAvailable_AndRefuseToRun()
    {
        var reads = new SqliteReads(new DatabaseOptions(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=none"));

        Assert.False(reads.Available);
        Assert.Throws<InvalidOperationException>(() => reads.List(BodyCodes, ["a"], r => r.GetString(0)));
    }

    [Fact]
    public async Task Reads_AfterTheAppStops_AreRefused()
    {
        SqliteReads reads;
        await using (var app = await TestApp.StartAsync("sqlite"))
        {
            reads = app.Services.GetRequiredService<SqliteReads>();
            reads.List(BodyCodes, ["a"], r => r.GetString(0));
        }

        Assert.Throws<ObjectDisposedException>(() => reads.List(BodyCodes, ["a"], r => r.GetString(0)));
    }
}
