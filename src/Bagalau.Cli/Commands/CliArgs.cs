namespace Bagalau.Cli.Commands;

/// <summary>
/// Parsed command-line words: positional arguments and <c>--name value</c> options, in order
/// (an option may repeat, e.g. <c>--role hr --role evaluator</c>).
/// </summary>
internal sealed class CliArgs
{
    private CliArgs(List<string> positional, List<(string Name, string Value)> options)
    {
        Positional = positional;
        Options = options;
    }

    public IReadOnlyList<string> Positional { get; }

    public IReadOnlyList<(string Name, string Value)> Options { get; }

    /// <summary>Null and an error text when an option has no value or is not one of <paramref name="known"/>.</summary>
    public static (CliArgs? Args, string? Error) Parse(IReadOnlyList<string> words, params string[] known)
    {
        var positional = new List<string>();
        var options = new List<(string, string)>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(word);
                continue;
            }

            var name = word[2..];
            string value;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < words.Count)
            {
                value = words[++i];
            }
            else
            {
                return (null, $"option --{name} needs a value");
            }

            if (!known.Contains(name) && name is not ("database" or "connection"))
            {
                return (null, $"unknown option --{name}");
            }

            options.Add((name, value));
        }

        return (new CliArgs(positional, options), null);
    }

    /// <summary>The last value of an option, or null.</summary>
    public string? this[string name] => Options.LastOrDefault(o => o.Name == name).Value;
}
