using Bagalau.Application.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Cli.Commands;

/// <summary>
/// <c>bagalau export FILE [--body CODE] [--kind KIND]</c>: FILE.xlsx gets one sheet per kind;
/// FILE.csv gets one kind (with --kind), or every kind as FILE.KIND.csv beside it.
/// </summary>
internal sealed class ExportCommand : DatabaseCommand
{
    public override string Name => "export";

    public override string Summary => "FILE [--body CODE] [--kind KIND]: export organisation data (.xlsx, or .csv per kind)";

    protected override string[] Options => ["body", "kind"];

    protected override async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional is not [var path])
        {
            await stderr.WriteLineAsync("usage: bagalau export FILE.xlsx|FILE.csv [--body CODE] [--kind KIND]");
            return 2;
        }

        ImportKind? kind = null;
        if (args["kind"] is { } kindText)
        {
            if (!ImportFormat.TryParseKind(kindText, out var parsed))
            {
                await stderr.WriteLineAsync($"bagalau export: unknown kind '{kindText}': {ImportFormat.KindList}");
                return 2;
            }

            kind = parsed;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".xlsx" or ".csv"))
        {
            await stderr.WriteLineAsync($"bagalau export: '{extension}' is not supported: use .xlsx or .csv");
            return 2;
        }

        var (body, bodyError) = await BodyAsync(args, services);
        if (body is null)
        {
            await stderr.WriteLineAsync($"bagalau export: {bodyError}");
            return 1;
        }

        var export = services.GetRequiredService<OrganisationExport>();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        if (extension == ".xlsx")
        {
            await using var file = File.Create(path);
            await export.WriteXlsxAsync(body.Id, file, kind is { } k ? [k] : null);
            written.Add(path);
        }
        else
        {
            var kinds = kind is { } one ? [one] : ImportFormat.Kinds;
            foreach (var k in kinds)
            {
                var target = kind is null ? Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(path)}.{ImportFormat.Id(k)}.csv") : path;
                await using var file = File.Create(target);
                await export.WriteCsvAsync(body.Id, k, file);
                written.Add(target);
            }
        }

        await stdout.WriteLineAsync($"exported '{body.Code}' to {string.Join(", ", written)}");
        return 0;
    }
}
