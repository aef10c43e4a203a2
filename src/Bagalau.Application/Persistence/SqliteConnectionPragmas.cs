using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Bagalau.Application.Persistence;

/// <summary>
/// The settings of every SQLite connection, run when it opens (each open of a pooled one too).
/// <c>temp_store=MEMORY</c>: SQLite's own default puts the temporary tables a query builds
/// (an <c>IN (SELECT ...)</c> list, a UNION) in a temporary file it opens and deletes each time,
/// which cost 150 µs of a 210 µs task-list query (ADR 0015). <c>synchronous=NORMAL</c> when
/// configured (ADR 0014): in WAL mode the log is then synced at checkpoints only, not at every
/// commit, which may lose the last commits on a power cut (never on a crash of Bagalau itself).
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Default = new("PRAGMA temp_store=MEMORY;");

    public static readonly SqliteConnectionPragmas NormalSynchronous = new("PRAGMA temp_store=MEMORY; PRAGMA synchronous=NORMAL;");

    private readonly string _pragmas;

    private SqliteConnectionPragmas(string pragmas) => _pragmas = pragmas;

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
