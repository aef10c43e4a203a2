using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Bagalau.IntegrationTests.Web;

/// <summary>
/// The first start of the web app as a process: the default SQLite file is ./data/bagalau.db
/// under the folder it is started from, and an instance that finds that file held by another one
/// says so in one line instead of a stack trace.
/// </summary>
public class FirstStartTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public void DefaultDatabase_IsDataBagalauDb_UnderTheGivenWorkingDirectory()
    {
        var folder = Directory.CreateTempSubdirectory("bagalau-cwd").FullName;
        var options = DatabaseOptions.FromConfiguration(new ConfigurationBuilder().Build(), folder);

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal($"Data Source={Path.Combine(folder, "data", "bagalau.db")}", options.ConnectionString);
        Assert.Equal(BagalauDatabase.DefaultStartupWait, options.StartupWait);
    }

    [Fact]
    public async Task StartedFromAnotherFolder_CreatesDataThere_NotBesideTheBinaries()
    {
        var folder = Directory.CreateTempSubdirectory("bagalau-first-start").FullName;
        try
        {
            await using var app = WebProcess.Start(folder);

            Assert.True(await app.RunningOrExitedAsync(StartLimit), Describe(app));
            var expected = Path.Combine(folder, "data", "bagalau.db");
            Assert.True(File.Exists(expected), Describe(app));
            Assert.Contains($"Data Source={expected}", app.Stdout);
            Assert.Contains("Seeded the demo state body", app.Stdout);
            Assert.Equal(string.Empty, app.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TwoInstancesStartingTogether_OnOneFile_BothRunOrOneSaysTheFileIsBusy_NeverAStackTrace()
    {
        var folder = Directory.CreateTempSubdirectory("bagalau-two-starts").FullName;
        try
        {
            await using var first = WebProcess.Start(folder);
            await using var second = WebProcess.Start(folder);

            var started = await Task.WhenAll(first.RunningOrExitedAsync(StartLimit), second.RunningOrExitedAsync(StartLimit));

            Assert.Contains(true, started);
            foreach (var (app, running) in new[] { (first, started[0]), (second, started[1]) })
            {
                Assert.DoesNotContain("Unhandled exception", app.Stdout + app.Stderr);
                Assert.DoesNotContain("   at ", app.Stdout + app.Stderr);
                if (!running)
                {
                    AssertSaysBusy(app, Path.Combine(folder, "data", "bagalau.db"));
                }
            }

            Assert.Equal(1L, await ScalarAsync(Path.Combine(folder, "data", "bagalau.db"), "SELECT COUNT(*) FROM StateBodies"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    public static TheoryData<string> Holders => new() { "write-lock", "migration-lock-left-by-a-crash" };

    [Theory]
    [MemberData(nameof(Holders))]
    public async Task AFileHeldLongerThanTheWait_EndsTheStartWithOneLineNamingTheFile(string holder)
    {
        var folder = Directory.CreateTempSubdirectory("bagalau-held").FullName;
        var file = Path.Combine(folder, "data", "bagalau.db");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        try
        {
            await connection.OpenAsync();
            await using (var command = connection.CreateCommand())
            {
                // A write transaction left open, or the row EF's migration lock leaves when its process dies mid-migration.
                command.CommandText = holder == "write-lock"
                    ? "CREATE TABLE held (a INTEGER); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);"
                    : "CREATE TABLE \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL CONSTRAINT \"PK___EFMigrationsLock\" PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);"
                      + " INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-01-01 00:00:00+00:00');";
                await command.ExecuteNonQueryAsync();
            }

            await using var app = WebProcess.Start(folder, new Dictionary<string, string> { ["Database__StartupWaitSeconds"] = "3", ["LANG"] = "ru_RU.UTF-8" });

            Assert.False(await app.RunningOrExitedAsync(StartLimit), Describe(app));
            AssertSaysBusy(app, file);
            Assert.Contains("Файл базы данных занят", app.Stderr);
            Assert.DoesNotContain("   at ", app.Stdout);
        }
        finally
        {
            await connection.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertSaysBusy(WebProcess app, string file)
    {
        Assert.True(app.ExitCode == DatabaseBusyException.ExitCode, Describe(app));
        var lines = app.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, Describe(app));
        Assert.Contains(file, lines[0]);
    }

    private static string Describe(WebProcess app) => $"stdout:\n{app.Stdout}\nstderr:\n{app.Stderr}";

    private static async Task<long> ScalarAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
