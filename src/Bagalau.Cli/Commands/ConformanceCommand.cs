using Bagalau.Application.Conformance;
using Bagalau.Application.Packs;
using Bagalau.Domain.Conformance;
using Bagalau.Domain.Packs;

namespace Bagalau.Cli.Commands;

/// <summary>`bagalau conformance FILE_OR_DIR... [--packs DIR] [--today DATE]` (conformance.md).</summary>
public sealed class ConformanceCommand(TimeProvider clock) : ICliCommand
{
    public ConformanceCommand()
        : this(TimeProvider.System)
    {
    }

    public string Name => "conformance";

    public string Summary => "run conformance cases: conformance FILE_OR_DIR... [--packs DIR] [--today YYYY-MM-DD]";

    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var paths = new List<string>();
        string? packsDir = null;
        var today = Bagalau.Application.Time.KazakhstanClock.Today(clock);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--packs" when i + 1 < args.Length:
                    packsDir = args[++i];
                    break;
                case "--today" when i + 1 < args.Length:
                    if (!TreeValues.TryDate(args[++i], out today))
                    {
                        await stderr.WriteLineAsync($"bagalau conformance: --today must be a date YYYY-MM-DD, found '{args[i]}'");
                        return 2;
                    }

                    break;
                case "--packs" or "--today":
                    await stderr.WriteLineAsync($"bagalau conformance: {args[i]} needs a value");
                    return 2;
                default:
                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            await stderr.WriteLineAsync("usage: bagalau conformance FILE_OR_DIR... [--packs DIR] [--today YYYY-MM-DD]");
            return 2;
        }

        PackCatalog catalog;
        try
        {
            catalog = packsDir is null ? PackCatalog.LoadEmbedded() : PackCatalog.LoadDirectory(packsDir);
        }
        catch (PackLoadException e)
        {
            await stderr.WriteLineAsync("bagalau conformance: the packs do not load:");
            foreach (var p in e.Problems)
            {
                await stderr.WriteLineAsync("  " + p);
            }

            await stdout.WriteLineAsync("0 passed, 1 failed");
            return 1;
        }

        var runner = new ConformanceRunner(catalog.Catalogue, today);
        var report = runner.Run(CaseFiles.Find(paths));
        await stdout.WriteAsync(ConformanceRunner.Format(report));
        return report.ExitCode;
    }
}
