using Bagalau.Application.Persistence;
using Bagalau.Application.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bagalau.Application.Jobs;

/// <summary>
/// What became of one firing of a job: <see cref="Ran"/> is false when the firing was already
/// done; <see cref="Complete"/> is false when a job done in steps left some undone (no
/// <see cref="JobRun"/> is recorded then, so the next firing or a recovery does the rest).
/// </summary>
public sealed record JobRunOutcome(bool Ran, string Summary, bool Complete = true);

/// <summary>What a job done in steps did: <see cref="Complete"/> when every step is committed.</summary>
public sealed record JobStepsResult(bool Complete, string Summary);

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
        var summary = await work(KazakhstanClock.Day(fireTime), ct);
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

    /// <summary>
    /// Runs one firing of a job whose work is too large for one transaction and commits it in
    /// independent steps (the quarter close: one transaction per body, docs/adr/0012). Each
    /// step is all or nothing and the work skips steps already committed, so a firing stopped
    /// half-way is finished by running it again. The <see cref="JobRun"/> is recorded, in its
    /// own transaction, only when the work reports every step done: a firing with a step left
    /// undone (refused, failed, or its node killed) stays unrecorded, and the recovered firing
    /// or the next one does the rest.
    /// </summary>
    public async Task<JobRunOutcome> RunInStepsAsync(string job, DateTimeOffset fireTime, Func<DateOnly, CancellationToken, Task<JobStepsResult>> work, CancellationToken ct = default)
    {
        var fireUtc = DateTime.SpecifyKind(fireTime.UtcDateTime, DateTimeKind.Utc);
        if (await DoneAsync(job, fireUtc, ct))
        {
            logger.LogInformation("Job {Job} for {FireTime} was already done; node {Node} skips it", job, Stamp(fireUtc), options.NodeName);
            return new JobRunOutcome(false, "already done");
        }

        var started = clock.GetUtcNow().UtcDateTime;
        logger.LogInformation("Job {Job} for {FireTime} started on node {Node}", job, Stamp(fireUtc), options.NodeName);
        var result = await work(KazakhstanClock.Day(fireTime), ct);
        if (!result.Complete)
        {
            logger.LogWarning("Job {Job} for {FireTime} left steps undone on node {Node}; no run recorded, the next firing does the rest: {Summary}", job, Stamp(fireUtc), options.NodeName, result.Summary);
            return new JobRunOutcome(true, result.Summary, Complete: false);
        }

        db.ChangeTracker.Clear();
        db.JobRuns.Add(new JobRun(job, fireUtc, options.NodeName, started, clock.GetUtcNow().UtcDateTime, result.Summary));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await DoneAsync(job, fireUtc, ct))
            {
                throw;
            }

            // A node taken for dead finished the same firing meanwhile: its run stands, the work was the same.
            logger.LogInformation("Job {Job} for {FireTime} was recorded by another node meanwhile", job, Stamp(fireUtc));
            return new JobRunOutcome(true, result.Summary);
        }

        logger.LogInformation("Job {Job} for {FireTime} committed on node {Node}: {Summary}", job, Stamp(fireUtc), options.NodeName, result.Summary);
        return new JobRunOutcome(true, result.Summary);
    }

    private Task<bool> DoneAsync(string job, DateTime fireUtc, CancellationToken ct) =>
        db.JobRuns.AsNoTracking().AnyAsync(r => r.Job == job && r.FireTimeUtc == fireUtc, ct);

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
