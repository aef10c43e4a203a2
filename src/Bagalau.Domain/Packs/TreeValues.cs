using System.Globalization;

namespace Bagalau.Domain.Packs;

/// <summary>Strict conversions of scalar text: invariant culture, ISO dates only.</summary>
public static class TreeValues
{
    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// Reads one map of a pack file and reports every problem (missing key, wrong shape, bad value,
/// unknown key) to a shared <see cref="Problems"/>. Call <see cref="Done"/> to report unknown keys.
/// </summary>
public sealed class MapReader
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public MapReader(MapNode map, Problems problems)
    {
        Map = map;
        Problems = problems;
    }

    public MapNode Map { get; }

    public Problems Problems { get; }

    public string File => Map.Span.File;

    /// <summary>Reads a node that must be a map; reports and returns null otherwise.</summary>
    public static MapReader? Of(Node? node, Problems problems, string what)
    {
        if (node is MapNode map)
        {
            return new MapReader(map, problems);
        }

        if (node is not null)
        {
            problems.Add(node, $"{what} must be a map, found a {node.Kind}");
        }

        return null;
    }

    public bool Has(string key) => Map.Has(key);

    public Node? Node(string key, bool required)
    {
        _used.Add(key);
        var node = Map[key];
        if (node is null && required)
        {
            Problems.Add(Map, $"missing required key '{key}'");
        }

        return node;
    }

    public string? String(string key, bool required = true)
    {
        var node = Node(key, required);
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { IsNull: true } when !required:
                return null;
            case ScalarNode s when !s.IsNull:
                return s.Value;
            default:
                Problems.Add(node, $"'{key}' must be a text value, found a {node.Kind}");
                return null;
        }
    }

    public DateOnly? Date(string key, bool required = true)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (TreeValues.TryDate(text, out var date))
        {
            return date;
        }

        Problems.Add(Map[key]!, $"'{key}' must be a date YYYY-MM-DD, found '{text}'");
        return null;
    }

    public int? Int(string key, bool required = true)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (TreeValues.TryInt(text, out var value))
        {
            return value;
        }

        Problems.Add(Map[key]!, $"'{key}' must be a whole number, found '{text}'");
        return null;
    }

    public decimal? Decimal(string key, bool required = true)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (TreeValues.TryDecimal(text, out var value))
        {
            return value;
        }

        Problems.Add(Map[key]!, $"'{key}' must be a number, found '{text}'");
        return null;
    }

    public bool? Bool(string key, bool required = true)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (TreeValues.TryBool(text, out var value))
        {
            return value;
        }

        Problems.Add(Map[key]!, $"'{key}' must be true or false, found '{text}'");
        return null;
    }

    public MapReader? Child(string key, bool required = true) =>
        Of(Node(key, required), Problems, $"'{key}'");

    public ListNode? List(string key, bool required = true)
    {
        var node = Node(key, required);
        switch (node)
        {
            case null:
                return null;
            case ListNode list:
                return list;
            default:
                Problems.Add(node, $"'{key}' must be a list, found a {node.Kind}");
                return null;
        }
    }

    /// <summary>A list of maps, each read by <paramref name="read"/>; items that are not maps are reported.</summary>
    public List<T> Items<T>(string key, Func<MapReader, T?> read, bool required = true)
        where T : class
    {
        var result = new List<T>();
        var list = List(key, required);
        if (list is null)
        {
            return result;
        }

        foreach (var item in list.Items)
        {
            var reader = Of(item, Problems, $"an item of '{key}'");
            if (reader is null)
            {
                continue;
            }

            var value = read(reader);
            reader.Done();
            if (value is not null)
            {
                result.Add(value);
            }
        }

        return result;
    }

    public List<string> Strings(string key, bool required = true)
    {
        var result = new List<string>();
        var list = List(key, required);
        if (list is null)
        {
            return result;
        }

        foreach (var item in list.Items)
        {
            if (item is ScalarNode { IsNull: false } s)
            {
                result.Add(s.Value);
            }
            else
            {
                Problems.Add(item, $"items of '{key}' must be text values, found a {item.Kind}");
            }
        }

        return result;
    }

    public List<DateOnly> Dates(string key, bool required = true)
    {
        var result = new List<DateOnly>();
        var list = List(key, required);
        if (list is null)
        {
            return result;
        }

        foreach (var item in list.Items)
        {
            if (item is ScalarNode s && TreeValues.TryDate(s.Value, out var date))
            {
                result.Add(date);
            }
            else
            {
                Problems.Add(item, $"items of '{key}' must be dates YYYY-MM-DD, found '{(item as ScalarNode)?.Value ?? item.Kind}'");
            }
        }

        return result;
    }

    /// <summary>Marks keys that are documentation only (interpretation, assumption, note) as known.</summary>
    public void Skip(params string[] keys)
    {
        foreach (var key in keys)
        {
            _used.Add(key);
        }
    }

    /// <summary>Reports every key of the map that nobody read.</summary>
    public void Done()
    {
        foreach (var entry in Map.Entries)
        {
            if (!_used.Contains(entry.Key))
            {
                Problems.Add(entry.Value, $"unknown key '{entry.Key}'");
            }
        }
    }
}
