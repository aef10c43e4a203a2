using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bagalau.Application.Audit;

/// <summary>Turns the change tracker's pending changes into audit entries with before/after JSON.</summary>
internal static class AuditCapture
{
    // Secrets never go into the log: a changed one shows as "***".
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value",

        // Data protection key material (the key ring is in the database so every node shares it).
        "Xml",
    };

    public static List<AuditEntry> Capture(ChangeTracker tracker)
    {
        var entries = new List<AuditEntry>();
        foreach (var entry in tracker.Entries())
        {
            // 360 answers stay anonymous: an audit entry (actor, time, neighbour records) would name the respondent.
            if (entry.Entity is Domain.Evaluation2023.IAnonymousRecord)
            {
                continue;
            }

            if (entry.Entity is AuditRecord)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("Audit records are append-only: they cannot be changed or deleted.");
                }

                continue;
            }

            var action = entry.State switch
            {
                EntityState.Added => "insert",
                EntityState.Modified => "update",
                EntityState.Deleted => "delete",
                _ => null,
            };
            if (action is null)
            {
                continue;
            }

            var properties = entry.Properties.Where(p => action != "update" || p.IsModified).ToList();
            if (action == "update" && properties.All(p => p.Metadata.Name == "Version"))
            {
                continue;
            }

            var before = action == "insert" ? null : Json(properties.Select(p => (p.Metadata.Name, p.OriginalValue)));
            var after = action == "delete" ? null : Json(properties.Select(p => (p.Metadata.Name, p.CurrentValue)));
            entries.Add(new AuditEntry(action, entry.Metadata.ClrType.Name, Key(entry), BodyOf(entry), before, after));
        }

        return entries;
    }

    /// <summary>
    /// The audit entry of a new row the change tracker does not hold (a bulk close stages its
    /// rows untracked): read straight from the object, the same JSON the tracker's capture writes.
    /// </summary>
    public static AuditEntry Insert(IEntityType type, object entity)
    {
        var shape = Shapes.GetOrAdd(type, Shape.Of);
        var values = new (string Name, object? Value)[shape.Properties.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (shape.Properties[i].Name, shape.Getters[i].GetClrValueUsingContainingEntity(entity));
        }

        var entityKey = shape.Key.Length == 1
            ? Format(shape.Key[0].GetClrValueUsingContainingEntity(entity))
            : string.Join(",", shape.Key.Select(g => Format(g.GetClrValueUsingContainingEntity(entity))));
        var body = shape.Body is { } bodyGetter
            ? bodyGetter.GetClrValueUsingContainingEntity(entity) as Guid?
            : entity is Domain.Organisation.StateBody stateBody ? stateBody.Id : null;
        return new AuditEntry("insert", type.ClrType.Name, entityKey, body, null, Json(values));
    }

    /// <summary>
    /// One audit entry for many new rows (ADR 0013): <c>{"Type":[{row},...],...}</c>, types in
    /// name order, rows in the order written, each row the same canonical JSON a single insert's
    /// record holds (every property in name order). One reused buffer and writer for the whole batch.
    /// </summary>
    public static AuditEntry InsertBatch(AuditBatch batch, IEnumerable<(IEntityType Type, IReadOnlyList<object> Rows)> rowsByType)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (type, rows) in rowsByType.OrderBy(g => g.Type.ClrType.Name, StringComparer.Ordinal))
            {
                var shape = Shapes.GetOrAdd(type, Shape.Of);
                writer.WriteStartArray(type.ClrType.Name);
                foreach (var row in rows)
                {
                    writer.WriteStartObject();
                    for (var i = 0; i < shape.Properties.Length; i++)
                    {
                        WriteValue(writer, shape.Properties[i].Name, shape.Getters[i].GetClrValueUsingContainingEntity(row));
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return new AuditEntry("insert", batch.Entity, batch.EntityKey, batch.StateBodyId, null, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    // A type's properties in the JSON's (name) order with their getters: looked up once, not per row.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<IEntityType, Shape> Shapes = new();

    private sealed record Shape(IProperty[] Properties, IClrPropertyGetter[] Getters, IClrPropertyGetter[] Key, IClrPropertyGetter? Body)
    {
        public static Shape Of(IEntityType type)
        {
            if (type.GetProperties().FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            {
                throw new InvalidOperationException($"{type.DisplayName()}.{shadow.Name} is a shadow property: rows of this type must be saved through the change tracker.");
            }

            var properties = type.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
            return new Shape(
                properties,
                properties.Select(p => p.GetGetter()).ToArray(),
                type.FindPrimaryKey()?.Properties.Select(p => p.GetGetter()).ToArray() ?? [],
                type.FindProperty("StateBodyId")?.GetGetter());
        }
    }

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? string.Empty
            : string.Join(",", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    private static Guid? BodyOf(EntityEntry entry)
    {
        var property = entry.Metadata.FindProperty("StateBodyId");
        if (property is null)
        {
            return entry.Entity is Domain.Organisation.StateBody body ? body.Id : null;
        }

        return entry.Property("StateBodyId").CurrentValue as Guid?;
    }

    /// <summary>Properties in name order, values in invariant text, so the JSON is canonical.</summary>
    private static string Json(IEnumerable<(string Name, object? Value)> properties)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping keeps Kazakh and Russian text readable in the stored JSON.
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var (name, v) in properties.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                WriteValue(writer, name, v);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? v)
    {
        if (Redacted.Contains(name) && v is not null)
        {
            writer.WriteString(name, "***");
        }
        else if (v is null)
        {
            writer.WriteNull(name);
        }
        else if (v is bool b)
        {
            writer.WriteBoolean(name, b);
        }
        else
        {
            writer.WriteString(name, Format(v));
        }
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
        Enum e => Domain.Organisation.KindIds.Id(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
