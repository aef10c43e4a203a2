using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bagalau.Application.Persistence;

/// <summary>
/// <c>synchronous=NORMAL</c> on every SQLite connection when configured (ADR 0014): in WAL mode
/// the log is then synced at checkpoints only, not at every commit, which may lose the last
/// commits on a power cut (never on a crash of Bagalau itself). FULL, SQLite's own default,
/// needs no statement, so by default no connection pays for one.
/// </summary>
internal sealed class SqliteNormalSynchronous : DbConnectionInterceptor
{
    public static readonly SqliteNormalSynchronous Instance = new();

    private const string Pragma = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
