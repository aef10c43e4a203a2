using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Bagalau.Application.Persistence;

/// <summary>The order bulk rows are written in, so that every foreign key finds its row already there.</summary>
internal static class BulkOrder
{
    /// <summary>Entity types with the types they reference first (a topological order of the foreign keys).</summary>
    public static IReadOnlyList<IEntityType> Of(IEnumerable<IEntityType> types)
    {
        var pending = types.ToHashSet();
        var order = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var ready = pending
                .Where(t => !t.GetForeignKeys().Any(fk => fk.PrincipalEntityType != t && pending.Contains(fk.PrincipalEntityType)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("Foreign keys between the new rows form a cycle: " + string.Join(", ", pending.Select(t => t.Name)));
            }

            order.AddRange(ready);
            pending.ExceptWith(ready);
        }

        return order;
    }

    /// <summary>Rows of a type that references itself (a unit's parent): parents before children.</summary>
    public static IReadOnlyList<EntityEntry> ParentsFirst(IEntityType type, List<EntityEntry> rows)
    {
        var self = type.GetForeignKeys().Where(fk => fk.PrincipalEntityType == type && fk.Properties.Count == 1).ToList();
        var key = type.FindPrimaryKey();
        if (self.Count == 0 || key is not { Properties.Count: 1 })
        {
            return rows;
        }

        var keyProperty = key.Properties[0];
        var parents = self.Select(fk => fk.Properties[0]).ToList();
        var byKey = rows.ToDictionary(r => r.CurrentValues[keyProperty]!);
        var written = new HashSet<object>();
        var ordered = new List<EntityEntry>(rows.Count);
        void Visit(EntityEntry row, int depth)
        {
            var id = row.CurrentValues[keyProperty]!;
            if (depth > rows.Count || !written.Add(id))
            {
                return;
            }

            foreach (var parent in parents)
            {
                if (row.CurrentValues[parent] is { } parentId && byKey.TryGetValue(parentId, out var parentRow))
                {
                    Visit(parentRow, depth + 1);
                }
            }

            ordered.Add(row);
        }

        foreach (var row in rows)
        {
            Visit(row, 0);
        }

        return ordered;
    }
}
