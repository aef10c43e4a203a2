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
            null => throw Invalid(
                $"«{where}» жоқ",
                $"нет «{where}»",
                $"{where} is missing"),
            _ => throw Invalid(
                $"«{where}» «кілт: мән» жиыны болуы тиіс, берілгені: {KindKk(node)}",
                $"«{where}» должен быть словарём «ключ: значение», получено: {KindRu(node)}",
                $"{where} must be a map, found a {node.Kind}"),
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
        _map[key] ?? throw Invalid(
            $"«{_where}» ішінде міндетті «{key}» кілті жоқ",
            $"в «{_where}» нет обязательного ключа «{key}»",
            $"missing required key '{key}' in {_where}");

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
            : throw Invalid(
                $"«{key}» жыл (2019) немесе тоқсан (2026-Q1) болуы тиіс, берілгені: «{text}»",
                $"«{key}» должен быть годом (2019) или кварталом (2026-Q1), получено: «{text}»",
                $"'{key}' must be a year (2019) or a quarter (2026-Q1), found '{text}'");
    }

    public IReadOnlyList<Node> List(string key, bool required = true)
    {
        var node = required ? Required(key) : _map[key];
        return node switch
        {
            null or ScalarNode { IsNull: true } when !required => [],
            ListNode list => list.Items,
            _ => throw Invalid(
                $"«{key}» тізім болуы тиіс, берілгені: {KindKk(node)}",
                $"«{key}» должен быть списком, получено: {KindRu(node)}",
                $"'{key}' must be a list, found a {node?.Kind ?? "nothing"}"),
        };
    }

    public IReadOnlyList<string> Strings(string key) => List(key).Select(n => Text(n, key)).ToList();

    public static string Text(Node node, string key) => node switch
    {
        ScalarNode { IsNull: false } s => s.Value,
        _ => throw Invalid(
            $"«{key}» мәтіндік мән болуы тиіс, берілгені: {KindKk(node)}",
            $"«{key}» должен быть текстовым значением, получено: {KindRu(node)}",
            $"'{key}' must be a text value, found a {node.Kind}"),
    };

    public static DateOnly DateOf(Node node, string key)
    {
        var text = Text(node, key);
        return TreeValues.TryDate(text, out var date)
            ? date
            : throw Invalid(
                $"«{key}» 2024-06-30 түріндегі күн болуы тиіс, берілгені: «{text}»",
                $"«{key}» должен быть датой вида 2024-06-30, получено: «{text}»",
                $"'{key}' must be a date YYYY-MM-DD, found '{text}'");
    }

    public static int IntOf(Node node, string key)
    {
        var text = Text(node, key);
        return TreeValues.TryInt(text, out var value)
            ? value
            : throw Invalid(
                $"«{key}» бүтін сан болуы тиіс, берілгені: «{text}»",
                $"«{key}» должен быть целым числом, получено: «{text}»",
                $"'{key}' must be a whole number, found '{text}'");
    }

    public static decimal DecimalOf(Node node, string key)
    {
        var text = Text(node, key);
        return TreeValues.TryDecimal(text, out var value)
            ? value
            : throw Invalid(
                $"«{key}» сан болуы тиіс, берілгені: «{text}»",
                $"«{key}» должен быть числом, получено: «{text}»",
                $"'{key}' must be a number, found '{text}'");
    }

    public static bool BoolOf(Node node, string key)
    {
        var text = Text(node, key);
        return TreeValues.TryBool(text, out var value)
            ? value
            : throw Invalid(
                $"«{key}» «true» немесе «false» болуы тиіс, берілгені: «{text}»",
                $"«{key}» должен быть «true» или «false», получено: «{text}»",
                $"'{key}' must be true or false, found '{text}'");
    }

    /// <summary>An invalid-input refusal to throw; the detail is given in kk, ru and en.</summary>
    public static InputRefusedException Invalid(FormattableString kk, FormattableString ru, FormattableString en) =>
        new(Refusals.InvalidInput(kk, ru, en));

    /// <summary>A node's shape (<see cref="Node.Kind"/>) named in Kazakh; no node at all is "ештеңе".</summary>
    private static string KindKk(Node? node) => node?.Kind switch
    {
        null => "ештеңе",
        "map" => "«кілт: мән» жиыны",
        "list" => "тізім",
        "null" => "бос мән",
        _ => "жалғыз мән",
    };

    /// <summary>A node's shape (<see cref="Node.Kind"/>) named in Russian; no node at all is "ничего".</summary>
    private static string KindRu(Node? node) => node?.Kind switch
    {
        null => "ничего",
        "map" => "словарь «ключ: значение»",
        "list" => "список",
        "null" => "пустое значение",
        _ => "одиночное значение",
    };
}
