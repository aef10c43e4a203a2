using System.Globalization;
using Bagalau.Application.Import;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Cli.Commands;

/// <summary>
/// <c>bagalau import FILE... [--body CODE] [--kind KIND] [--lang kk|ru|en]</c>: all files in one
/// all-or-nothing import; on any bad row prints every issue (file, row, column, reason) and
/// writes nothing (exit code 1).
/// </summary>
internal sealed class ImportCommand : DatabaseCommand
{
    public override string Name => "import";

    public override string Summary => "FILE... [--body CODE] [--kind KIND]: import organisation data (.csv/.xlsx), all or nothing";

    protected override string[] Options => ["body", "kind", "lang"];

    protected override async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count == 0)
        {
            await stderr.WriteLineAsync("usage: bagalau import FILE... [--body CODE] [--kind KIND] [--lang kk|ru|en]");
            return 2;
        }

        ImportKind? kind = null;
        if (args["kind"] is { } kindText)
        {
            if (!ImportFormat.TryParseKind(kindText, out var parsed))
            {
                await stderr.WriteLineAsync($"bagalau import: unknown kind '{kindText}': {ImportFormat.KindList}");
                return 2;
            }

            kind = parsed;
        }

        var (body, bodyError) = await BodyAsync(args, services);
        if (body is null)
        {
            await stderr.WriteLineAsync($"bagalau import: {bodyError}");
            return 1;
        }

        var missing = args.Positional.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            await stderr.WriteLineAsync($"bagalau import: no such file: {string.Join(", ", missing)}");
            return 1;
        }

        var streams = args.Positional.Select(File.OpenRead).ToList();
        try
        {
            var files = args.Positional.Select((path, i) => new ImportFile(Path.GetFileName(path), streams[i], kind)).ToList();
            var report = await services.GetRequiredService<OrganisationImport>().ImportAsync(body.Id, files);
            if (!report.Succeeded)
            {
                await stderr.WriteLineAsync($"import rejected: {report.Issues.Count} issue(s), nothing was written");
                foreach (var issue in report.Localise(CliLanguage.Of(args)))
                {
                    var where = string.Join(":", new[] { issue.Source, issue.Sheet, issue.Row?.ToString(CultureInfo.InvariantCulture), issue.Column }.Where(p => !string.IsNullOrEmpty(p)));
                    await stderr.WriteLineAsync($"  {where}: {issue.Message} [{issue.Code}]");
                }

                return 1;
            }

            await stdout.WriteLineAsync($"imported into '{body.Code}':");
            foreach (var (k, counts) in report.Counts.OrderBy(c => c.Key))
            {
                await stdout.WriteLineAsync($"  {ImportFormat.Id(k),-16} created {counts.Created}, updated {counts.Updated}, unchanged {counts.Unchanged}");
            }

            return 0;
        }
        finally
        {
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }
}

/// <summary>The language of messages: --lang kk|ru|en (Kazakh by default).</summary>
internal static class CliLanguage
{
    public static CultureInfo Of(CliArgs args) => (args["lang"] ?? "kk") switch
    {
        "ru" => CultureInfo.GetCultureInfo("ru-RU"),
        "en" => CultureInfo.GetCultureInfo("en-US"),
        _ => CultureInfo.GetCultureInfo("kk-KZ"),
    };
}
