using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Bagalau.Application.Persistence;

/// <summary>
/// Open SQLite connections that keep their prepared statements, for the hottest reads of the
/// web app (ADR 0016). Through EF a task-list page cost 340 µs of CPU, most of it opening a
/// pooled connection (EF registers its functions, the pragmas run) and SQLite parsing and
/// planning the statement again; here a read binds its values to a statement prepared once
/// and steps it. Each connection serves one read at a time; a read runs in its own implicit
/// transaction, so it sees every write committed before it started (WAL), like any other
/// connection. Not <see cref="Available"/> on PostgreSQL, where the callers keep their EF queries.
/// </summary>
public sealed class SqliteReads : IDisposable
{
    /// <summary>Idle connections kept; more are opened under a burst and closed after it.</summary>
    internal const int MaxIdle = 8;

    private readonly string? _connectionString;
    private readonly string? _pragmas;
    private readonly ConcurrentBag<Reader> _idle = [];
    private int _opened;
    private int _idleCount;
    private volatile bool _disposed;

    public SqliteReads(DatabaseOptions options)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        // Bagalau holds these open itself: Microsoft.Data.Sqlite's pool would reset them on every close.
        _connectionString = new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString();
        _pragmas = SqliteConnectionPragmas.Statements(options.SqliteTempTablesInMemory, options.SqliteNormalSync);
    }

    /// <summary>True on SQLite; the other providers read through EF.</summary>
    public bool Available => _connectionString is not null;

    /// <summary>Connections opened since the start (each stays open while it is reused): for tests and diagnostics.</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>
    /// Runs <paramref name="sql"/> (parameters <c>$p0</c>, <c>$p1</c>, … bound from
    /// <paramref name="args"/> in order) and maps each row. The statement is prepared on a
    /// connection's first use of that text and reused after.
    /// </summary>
    public List<T> List<T>(string sql, object?[] args, Func<SqliteDataReader, T> map)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!Available)
        {
            throw new InvalidOperationException("SqliteReads serve a SQLite database only.");
        }

        Reader reader;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            reader = idle;
        }
        else
        {
            reader = Open();
        }

        try
        {
            var rows = reader.List(sql, args, map);
            Return(reader);
            return rows;
        }
        catch
        {
            // A connection in an unknown state is not handed out again.
            reader.Dispose();
            throw;
        }
    }

    private Reader Open()
    {
        var connection = new SqliteConnection(_connectionString!);
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                // A read never writes, whatever statement it is handed.
                command.CommandText = "PRAGMA query_only=1;" + _pragmas;
                command.ExecuteNonQuery();
            }

            Interlocked.Increment(ref _opened);
            return new Reader(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(Reader reader)
    {
        // A counter, not ConcurrentBag.Count: that takes every per-thread lock of the bag, on every read.
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            if (!_disposed)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            reader.Dispose();
            return;
        }

        _idle.Add(reader);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>One open connection and the statements prepared on it, by text.</summary>
    private sealed class Reader(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public List<T> List<T>(string sql, object?[] args, Func<SqliteDataReader, T> map)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                for (var i = 0; i < args.Length; i++)
                {
                    command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
                }

                command.Prepare();
                _commands.Add(sql, command);
            }

            if (command.Parameters.Count != args.Length)
            {
                throw new ArgumentException($"The statement takes {command.Parameters.Count} values, {args.Length} were given.", nameof(args));
            }

            for (var i = 0; i < args.Length; i++)
            {
                command.Parameters[i].Value = args[i] ?? DBNull.Value;
            }

            var rows = new List<T>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            connection.Dispose();
        }
    }
}
