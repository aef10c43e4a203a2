using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Bagalau.Application.Persistence;

/// <summary>
/// Writes many new rows fast inside the caller's transaction (100,000 servants in an
/// import or a generated dataset). EF's unit of work sends one INSERT per row with per-row
/// bookkeeping; here each table is written with the provider's fast path: PostgreSQL binary
/// COPY, SQLite one prepared INSERT reused for every row. Column names, types and value
/// converters come from the EF model, so the rows are exactly what EF would have written.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Whether rows of this type can be written here: no value the store must generate.</summary>
    public static bool Supports(IEntityType type) =>
        type.GetTableName() is not null
        && !type.GetProperties().Any(p => p.ValueGenerated != Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never && p.GetColumnName() is not null && !p.IsConcurrencyToken && p.ClrType != typeof(Guid));

    /// <summary>
    /// Whether new objects of this type can be written without the change tracker: as
    /// <see cref="Supports"/>, and no key or value EF would generate on Add (the object must
    /// already hold every value) and no shadow property (it has nowhere to hold one).
    /// </summary>
    public static bool SupportsUntracked(IEntityType type) =>
        Supports(type)
        && type.GetProperties().All(p => !p.IsShadowProperty() && (p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never || p.IsConcurrencyToken));

    /// <summary>Inserts the entries of one entity type, in the order given (parents before children).</summary>
    public static Task WriteAsync(BagalauDbContext db, IEntityType type, IReadOnlyList<EntityEntry> entries, CancellationToken ct) =>
        WriteAsync(db, type, entries.Count, (i, p) => entries[i].CurrentValues[p], ct);

    /// <summary>Inserts new objects of one entity type that the change tracker does not hold (values read from their properties).</summary>
    public static Task WriteAsync(BagalauDbContext db, IEntityType type, IReadOnlyList<object> entities, CancellationToken ct) =>
        WriteAsync(db, type, entities.Count, (i, p) => p.GetGetter().GetClrValueUsingContainingEntity(entities[i]), ct);

    private static async Task WriteAsync(BagalauDbContext db, IEntityType type, int count, Func<int, IProperty, object?> value, CancellationToken ct)
    {
        if (count == 0)
        {
            return;
        }

        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var columns = type.GetProperties()
            .Select(p => (Property: p, Column: p.GetColumnName(table)))
            .Where(c => c.Column is not null)
            .Select(c => new Column(c.Property, c.Column!, c.Property.GetRelationalTypeMapping()))
            .ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the saving transaction.");
        if (connection is NpgsqlConnection npgsql)
        {
            await CopyAsync(npgsql, Quote(type.GetSchema(), type.GetTableName()!), columns, count, value, ct);
        }
        else
        {
            await InsertPreparedAsync(connection, transaction, Quote(type.GetSchema(), type.GetTableName()!), columns, count, value, ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, List<Column> columns, int count, Func<int, IProperty, object?> valueOf, CancellationToken ct)
    {
        var sql = $"COPY {table} ({string.Join(", ", columns.Select(c => Quote(null, c.Name)))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(sql, ct);
        for (var row = 0; row < count; row++)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                var value = column.ToProvider(valueOf(row, column.Property));
                await WriteValueAsync(importer, value, column.Mapping.StoreTypeNameBase, ct);
            }
        }

        await importer.CompleteAsync(ct);
    }

    // Typed writes: binary COPY needs the exact wire type of each value.
    private static Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, string storeType, CancellationToken ct) => value switch
    {
        null => importer.WriteNullAsync(ct),
        Guid g => importer.WriteAsync(g, ct),
        string s => importer.WriteAsync(s, ct),
        int i => importer.WriteAsync(i, storeType, ct),
        long l => importer.WriteAsync(l, ct),
        short s => importer.WriteAsync(s, ct),
        bool b => importer.WriteAsync(b, ct),
        decimal d => importer.WriteAsync(d, ct),
        double d => importer.WriteAsync(d, ct),
        DateOnly d => importer.WriteAsync(d, ct),
        TimeOnly t => importer.WriteAsync(t, ct),
        DateTimeOffset dto => importer.WriteAsync(dto.ToUniversalTime(), ct),
        DateTime dt => importer.WriteAsync(dt, storeType, ct),
        byte[] bytes => importer.WriteAsync(bytes, ct),
        _ => importer.WriteAsync(value, storeType, ct),
    };

    private static async Task InsertPreparedAsync(DbConnection connection, DbTransaction transaction, string table, List<Column> columns, int count, Func<int, IProperty, object?> valueOf, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => Quote(null, c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        var parameters = columns
            .Select((c, i) =>
            {
                // The mapping configures the parameter (e.g. GUIDs as upper-case TEXT on SQLite) from a first value.
                var parameter = c.Mapping.CreateParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), valueOf(0, c.Property), c.Property.IsNullable);
                command.Parameters.Add(parameter);
                return parameter;
            })
            .ToList();
        await command.PrepareAsync(ct);
        for (var row = 0; row < count; row++)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ToProvider(valueOf(row, columns[i].Property)) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static string Quote(string? schema, string name) =>
        (schema is null ? string.Empty : "\"" + schema.Replace("\"", "\"\"", StringComparison.Ordinal) + "\".")
        + "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        public object? ToProvider(object? value) =>
            value is null ? null : Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
