using System.Globalization;
using System.Text;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Conformance;

/// <summary>A case file as read by the edge: its tree, or why it could not be read (I/O or syntax error).</summary>
public sealed record CaseFile(string File, Node? Root, string? Error);

/// <summary>The outcome of one case: the line the runner prints for it.</summary>
public sealed record CaseResult(string Name, bool Passed, string? Failure)
{
    public string Line => Passed ? $"PASS {Name}" : $"FAIL {Name}: {Failure}";
}

/// <summary>All cases run: one line per case and the totals line.</summary>
public sealed record ConformanceReport(IReadOnlyList<CaseResult> Results)
{
    public int Passed => Results.Count(r => r.Passed);

    public int Failed => Results.Count(r => !r.Passed);

    public string Summary => string.Create(CultureInfo.InvariantCulture, $"{Passed} passed, {Failed} failed");

    public int ExitCode => Failed == 0 ? 0 : 1;
}

/// <summary>
/// Runs conformance cases (conformance.md): each case asks one decision of a pack version and
/// states the expected answer. Only the keys in <c>expect</c> are compared; numbers after the
/// pack's rounding; lists in order except <c>errors</c> (a set); <c>{error: CODE}</c> expects a
/// refusal with that code. A bad file or case is a failure with a clear message, never a crash.
/// </summary>
public sealed class ConformanceRunner(PackCatalogue catalogue, DateOnly today)
{
    private static readonly string[] CaseKeys = ["name", "pack", "as-of", "decision", "input", "expect"];

    public ConformanceReport Run(IEnumerable<CaseFile> files)
    {
        var results = new List<CaseResult>();
        foreach (var file in files)
        {
            results.AddRange(RunFile(file));
        }

        return new ConformanceReport(results);
    }

    public IEnumerable<CaseResult> RunFile(CaseFile file)
    {
        if (file.Error is not null || file.Root is null)
        {
            return [new CaseResult(file.File, false, file.Error ?? "the file is empty")];
        }

        var cases = file.Root switch
        {
            ListNode list => list.Items,
            MapNode map => [map],
            _ => [],
        };
        if (cases.Count == 0)
        {
            return [new CaseResult(file.File, false, "the file holds no case (expected a case map or a list of cases)")];
        }

        return cases.Select((c, i) => RunCase(c, string.Create(CultureInfo.InvariantCulture, $"{file.File}[{i}]"))).ToList();
    }

    public CaseResult RunCase(Node node, string fallbackName)
    {
        if (node is not MapNode map)
        {
            return new CaseResult(fallbackName, false, $"a case must be a map, found a {node.Kind}");
        }

        var name = map["name"] is ScalarNode { IsNull: false } n ? n.Value : fallbackName;
        try
        {
            return Evaluate(map, name);
        }
        catch (InputRefusedException e)
        {
            return new CaseResult(name, false, e.Refusal.Message.En);
        }
    }

    private CaseResult Evaluate(MapNode map, string name)
    {
        foreach (var key in map.Keys.Where(k => !CaseKeys.Contains(k)))
        {
            return new CaseResult(name, false, $"unknown key '{key}' in the case (known: {string.Join(", ", CaseKeys)})");
        }

        if (map["name"] is null)
        {
            return new CaseResult(name, false, "missing required key 'name'");
        }

        var decision = map["decision"] is ScalarNode { IsNull: false } d ? d.Value : null;
        if (decision is null)
        {
            return new CaseResult(name, false, "missing required key 'decision'");
        }

        if (map["expect"] is not MapNode expect)
        {
            return new CaseResult(name, false, map["expect"] is null ? "missing required key 'expect'" : "'expect' must be a map");
        }

        var outcome = Decide(map, decision);

        // conformance.md: a case naming an unknown pack, decision or key is a failure, whatever it expects.
        if (outcome.Refusal is { Code: "unknown-pack" or "unknown-decision" or "unknown-key" } unknown)
        {
            return new CaseResult(name, false, unknown.Message.En);
        }

        var rounding = TryRounding(map);
        return Compare(name, expect, outcome, rounding);
    }

