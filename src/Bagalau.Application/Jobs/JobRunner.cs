using Bagalau.Application.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bagalau.Application.Jobs;

/// <summary>What became of one firing of a job.</summary>
public sealed record JobRunOutcome(bool Ran, string Summary);

/// <summary>
/// Runs one firing of a scheduled job as ONE database transaction: the job's changes and its
/// <see cref="JobRun"/> record are committed together or not at all, so a node killed mid-job
/// leaves nothing half-done and the node that recovers the firing starts from a clean state.
/// A firing whose run is already committed is skipped: the jobs are idempotent per fire time
/// (and their work is idempotent by itself too: reminders are recorded per delivery).
/// </summary>
public sealed class JobRunner(BagalauDbContext db, JobOptions options, TimeProvider clock, ILogger<JobRunner> logger)
{
    /// <param name="job">The job's name (<see cref="JobRun.Job"/>).</param>
    /// <param name="fireTime">The scheduled fire time: the same when another node recovers the firing.</param>
    /// <param name="work">The job's work on this scope's context, given Kazakhstan's date of the fire time; returns a summary.</param>
    public async Task<JobRunOutcome> RunAsync(string job, DateTimeOffset fireTime, Func<DateOnly, CancellationToken, Task<string>> work, CancellationToken ct = default)
    {
        var fireUtc = DateTime.SpecifyKind(fireTime.UtcDateTime, DateTimeKind.Utc);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.JobRuns.AsNoTracking().AnyAsync(r => r.Job == job && r.FireTimeUtc == fireUtc, ct))
        {
            logger.LogInformation("Job {Job} for {FireTime} was already done; node {Node} skips it", job, Stamp(fireUtc), options.NodeName);
            return new JobRunOutcome(false, "already done");
        }

        var started = clock.GetUtcNow().UtcDateTime;
        logger.LogInformation("Job {Job} for {FireTime} started on node {Node}", job, Stamp(fireUtc), options.NodeName);
        var summary = await work(KazakhstanDay(fireTime), ct);
        db.JobRuns.Add(new JobRun(job, fireUtc, options.NodeName, started, clock.GetUtcNow().UtcDateTime, summary));
        await db.SaveChangesAsync(ct);

        if (options.TestDelay > TimeSpan.Zero)
        {
            // Tests only (Bagalau:Jobs:TestDelaySeconds): the work is written but not committed yet.
            logger.LogWarning("Job {Job} for {FireTime} holds its work uncommitted for {Delay} s on node {Node} (test delay)", job, Stamp(fireUtc), options.TestDelay.TotalSeconds, options.NodeName);
            await Task.Delay(options.TestDelay, clock, ct);
        }

        await transaction.CommitAsync(ct);
        logger.LogInformation("Job {Job} for {FireTime} committed on node {Node}: {Summary}", job, Stamp(fireUtc), options.NodeName, summary);
        return new JobRunOutcome(true, summary);
    }

    /// <summary>Kazakhstan is UTC+5 all year (since 2024-03-01); deadlines are counted in its days.</summary>
    public static DateOnly KazakhstanDay(DateTimeOffset time) => DateOnly.FromDateTime(time.ToOffset(TimeSpan.FromHours(5)).DateTime);

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
