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
    private const string Usage = "usage: bagalau demo generate --servants N --bodies M --seed S [--year YYYY] [--sheets PACK [--open-quarter YYYY-Qn] [--links FILE]] [--csv DIR] [--database ... --connection ...]";

    public override string Name => "demo";

    public override string Summary => "generate --servants N --bodies M --seed S [--csv DIR]: national dataset through the import path";

    protected override string[] Options => ["servants", "bodies", "seed", "year", "csv", "lang", "sheets", "open-quarter", "links"];

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

        // --open-quarter: a quarter in progress (sheets created, none signed); --links: where the
        // tokens of the 360 links left unanswered go (the database keeps their hashes only).
        Domain.Decisions.Period? openQuarter = null;
        if (args["open-quarter"] is { } openText && (sheetsPack is null || !Domain.Decisions.Period.TryParse(openText, out openQuarter) || openQuarter.Kind != Domain.Packs.PeriodKind.Quarter))
        {
            await stderr.WriteLineAsync($"bagalau demo: --open-quarter needs --sheets and a quarter like 2025-Q1, found '{openText}'");
            return 2;
        }

        if (openQuarter is not null && services.GetRequiredService<Application.Packs.PackCatalog>().Catalogue.Find(sheetsPack!)!.VersionOn(openQuarter.End.AddDays(5)) is null)
        {
            await stderr.WriteLineAsync($"bagalau demo: no version of '{sheetsPack}' is in force for {openQuarter}");
            return 2;
        }

        var linksPath = args["links"];
        if (linksPath is not null && sheetsPack is null)
        {
            await stderr.WriteLineAsync("bagalau demo: --links needs --sheets (the 360 survey comes with the sheets of an oskemen pack)");
            return 2;
        }

        await using var links = linksPath is null ? null : new StreamWriter(linksPath, append: false, new System.Text.UTF8Encoding(false));
        var submitted = 0;
        var done = 0;
        var survey = GeneratedSurvey.None;
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
                var sheets = services.GetRequiredService<QuarterSheetsGenerator>();
                submitted += (await sheets.GenerateAsync(bodyId, sheetsPack, year, seed)).Submitted;
                if (openQuarter is not null)
                {
                    await sheets.OpenRoundAsync(bodyId, sheetsPack, openQuarter);
                }

                var body360 = await services.GetRequiredService<Survey360Generator>().GenerateAsync(bodyId, sheetsPack, year, seed);
                survey = new GeneratedSurvey(
                    survey.Targets + body360.Targets, survey.Issued + body360.Issued, survey.Invitations + body360.Invitations,
                    survey.Answers + body360.Answers, survey.SelfAnswers + body360.SelfAnswers, []);
                if (links is not null)
                {
                    // One open link a line: the token, a tab, and an answer a respondent could send.
                    foreach (var link in body360.OpenLinks)
                    {
                        await links.WriteLineAsync($"{link.Token}\t{System.Text.Json.JsonSerializer.Serialize(new { ratings = link.Ratings })}");
                    }
                }
            }
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"generated {bodies} bodies, {done} servants (seed {seed}, year {year}){(sheetsPack is null ? string.Empty : $", {submitted} signed {sheetsPack} sheets")}{(survey.Targets == 0 ? string.Empty : $", 360: {survey.Targets} persons, {survey.Issued} with links, {survey.Invitations} links, {survey.Answers} answers ({survey.SelfAnswers} self), {survey.Invitations - survey.Answers} open")}{(openQuarter is null ? string.Empty : $", {openQuarter} open")} into {CliDatabase.Describe(db)} in {clock.Elapsed.TotalSeconds:F1} s"));
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
