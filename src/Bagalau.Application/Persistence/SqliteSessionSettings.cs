using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bagalau.Application.Persistence;

/// <summary>
/// Settings of every SQLite connection (ADR 0014). Write-ahead logging lets readers (task lists,
/// dashboards) run beside the single writer instead of waiting for it, and a commit appends to
/// the log instead of rewriting pages through a rollback journal. <c>synchronous</c> is
/// configurable: FULL (the default) syncs the log at every commit, NORMAL only at checkpoints,
/// which may lose the last commits on a power cut (never on a crash of Bagalau itself).
/// </summary>
internal sealed class SqliteSessionSettings(string synchronous) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous};";

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
