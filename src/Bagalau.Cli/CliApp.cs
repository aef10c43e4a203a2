using Bagalau.Cli.Commands;

namespace Bagalau.Cli;

/// <summary>
/// The `bagalau` command line. Each command is a small class; this table is the only place
/// that lists them, so adding a command is one file plus one line here.
/// </summary>
public static class CliApp
{
    private static readonly IReadOnlyList<ICliCommand> Commands =
    [
        new MigrateCommand(),
        new ImportCommand(),
        new ExportCommand(),
        new UserCommand(),
        new SeedCommand(),
        new DemoCommand(),
        new AuditCommand(),
        new ConformanceCommand(),
        new PacksCommand(),
        new CalendarCommand(),
        new DocumentsCommand(),
        new QuarterCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintHelp(stdout);
            return args.Length == 0 ? 2 : 0;
        }

        var command = Commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
        if (command is null)
        {
            await stderr.WriteLineAsync($"bagalau: unknown command '{args[0]}'. Run 'bagalau help'.");
            return 2;
        }

        return await command.RunAsync(args[1..], stdout, stderr);
    }

    private static void PrintHelp(TextWriter stdout)
    {
        stdout.WriteLine("bagalau - performance evaluation of \"B\" corps civil servants");
        stdout.WriteLine();
        stdout.WriteLine("usage: bagalau COMMAND [ARGS]");
        foreach (var c in Commands)
        {
            stdout.WriteLine($"  {c.Name,-14} {c.Summary}");
        }
    }
}

/// <summary>One top-level CLI command (its first word).</summary>
public interface ICliCommand
{
    string Name { get; }

    string Summary { get; }

    Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr);
}
