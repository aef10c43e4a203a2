using Bagalau.Application.Persistence;
using Npgsql;

namespace Bagalau.IntegrationTests.Infrastructure;

/// <summary>
/// Throwaway databases for integration tests, one per test on each provider. SQLite is always
/// there; PostgreSQL comes from BAGALAU_TEST_POSTGRES (scripts/test.sh starts a cluster and sets
/// it). With BAGALAU_REQUIRE_POSTGRES=1 a missing server fails the run instead of narrowing it.
/// </summary>
public static class TestDatabases
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("BAGALAU_TEST_POSTGRES");

    /// <summary>Provider names for [Theory] data: every provider the run has.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrEmpty(PostgresServer))
            {
                data.Add("postgres");
            }
            else if (Environment.GetEnvironmentVariable("BAGALAU_REQUIRE_POSTGRES") == "1")
            {
                throw new InvalidOperationException("BAGALAU_REQUIRE_POSTGRES=1 but BAGALAU_TEST_POSTGRES is not set.");
            }

            return data;
        }
    }

    /// <summary>Creates an empty database and returns its options; dispose the result to drop it.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var name = "bagalau_t_" + Guid.NewGuid().ToString("N")[..16];
        switch (provider)
        {
            case "sqlite":
                var file = Path.Combine(Path.GetTempPath(), name + ".db");
                return new TestDatabase(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False"), () =>
                {
                    foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                    {
                        File.Delete(f);
                    }

                    return Task.CompletedTask;
                });
            case "postgres":
                var server = PostgresServer ?? throw new InvalidOperationException("BAGALAU_TEST_POSTGRES is not set.");
                await using (var conn = new NpgsqlConnection(server + ";Database=postgres"))
                {
                    await conn.OpenAsync();
                    await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
                    await cmd.ExecuteNonQueryAsync();
                }

                return new TestDatabase(new DatabaseOptions(DatabaseProvider.PostgreSql, $"{server};Database={name}"), async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var conn = new NpgsqlConnection(server + ";Database=postgres");
                    await conn.OpenAsync();
                    await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
                    await cmd.ExecuteNonQueryAsync();
                });
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider.");
        }
    }
}

public sealed class TestDatabase(DatabaseOptions options, Func<Task> drop) : IAsyncDisposable
{
    public DatabaseOptions Options { get; } = options;

    public ValueTask DisposeAsync() => new(drop());
}
