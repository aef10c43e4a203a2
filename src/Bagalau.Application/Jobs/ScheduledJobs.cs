using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Bagalau.Application.Jobs;

/// <summary>The reminders of the day (in-app and e-mail, <see cref="ReminderRun"/>), for Kazakhstan's date of the firing.</summary>
public sealed class ReminderJob(IServiceScopeFactory scopes) : IJob
{
    public const string Name = "reminders";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ScheduledJobs.RunAsync(scopes, Name, context, async (sp, today, ct) =>
            Describe(await sp.GetRequiredService<ReminderRun>().ExecuteAsync(today, ct)), cancellationToken);

    public static string Describe(ReminderRunResult r) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"in-app {r.InApp}, e-mails {r.Emails}, e-mail failures {r.EmailFailures}");
}

/// <summary>Deletes old read notifications and erases dead 360 link tokens (<see cref="RetentionRun"/>).</summary>
public sealed class RetentionJob(IServiceScopeFactory scopes) : IJob
{
    public const string Name = "retention";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ScheduledJobs.RunAsync(scopes, Name, context, async (sp, _, ct) =>
            (await sp.GetRequiredService<RetentionRun>().ExecuteAsync(FireTime(context), ct)).ToString(), cancellationToken);

    /// <summary>
    /// The firing's scheduled time; for a firing recovered from a dead node, the original
    /// firing's, so that the recovered run and the dead one are the same <see cref="JobRun"/>.
    /// </summary>
    internal static DateTimeOffset FireTime(IJobExecutionContext context)
    {
        if (context.Recovering && context.MergedJobDataMap.TryGetValue(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original))
        {
            switch (original)
            {
                case DateTimeOffset time:
                    return time;
                case string text when long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var ms):
                    return DateTimeOffset.FromUnixTimeMilliseconds(ms);
                case string text when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed):
                    return parsed;
            }
        }

        return context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
    }
}

/// <summary>
/// The scheduled jobs on Quartz. On PostgreSQL the job store is Quartz's clustered ADO.NET store
/// in the Bagalau database (tables <c>qrtz_*</c>, created at start when missing): every node
/// runs a scheduler, each firing is taken by exactly one node, and a firing whose node dies is
/// recovered by another (<c>RequestRecovery</c>). On the embedded SQLite default there is one
/// node, and the store is in memory: the triggers are declared at every start, and a firing
/// missed while the app was down is caught up by the next one (the jobs work from "today").
/// </summary>
public static class ScheduledJobs
{
    /// <summary>The jobs' work without a scheduler (the web app, the CLI and tests all have it).</summary>
    public static IServiceCollection AddBagalauJobRunners(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(JobOptions.FromConfiguration(configuration));
        services.TryAddSingleton(RetentionOptions.FromConfiguration(configuration));
        services.TryAddScoped<JobRunner>();
        services.TryAddScoped<RetentionRun>();
        services.TryAddScoped<QuarterCloseRun>();
        return services;
    }

    /// <summary>The Quartz scheduler that fires the jobs on this node (the web app), unless <c>Bagalau:Jobs:Enabled</c> is false.</summary>
    public static IServiceCollection AddBagalauJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBagalauJobRunners(configuration);
        var options = JobOptions.FromConfiguration(configuration);
        if (!options.Enabled)
        {
            return services;
        }

        var database = DatabaseOptions.FromConfiguration(configuration, Directory.GetCurrentDirectory());
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = "Bagalau");
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.ClusterCheckin;
                        c.CheckinMisfireThreshold = options.ClusterCheckin;
                    });
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            Schedule<ReminderJob>(q, ReminderJob.Name, options.RemindersCron);
            Schedule<RetentionJob>(q, RetentionJob.Name, options.RetentionCron);
            Schedule<QuarterCloseJob>(q, QuarterCloseJob.Name, options.QuarterCloseCron);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Schedule<TJob>(IQuartzBuilder q, string name, string cron)
        where TJob : IJob
    {
        q.ScheduleJob<TJob>(
            trigger => trigger.WithIdentity(name).WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(TimeZoneInfo.Utc)),
            job => job.WithIdentity(name).RequestRecovery(true).DisallowConcurrentExecution(true));
    }

    /// <summary>One firing, in its own scope and transaction (<see cref="JobRunner"/>).</summary>
    internal static async ValueTask RunAsync(IServiceScopeFactory scopes, string job, IJobExecutionContext context, Func<IServiceProvider, DateOnly, CancellationToken, Task<string>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<JobRunner>().RunAsync(job, RetentionJob.FireTime(context), (today, c) => work(sp, today, c), ct);
    }
}
