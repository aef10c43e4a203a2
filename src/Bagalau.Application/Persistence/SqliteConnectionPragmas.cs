using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bagalau.Application.Persistence;

/// <summary>
/// Settings of SQLite connections, run when one opens (each open of a pooled one too).
/// <c>temp_store=MEMORY</c> for the web app's requests: SQLite's own default puts the temporary
/// tables a query builds (an <c>IN (SELECT ...)</c> list, a UNION) in a temporary file it opens
/// and deletes each time, which cost 150 µs of a 210 µs task-list query; not for the CLI, whose
/// national-size generation used 38 % more CPU with it (ADR 0015). <c>synchronous=NORMAL</c>
/// when configured (ADR 0014): in WAL mode the log is then synced at checkpoints only, not at
/// every commit, which may lose the last commits on a power cut (never on a crash of Bagalau).
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    private static readonly SqliteConnectionPragmas TempInMemory = new(Statements(true, false)!);

    private static readonly SqliteConnectionPragmas NormalSynchronous = new(Statements(false, true)!);

    private static readonly SqliteConnectionPragmas Both = new(Statements(true, true)!);

    private readonly string _pragmas;

    private SqliteConnectionPragmas(string pragmas) => _pragmas = pragmas;

    /// <summary>The interceptor that sets what is asked; null when nothing is (SQLite's defaults need no statement).</summary>
    public static SqliteConnectionPragmas? For(bool tempTablesInMemory, bool normalSynchronous) => (tempTablesInMemory, normalSynchronous) switch
    {
        (true, true) => Both,
        (true, false) => TempInMemory,
        (false, true) => NormalSynchronous,
        _ => null,
    };

    /// <summary>The statements that set what is asked (also run by <see cref="SqliteReads"/>' connections); null when nothing is.</summary>
    public static string? Statements(bool tempTablesInMemory, bool normalSynchronous) =>
        (tempTablesInMemory ? "PRAGMA temp_store=MEMORY;" : string.Empty) + (normalSynchronous ? "PRAGMA synchronous=NORMAL;" : string.Empty) is { Length: > 0 } text ? text : null;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
