using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;
using Microsoft.Extensions.DependencyInjection;
using Bagalau.Application.Time;

namespace Bagalau.Cli.Commands;

/// <summary>
/// <c>bagalau quarter close --body CODE --quarter 2026-Q3 [--pack ID] [--today YYYY-MM-DD]</c>, or
/// <c>bagalau quarter close-all --quarter 2026-Q3 ...</c> for every body with a round for the quarter:
/// closes a 2023-family quarter (results confirmed by the engine, annual scores, acquaintance),
/// one transaction per body; running it again changes nothing.
/// </summary>
internal sealed class QuarterCommand : DatabaseCommand
{
    private const string Usage = "usage: bagalau quarter close --body CODE --quarter YYYY-Qn | bagalau quarter close-all --quarter YYYY-Qn  [--pack ID] [--today YYYY-MM-DD] [--lang kk|ru|en]";

    public override string Name => "quarter";

    public override string Summary => "close --body CODE | close-all, --quarter YYYY-Qn: close a 2023-family quarter (annual scores, acquaintance)";

    protected override string[] Options => ["body", "quarter", "pack", "today", "lang"];

    protected override async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var all = args.Positional is ["close-all"];
        if (args.Positional is not (["close"] or ["close-all"]) || args["quarter"] is not { } quarterText || all == (args["body"] is not null))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (!Period.TryParse(quarterText, out var quarter) || quarter.Kind != PeriodKind.Quarter)
        {
            await stderr.WriteLineAsync($"bagalau quarter: --quarter must look like 2026-Q3, found '{quarterText}'");
            return 2;
        }

        var today = KazakhstanClock.Today(services.GetRequiredService<TimeProvider>());
        if (args["today"] is { } todayText && !TreeValues.TryDate(todayText, out today))
        {
            await stderr.WriteLineAsync($"bagalau quarter: --today must be a date YYYY-MM-DD, found '{todayText}'");
            return 2;
        }

        var language = CliLanguage.Of(args);
        var actor = Actor.WithRoles("bagalau quarter close (CLI)", null, Actor.Hr);
        var service = services.GetRequiredService<QuarterCloseService>();
        var totals = new int[4];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var refused = 0;
        if (all)
        {
            await foreach (var (roundId, result) in service.CloseAllAsync(actor, quarter, args["pack"], today))
            {
                if (result.IsSuccess)
                {
                    await Print(stdout, result.Value!, totals);
                }
                else
                {
                    refused++;
                    await stderr.WriteLineAsync($"  round {roundId}: {Message(result.Refusal!, language)} [{result.Refusal!.Code}]: nothing written for this body");
                }
            }
        }
        else
        {
            var result = await service.CloseBodyAsync(actor, args["body"]!, quarter, args["pack"], today);
            if (!result.IsSuccess)
            {
                await stderr.WriteLineAsync($"bagalau quarter: {Message(result.Refusal!, language)} [{result.Refusal!.Code}]");
                return 1;
            }

            foreach (var report in result.Value!)
            {
                await Print(stdout, report, totals);
            }
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"closed {quarter}: {totals[0]} sheets, {totals[1]} annual results written, {totals[2]} acquaintances opened, {totals[3]} results capped at close; {refused} bodies refused; in {clock.Elapsed.TotalSeconds:F2} s"));
        return refused == 0 ? 0 : 1;
    }

    private static async Task Print(TextWriter stdout, QuarterCloseReport r, int[] totals)
    {
        totals[0] += r.Sheets;
        totals[1] += r.AnnualCreated + r.AnnualUpdated;
        totals[2] += r.AcquaintancesOpened;
        totals[3] += r.Recapped;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {r.BodyCode} {r.PackId} {r.Quarter}: {r.Sheets} sheets ({r.Evaluated} evaluated, {r.NotEvaluated} not evaluated, {r.Open} never submitted); annual {r.AnnualCreated} new, {r.AnnualUpdated} updated; {r.AcquaintancesOpened} acquaintances; {r.Recapped} capped at close{(r.Unchanged ? "; unchanged" : string.Empty)}"));
    }

    private static string Message(Refusal refusal, CultureInfo language) => language.TwoLetterISOLanguageName switch
    {
        "ru" => refusal.Message.Ru,
        "en" => refusal.Message.En,
        _ => refusal.Message.Kk,
    };
}
