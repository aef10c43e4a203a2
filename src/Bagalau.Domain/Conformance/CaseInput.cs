using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Conformance;

/// <summary>Raised while reading a case's input: the decision is refused with this code before it runs.</summary>
public sealed class InputRefusedException(Refusal refusal) : Exception(refusal.ToString())
{
    public Refusal Refusal { get; } = refusal;
}

/// <summary>
/// Reads one map of a case's input strictly: every key must be known to the decision
/// (unknown-key), every required key present and every value of the right type (invalid-input).
/// </summary>
public sealed class CaseInput
{
    private readonly MapNode _map;
    private readonly string _where;
    private readonly HashSet<string> _known;

    public CaseInput(Node? node, string where, params string[] known)
    {
        _where = where;
        _map = node switch
        {
            MapNode m => m,
            null => throw Invalid($"{where} is missing"),
            _ => throw Invalid($"{where} must be a map, found a {node.Kind}"),
        };
        _known = new HashSet<string>(known, StringComparer.Ordinal);
        foreach (var key in _map.Keys.Where(k => !_known.Contains(k)))
        {
            throw new InputRefusedException(Refusals.UnknownKey(key, where));
        }
    }

    public MapNode Map => _map;

    public bool Has(string key) => _map[key] is not null and not ScalarNode { IsNull: true };

    public Node Required(string key) =>
        _map[key] ?? throw Invalid($"missing required key '{key}' in {_where}");

    public string String(string key) => Text(Required(key), key);

    public string? OptionalString(string key) => Has(key) ? String(key) : null;

    public DateOnly Date(string key) => DateOf(Required(key), key);

    public DateOnly? OptionalDate(string key) => Has(key) ? Date(key) : null;

    public int Int(string key) => IntOf(Required(key), key);

    public decimal Decimal(string key) => DecimalOf(Required(key), key);

    public bool? OptionalBool(string key) => Has(key) ? BoolOf(Required(key), key) : null;

    public Period Period(string key)
    {
        var text = String(key);
        return Decisions.Period.TryParse(text, out var period)
            ? period
            : throw Invalid($"'{key}' must be a year (2019) or a quarter (2026-Q1), found '{text}'");
    }

    public IReadOnlyList<Node> List(string key, bool required = true)
    {
        var node = required ? Required(key) : _map[key];
        return node switch
        {
            null or ScalarNode { IsNull: true } when !required => [],
            ListNode list => list.Items,
            _ => throw Invalid($"'{key}' must be a list, found a {node?.Kind ?? "nothing"}"),
        };
    }

    public IReadOnlyList<string> Strings(string key) => List(key).Select(n => Text(n, key)).ToList();

    public static string Text(Node node, string key) => node switch
    {
        ScalarNode { IsNull: false } s => s.Value,
        _ => throw Invalid($"'{key}' must be a text value, found a {node.Kind}"),
    };

    public static DateOnly DateOf(Node node, string key)
    {
        var text = Text(node, key);
        return TreeValues.TryDate(text, out var date) ? date : throw Invalid($"'{key}' must be a date YYYY-MM-DD, found '{text}'");
    }

    public static int IntOf(Node node, string key)
    {
        var text = Text(node, key);
        return TreeValues.TryInt(text, out var value) ? value : throw Invalid($"'{key}' must be a whole number, found '{text}'");
    }

    public static decimal DecimalOf(Node node, string key)
    {
        var text = Text(node, key);
        return TreeValues.TryDecimal(text, out var value) ? value : throw Invalid($"'{key}' must be a number, found '{text}'");
    }

    public static bool BoolOf(Node node, string key)
    {
        var text = Text(node, key);
        return TreeValues.TryBool(text, out var value) ? value : throw Invalid($"'{key}' must be true or false, found '{text}'");
    }

    public static InputRefusedException Invalid(FormattableString detail) => new(Refusals.InvalidInput(detail));
}