    /// <summary>
    /// Asks one decision of a pack outside a case file (the API's "ask a decision"): the same
    /// reading of the input and the same refusals as a case, so a person and a case get one answer.
    /// </summary>
    public Decided<IAnswer> Ask(string packId, string decision, DateOnly asOf, Node? input)
    {
        var span = input?.Span ?? SourceSpan.None("request");
        var entries = new List<KeyValuePair<string, Node>>
        {
            new("pack", new ScalarNode(span, packId, true)),
            new("as-of", new ScalarNode(span, TreeValues.Format(asOf), true)),
            new("decision", new ScalarNode(span, decision, true)),
        };
        if (input is not null)
        {
            entries.Add(new("input", input));
        }

        return Decide(new MapNode(span, entries), decision);
    }

    private Decided<IAnswer> Decide(MapNode map, string decision)
    {
        var packId = map["pack"] is ScalarNode { IsNull: false } p ? p.Value : null;
        if (!DecisionAdapters.IsKnown(decision))
        {
            return DecisionAdapters.Run(decision, new DecisionContext(() => throw new InvalidOperationException(), catalogue.Calendar), null);
        }

        if (packId is null && !DecisionAdapters.VersionFree.Contains(decision))
        {
            return Decided<IAnswer>.Refused(Refusals.InvalidInput(
                $"сынақ жағдайында міндетті «pack» кілті жоқ",
                $"в тестовом случае нет обязательного ключа «pack»",
                $"missing required key 'pack' in the case"));
        }

        var pack = packId is null ? null : catalogue.Find(packId);
        if (packId is not null && pack is null)
        {
            return Decided<IAnswer>.Refused(Refusal.Of(
                "unknown-pack",
                $"«{packId}» әдістемесі жоқ",
                $"Нет методики «{packId}»",
                $"Unknown pack '{packId}' (packs: {string.Join(", ", catalogue.Packs.Select(x => x.Id))})"));
        }

        DateOnly asOf;
        try
        {
            asOf = map.Has("as-of") ? CaseInput.DateOf(map["as-of"]!, "as-of") : today;
        }
        catch (InputRefusedException e)
        {
            return Decided<IAnswer>.Refused(e.Refusal);
        }

        var context = new DecisionContext(
            () => pack!.VersionOn(asOf) ?? throw new InputRefusedException(Refusals.NoVersionInForce(pack, asOf)),
            catalogue.Calendar);
        return DecisionAdapters.Run(decision, context, map["input"]);
    }

    private Rounding TryRounding(MapNode map)
    {
        if (map["pack"] is ScalarNode p && catalogue.Find(p.Value) is { } pack)
        {
            var asOf = map["as-of"] is ScalarNode a && TreeValues.TryDate(a.Value, out var date) ? date : today;
            return pack.VersionOn(asOf)?.Rules.Rounding ?? Rounding.Default;
        }

        return Rounding.Default;
    }

    private static CaseResult Compare(string name, MapNode expect, Decided<IAnswer> outcome, Rounding rounding)
    {
        if (expect["error"] is { } errorNode)
        {
            var expectedCode = errorNode is ScalarNode s ? s.Value : "?";
            if (outcome.Refusal is { } r)
            {
                return r.Code == expectedCode
                    ? new CaseResult(name, true, null)
                    : new CaseResult(name, false, $"expected error {expectedCode}, got error {r.Code} ({r.Message.En})");
            }

            return new CaseResult(name, false, $"expected error {expectedCode}, got {Render(outcome.Answer!.Fields(), outcome.Provenance?.Clause)}");
        }

        if (outcome.Refusal is { } refusal)
        {
            return new CaseResult(name, false, $"expected {Render(expect)}, got error {refusal.Code} ({refusal.Message.En})");
        }

        var fields = outcome.Answer!.Fields().ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var expectedParts = new List<string>();
        var actualParts = new List<string>();
        foreach (var (key, expected) in expect.Entries)
        {
            object? actual;
            if (key == "clause")
            {
                actual = outcome.Provenance?.Clause;
            }
            else
            {
                fields.TryGetValue(key, out actual);
            }

            if (!Matches(expected, actual, rounding, asSet: key == "errors"))
            {
                expectedParts.Add($"{key}: {Render(expected)}");
                actualParts.Add($"{key}: {RenderValue(actual)}");
            }
        }

        return expectedParts.Count == 0
            ? new CaseResult(name, true, null)
            : new CaseResult(name, false, $"expected {string.Join(", ", expectedParts)}, got {string.Join(", ", actualParts)}");
    }

