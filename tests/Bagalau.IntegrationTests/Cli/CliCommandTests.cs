using Bagalau.Application.Persistence;
using Bagalau.Cli;
using Bagalau.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Cli;

public class CliCommandTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MigrateSeedAndVerify_OnAFreshDatabase_Succeed(string provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);

        var migrate = await RunAsync(database, "migrate");
        var seed = await RunAsync(database, "seed", "demo", "--today", "2025-03-14");
        var seedAgain = await RunAsync(database, "seed", "demo", "--today", "2025-03-14");
        var verify = await RunAsync(database, "audit", "verify");

        Assert.Equal(0, migrate.Code);
        Assert.Contains("database migrated", migrate.Out, StringComparison.Ordinal);
        Assert.Equal(0, seed.Code);
        Assert.Contains("admin@bagalau.example", seed.Out, StringComparison.Ordinal);
        Assert.Contains("already has a state body", seedAgain.Out, StringComparison.Ordinal);
        Assert.Equal(0, verify.Code);
        Assert.Matches(@"^audit chain intact: \d+ records", verify.Out);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ExportThenImport_ReportsEverythingUnchanged(string provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await RunAsync(database, "seed", "demo", "--today", "2025-03-14");
        var folder = Directory.CreateTempSubdirectory("bagalau-cli-");
        try
        {
            var workbook = Path.Combine(folder.FullName, "demo.xlsx");
            var csv = Path.Combine(folder.FullName, "demo.csv");

            var exportXlsx = await RunAsync(database, "export", workbook, "--body", "demo");
            var exportCsv = await RunAsync(database, "export", csv);
            var importXlsx = await RunAsync(database, "import", workbook, "--body", "demo");
            var importCsv = await RunAsync(database, ["import", .. Directory.GetFiles(folder.FullName, "demo.*.csv")]);

            Assert.Equal(0, exportXlsx.Code);
            Assert.Equal(0, exportCsv.Code);
            Assert.Equal(9, Directory.GetFiles(folder.FullName, "demo.*.csv").Length);
            Assert.Equal(0, importXlsx.Code);
            Assert.Contains("servants         created 0, updated 0, unchanged 42", importXlsx.Out, StringComparison.Ordinal);
            Assert.Equal(0, importCsv.Code);
            Assert.DoesNotContain("updated 1", importCsv.Out, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Import_OfABadFile_ExitsWithOne_ListsTheRow_AndWritesNothing(string provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await RunAsync(database, "seed", "demo", "--today", "2025-03-14");
        var file = Path.Combine(Path.GetTempPath(), $"bagalau-bad-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "iin,full_name\n650101300013,Әбенов Асқар Серікұлы\n123,Жаңа Адам\n");
        try
        {
            var before = await CountAsync(database);

            var import = await RunAsync(database, "import", file, "--lang", "en");

            Assert.Equal(1, import.Code);
            Assert.Contains(":3:iin: IIN '123' must be exactly 12 digits. [iin-format]", import.Err, StringComparison.Ordinal);
            Assert.Equal(before, await CountAsync(database));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UserCreate_WithRolesInABody_ThenTheSameEmail_IsRefused(string provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await RunAsync(database, "seed", "demo", "--today", "2025-03-14");

        var created = await RunAsync(database, "user", "create", "--email", "new.hr@bagalau.example", "--password", "Strong-pass-9", "--body", "demo", "--role", "hr", "--role", "analyst");
        var again = await RunAsync(database, "user", "create", "--email", "new.hr@bagalau.example", "--password", "Strong-pass-9", "--lang", "en");
        var weak = await RunAsync(database, "user", "create", "--email", "weak@bagalau.example", "--password", "short", "--lang", "en");
        var badRole = await RunAsync(database, "user", "create", "--email", "x@bagalau.example", "--password", "Strong-pass-9", "--body", "demo", "--role", "king");

        Assert.Equal(0, created.Code);
        Assert.Contains("with 2 role(s)", created.Out, StringComparison.Ordinal);
        Assert.Equal(1, again.Code);
        Assert.Contains("already exists", again.Err, StringComparison.Ordinal);
        Assert.Equal(1, weak.Code);
        Assert.Contains("password", weak.Err, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, badRole.Code);
        await using var db = Context(database);
        var id = await db.Users.Where(u => u.Email == "new.hr@bagalau.example").Select(u => u.Id).SingleAsync();
        Assert.Equal(2, await db.BodyMemberships.CountAsync(m => m.UserId == id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AuditVerify_AfterTampering_ExitsWithOneAndNamesTheRecord(string provider)
    {
        await using var database = await TestDatabases.CreateAsync(provider);
        await RunAsync(database, "seed", "demo", "--today", "2025-03-14");
        await using (var db = Context(database))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditRecords\" SET \"Actor\" = 'mallory' WHERE \"Sequence\" = 17");
        }

        var verify = await RunAsync(database, "audit", "verify");

        Assert.Equal(1, verify.Code);
        Assert.Contains("audit chain broken at record 17", verify.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownDatabaseProvider_IsAUsageError()
    {
        var result = await RunAsync(null, "migrate", "--database", "oracle");

        Assert.Equal(2, result.Code);
        Assert.Contains("unknown database 'oracle'", result.Err, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Out, string Err)> RunAsync(TestDatabase? database, params string[] args) => RunAsync(database, args.AsEnumerable());

    private static async Task<(int Code, string Out, string Err)> RunAsync(TestDatabase? database, IEnumerable<string> args)
    {
        var words = args.ToList();
        if (database is not null)
        {
            words.AddRange(["--database", database.Options.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres", "--connection", database.Options.ConnectionString]);
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApp.RunAsync(words.ToArray(), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static BagalauDbContext Context(TestDatabase database)
    {
        var builder = new DbContextOptionsBuilder<BagalauDbContext>();
        database.Options.Configure(builder);
        return new BagalauDbContext(builder.Options);
    }

    private static async Task<string> CountAsync(TestDatabase database)
    {
        await using var db = Context(database);
        return $"{await db.Servants.CountAsync()}/{await db.AuditRecords.CountAsync()}";
    }
}
