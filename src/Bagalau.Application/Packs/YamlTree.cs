using Bagalau.Domain.Packs;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bagalau.Application.Packs;

/// <summary>
/// Turns YAML text into the Domain's plain tree (ADR 0002): scalars stay strings (a quoted value is
/// marked quoted), every node keeps its file, path, line and column. YamlDotNet stays at this edge.
/// </summary>
public static class YamlTree
{
    /// <summary>Parses one YAML document; a syntax error, a duplicate key or a second document is reported as text with line and column.</summary>
    public static (Node? Root, string? Error) Parse(string text, string file)
    {
        try
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(text))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count == 0)
            {
                return (null, null);
            }

            if (stream.Documents.Count > 1)
            {
                return (null, $"{file}: more than one YAML document");
            }

            return (Convert(stream.Documents[0].RootNode, file, ""), null);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            return (null, $"{file}:{e.Start.Line}:{e.Start.Column}: YAML error: {Clean(reason)}");
        }
        catch (ArgumentException e)
        {
            // YamlDotNet reports a duplicate mapping key this way.
            return (null, $"{file}: YAML error: {Clean(e.Message)}");
        }
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes its own (Line: 3, Col: 5, Idx: ...) - (Line: ...): keep the reason only.
        var at = message.LastIndexOf("): ", StringComparison.Ordinal);
        return at >= 0 && message.StartsWith('(') ? message[(at + 3)..] : message;
    }

    private static Node Convert(YamlNode node, string file, string path)
    {
        var span = new SourceSpan(file, path, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlScalarNode scalar:
                return new ScalarNode(span, scalar.Value ?? "", scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any));
            case YamlSequenceNode sequence:
                return new ListNode(span, sequence.Children.Select((c, i) => Convert(c, file, TreePaths.Item(path, i))).ToList());
            case YamlMappingNode mapping:
                var entries = new List<KeyValuePair<string, Node>>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (keyNode, value) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode k ? k.Value ?? "" : keyNode.ToString();
                    if (!seen.Add(key))
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, $"duplicate key '{key}'");
                    }

                    entries.Add(new(key, Convert(value, file, TreePaths.Child(path, key))));
                }

                return new MapNode(span, entries);
            default:
                return new ScalarNode(span, "", quoted: false);
        }
    }
}