    /// <summary>Compares an expected node with an answer value, as conformance.md says.</summary>
    public static bool Matches(Node expected, object? actual, Rounding rounding, bool asSet = false)
    {
        if (expected is ScalarNode { IsNull: true })
        {
            return actual is null;
        }

        switch (actual)
        {
            case null:
                return false;
            case decimal d:
                return expected is ScalarNode ds && TreeValues.TryDecimal(ds.Value, out var ed) && rounding.Apply(ed) == rounding.Apply(d);
            case int i:
                return expected is ScalarNode isc && TreeValues.TryDecimal(isc.Value, out var ei) && ei == i;
            case bool b:
                return expected is ScalarNode bs && TreeValues.TryBool(bs.Value, out var eb) && eb == b;
            case string s:
                return expected is ScalarNode ss && ss.Value == s;
            case DateOnly date:
                return expected is ScalarNode dts && dts.Value == TreeValues.Format(date);
            case IReadOnlyList<KeyValuePair<string, object?>> map:
                return expected is MapNode em
                    && em.Entries.Count == map.Count
                    && map.All(kv => em[kv.Key] is { } e && Matches(e, kv.Value, rounding));
            case IReadOnlyList<object?> list:
                if (expected is not ListNode el || el.Items.Count != list.Count)
                {
                    return false;
                }

                if (!asSet)
                {
                    return list.Select((v, idx) => Matches(el.Items[idx], v, rounding)).All(x => x);
                }

                var remaining = list.ToList();
                foreach (var item in el.Items)
                {
                    var at = remaining.FindIndex(v => Matches(item, v, rounding));
                    if (at < 0)
                    {
                        return false;
                    }

                    remaining.RemoveAt(at);
                }

                return true;
            default:
                return false;
        }
    }

    public static string Render(Node node) => node switch
    {
        ScalarNode { IsNull: true } => "null",
        ScalarNode s => s.Value,
        ListNode l => "[" + string.Join(", ", l.Items.Select(Render)) + "]",
        MapNode m => "{" + string.Join(", ", m.Entries.Select(e => $"{e.Key}: {Render(e.Value)}")) + "}",
        _ => "?",
    };

    private static string Render(IReadOnlyList<KeyValuePair<string, object?>> fields, string? clause)
    {
        var parts = fields.Select(f => $"{f.Key}: {RenderValue(f.Value)}").ToList();
        if (clause is not null)
        {
            parts.Add($"clause: {clause}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    public static string RenderValue(object? value) => value switch
    {
        null => "(absent)",
        decimal d => TreeValues.Format(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly date => TreeValues.Format(date),
        string s => s,
        IReadOnlyList<KeyValuePair<string, object?>> map => "{" + string.Join(", ", map.Select(kv => $"{kv.Key}: {RenderValue(kv.Value)}")) + "}",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Select(RenderValue)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The report as the CLI prints it: one line per case, then the totals alone on the last line.</summary>
    public static string Format(ConformanceReport report)
    {
        var text = new StringBuilder();
        foreach (var r in report.Results)
        {
            text.Append(r.Line).Append('\n');
        }

        text.Append(report.Summary).Append('\n');
        return text.ToString();
    }
}
