using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bagalau.Application.Jobs;

/// <summary>
/// One completed run of a scheduled job for one scheduled fire time, written in the same
/// transaction as the job's work: it exists exactly when the work is committed, so a second
/// run for the same fire (a recovered or repeated firing) sees it and does nothing.
/// </summary>
public sealed class JobRun
{
    private JobRun()
    {
        Job = Node = Summary = string.Empty;
    }

    public JobRun(string job, DateTime fireTimeUtc, string node, DateTime startedUtc, DateTime finishedUtc, string summary)
    {
        Id = Guid.NewGuid();
        Job = job;
        FireTimeUtc = fireTimeUtc;
        Node = node;
        StartedUtc = startedUtc;
        FinishedUtc = finishedUtc;
        Summary = summary;
    }

    public Guid Id { get; private set; }

    /// <summary><c>reminders</c>, <c>retention</c>, <c>quarter-close</c>.</summary>
    public string Job { get; private set; }

    /// <summary>The time the trigger was scheduled to fire (UTC): the same for a recovered run.</summary>
    public DateTime FireTimeUtc { get; private set; }

    /// <summary>The node that did the work (<c>Bagalau:NodeName</c>).</summary>
    public string Node { get; private set; }

    public DateTime StartedUtc { get; private set; }

    public DateTime FinishedUtc { get; private set; }

    /// <summary>What the run did, e.g. "in-app 3, e-mails 2, e-mail failures 0".</summary>
    public string Summary { get; private set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> entity)
    {
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).ValueGeneratedNever();
        entity.Property(e => e.Job).HasMaxLength(40);
        entity.Property(e => e.Node).HasMaxLength(100);
        entity.Property(e => e.Summary).HasMaxLength(400);
        // At most one completed run per job and fire time, whatever node ran it.
        entity.HasIndex(e => new { e.Job, e.FireTimeUtc }).IsUnique();
    }
}
