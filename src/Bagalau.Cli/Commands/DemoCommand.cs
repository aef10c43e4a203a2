using System.Diagnostics;
using System.Globalization;
using Bagalau.Application.Demo;
using Bagalau.Application.Import;
using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Cli.Commands;

/// <summary>
/// <c>bagalau demo generate --servants N --bodies M --seed S [--year Y] [--csv DIR]</c>: a
/// deterministic national dataset written through the import path (or, with --csv, only the
/// CSV files each body would import).
/// </summary>
internal sealed class DemoCommand : DatabaseCommand
{
    private const string Usage = "usage: bagalau demo generate --servants N --bodies M --seed S [--year YYYY] [--sheets PACK] [--csv DIR] [--database ... --connection ...]";

    public override string Name => "demo";

    public override string Summary => "generate --servants N --bodies M --seed S [--csv DIR]: national dataset through the import path";

    protected override string[] Options => ["servants", "bodies", "seed", "year", "csv", "lang", "sheets"];

    protected override bool NeedsMigratedDatabase => false;

    protected override async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional is not ["generate"])
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (!Number(args, "servants", null, out var servants) || !Number(args, "bodies", null, out var bodies)
            || !Number(args, "seed", null, out var seed) || !Number(args, "year", 2025, out var year) || year is < 2000 or > 2100)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (NationalDataset.Check(servants, bodies) is { } sizeError)
        {
            await stderr.WriteLineAsync($"bagalau demo: {sizeError}");
            return 2;
        }

        var dataset = new NationalDataset(servants, bodies, seed, year);
        var clock = Stopwatch.StartNew();
        if (args["csv"] is { } directory)
        {
            DatasetGenerator.WriteCsv(dataset, directory);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote the CSV files of {bodies} bodies, {servants} servants under {directory} in {clock.Elapsed.TotalSeconds:F1} s"));
            return 0;
        }

        var db = services.GetRequiredService<BagalauDbContext>();
        await BagalauDatabase.MigrateAsync(db);
        var generator = services.GetRequiredService<DatasetGenerator>();
        if (await generator.CheckAsync(dataset) is { } taken)
        {
            await stderr.WriteLineAsync($"bagalau demo: {taken}");
            return 1;
        }

        // --sheets PACK: a year of filled quarterly sheets of that 2023-family pack for each body.
        var sheetsPack = args["sheets"];
        if (sheetsPack is not null && services.GetRequiredService<Application.Packs.PackCatalog>().Catalogue.Find(sheetsPack) is null)
        {
            await stderr.WriteLineAsync($"bagalau demo: unknown pack '{sheetsPack}' for --sheets");
            return 2;
        }

        var submitted = 0;
        var done = 0;
        await foreach (var result in generator.GenerateAsync(dataset))
        {
            if (!result.Report.Succeeded)
            {
                await stderr.WriteLineAsync($"bagalau demo: body '{result.Body.Code}' was refused ({result.Report.Issues.Count} issue(s)); the bodies before it were written");
                foreach (var issue in result.Report.Localise(CliLanguage.Of(args)).Take(20))
                {
                    await stderr.WriteLineAsync($"  {issue.Source}:{issue.Row}:{issue.Column}: {issue.Message} [{issue.Code}]");
                }

                return 1;
            }

            done += result.Body.Servants;
            if (sheetsPack is not null)
            {
                var bodyId = await db.StateBodies.Where(b => b.Code == result.Body.Code).Select(b => b.Id).FirstAsync();
                submitted += (await services.GetRequiredService<QuarterSheetsGenerator>().GenerateAsync(bodyId, sheetsPack, year, seed)).Submitted;
            }
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"generated {bodies} bodies, {done} servants (seed {seed}, year {year}){(sheetsPack is null ? string.Empty : $", {submitted} signed {sheetsPack} sheets")} into {CliDatabase.Describe(db)} in {clock.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static bool Number(CliArgs args, string name, int? fallback, out int value)
    {
        value = fallback ?? 0;
        var text = args[name];
        if (text is null)
        {
            return fallback is not null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
