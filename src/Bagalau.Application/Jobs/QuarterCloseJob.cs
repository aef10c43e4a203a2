using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Audit;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bagalau.Application.Jobs;

/// <summary>What one daily check of the quarter close did.</summary>
/// <param name="Due">Approved rounds whose close day has come (<see cref="QuarterCloseDay"/>).</param>
/// <param name="Closed">Of those, the rounds closed by this run (each body in its own transaction).</param>
/// <param name="Failed">The rounds left untouched: "body quarter: reason" (refused or failed).</param>
public sealed record QuarterCloseRunResult(int Due, int Closed, int Sheets, int AnnualResults, int Acquaintances, IReadOnlyList<string> Failed)
{
    public bool Complete => Failed.Count == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"rounds due {Due}, closed {Closed} (sheets {Sheets}, annual results {AnnualResults}, acquaintances {Acquaintances}), left undone {Failed.Count}");
}

/// <summary>
/// The daily check of the quarter close: every approved 2023-family round whose close
/// day has come (the day after its evaluation deadline; nhrc 4: a year's last quarter by
/// 30 January at the latest) is closed exactly as <c>bagalau quarter close-all</c> closes it
/// (<see cref="QuarterCloseService.CloseRoundAsync"/>: results, caps, grades, annual scores,
/// acquaintance tasks), each body in its own transaction and its own scope. A round that is
/// refused or fails is left untouched and reported; the others go on. A closed round is never
/// due again, so a repeated or recovered run closes only what is left.
/// </summary>
public sealed class QuarterCloseRun(BagalauDbContext db, PackCatalog packs, IServiceScopeFactory scopes, JobOptions options, TimeProvider clock, ILogger<QuarterCloseRun> logger)
{
    /// <summary>The close's actor: the job acts for HR, who closes a quarter (nhrc 8, oskemen 10: HR organises).</summary>
    public static readonly Actor Actor = Actor.WithRoles("quarter-close job", null, Actor.Hr);

    public async Task<QuarterCloseRunResult> ExecuteAsync(DateOnly today, CancellationToken ct = default)
    {
        var catalogue = packs.Catalogue;
        var candidates = await db.QuarterRounds.AsNoTracking()
            .Where(r => r.State == RoundState.Approved && r.Year <= today.Year)
            .Join(db.StateBodies, r => r.StateBodyId, b => b.Id, (r, b) => new { Round = r, b.Code })
            .ToListAsync(ct);
        var due = candidates
            .Where(c => catalogue.Find(c.Round.PackId) is { } pack && QuarterCloseDay.IsDue(c.Round, pack, catalogue.Calendar, today))
            .OrderBy(c => c.Code, StringComparer.Ordinal).ThenBy(c => c.Round.Year).ThenBy(c => c.Round.Quarter)
            .ToList();
        var failed = new List<string>();
        int closed = 0, sheets = 0, annuals = 0, acquaintances = 0;
        foreach (var (candidate, index) in due.Select((c, i) => (c, i)))
        {
            var name = $"{candidate.Code} {candidate.Round.Period} {candidate.Round.PackId}";
            if (index > 0 && options.TestDelay > TimeSpan.Zero)
            {
                // Tests only (Bagalau:Jobs:TestDelaySeconds): a pause between bodies, so a test can kill the node mid-close.
                logger.LogWarning("Quarter close pauses {Delay} s before {Round} on node {Node} (test delay)", options.TestDelay.TotalSeconds, name, options.NodeName);
                await Task.Delay(options.TestDelay, clock, ct);
            }

            try
            {
                // Own scope per body: a body that fails leaves no tracked state or broken connection behind for the next.
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().Name = Actor.UserId;
                var result = await scope.ServiceProvider.GetRequiredService<QuarterCloseService>().CloseRoundAsync(Actor, candidate.Round.Id, today, ct);
                if (result.IsSuccess)
                {
                    var report = result.Value!;
                    closed++;
                    (sheets, annuals, acquaintances) = (sheets + report.Sheets, annuals + report.AnnualCreated + report.AnnualUpdated, acquaintances + report.AcquaintancesOpened);
                    logger.LogInformation("Quarter close: {Round} closed on {Today}: {Sheets} sheets, {Annual} annual results, {Acquaintances} acquaintances", name, today, report.Sheets, report.AnnualCreated + report.AnnualUpdated, report.AcquaintancesOpened);
                }
                else
                {
                    failed.Add($"{name}: {result.Refusal!.Code}");
                    logger.LogError("Quarter close: {Round} refused, left as it was: {Code} {Message}", name, result.Refusal.Code, result.Refusal.Message.En);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The body's transaction was rolled back: it is untouched, and the next firing tries it again.
                failed.Add($"{name}: {e.GetType().Name}");
                logger.LogError(e, "Quarter close: {Round} failed, left as it was", name);
            }
        }

        return new QuarterCloseRunResult(due.Count, closed, sheets, annuals, acquaintances, failed);
    }
}

/// <summary>
/// The quarter close on Quartz (<see cref="QuarterCloseRun"/>), daily: committed body by body,
/// its <see cref="JobRun"/> recorded only once every due body is closed (docs/adr/0012).
/// </summary>
public sealed class QuarterCloseJob(IServiceScopeFactory scopes) : IJob
{
    public const string Name = "quarter-close";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await FireAsync(scopes, RetentionJob.FireTime(context), cancellationToken);

    /// <summary>One firing for its scheduled time (the same for a firing recovered from a dead node).</summary>
    public static async Task<JobRunOutcome> FireAsync(IServiceScopeFactory scopes, DateTimeOffset fireTime, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        return await sp.GetRequiredService<JobRunner>().RunInStepsAsync(Name, fireTime, async (today, c) =>
        {
            var result = await sp.GetRequiredService<QuarterCloseRun>().ExecuteAsync(today, c);
            return new JobStepsResult(result.Complete, result.ToString());
        }, ct);
    }
}
