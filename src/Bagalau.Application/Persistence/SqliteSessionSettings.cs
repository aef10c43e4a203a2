using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bagalau.Application.Persistence;

/// <summary>
/// <c>synchronous=NORMAL</c> on every SQLite connection when configured (ADR 0014): in WAL mode
/// the log is then synced at checkpoints only, not at every commit, which may lose the last
/// commits on a power cut (never on a crash of Bagalau itself). FULL, SQLite's own default,
/// needs no statement, so by default no connection pays for one.
/// </summary>
internal sealed class SqliteSessionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    /// <summary>WAL (persistent in the file): readers run beside the single writer, and a commit appends to the log.</summary>
    internal const string WriteAheadLog = "PRAGMA journal_mode=WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
