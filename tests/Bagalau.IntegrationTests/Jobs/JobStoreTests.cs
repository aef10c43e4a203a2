using Bagalau.Application;
using Bagalau.Application.Jobs;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bagalau.IntegrationTests.Jobs;

/// <summary>
/// Where the schedule lives: on PostgreSQL in Quartz's clustered store inside the Bagalau
/// database (created at start), so several nodes share it; on SQLite in memory (one node).
/// </summary>
public class JobStoreTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Scheduler_HasEveryJobRecoverableOnItsCron_InTheProvidersStore(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var node = Node(app.Database, new() { ["Bagalau:Jobs:Retention:Cron"] = "0 15 23 * * ?" });
        await node.StartAsync();
        try
        {
            var scheduler = await node.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            foreach (var (job, cron) in new[] { (ReminderJob.Name, JobOptions.DefaultRemindersCron), (RetentionJob.Name, "0 15 23 * * ?"), (QuarterCloseJob.Name, JobOptions.DefaultQuarterCloseCron) })
            {
                var detail = await scheduler.GetJobDetail(new JobKey(job));
                Assert.NotNull(detail);
                Assert.True(detail.RequestsRecovery);
                var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(job)));
                Assert.Equal(cron, trigger.CronExpressionString);
                Assert.Equal(TimeZoneInfo.Utc.Id, trigger.TimeZone.Id);
            }

            var quartzTables = await app.WithAsync<BagalauDbContext, List<string>>(db => provider == "postgres"
                ? db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_name LIKE 'qrtz%'").ToListAsync()
                : db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE name LIKE 'qrtz%'").ToListAsync());
            if (provider == "postgres")
            {
                Assert.Contains("qrtz_job_details", quartzTables);
                // Clustered: the node checks in to the shared scheduler state, and every job is stored recoverable.
                // The first check-in is written by the scheduler's own thread after start: wait for it.
                var checkedIn = 0;
                for (var attempt = 0; attempt < 100 && checkedIn == 0; attempt++)
                {
                    if (attempt > 0)
                    {
                        await Task.Delay(100);
                    }

                    checkedIn = Assert.Single(await app.WithAsync<BagalauDbContext, List<int>>(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_scheduler_state").ToListAsync()));
                }

                Assert.Equal(1, checkedIn);
                var recoverable = await app.WithAsync<BagalauDbContext, List<int>>(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*)::int AS \"Value\" FROM qrtz_job_details WHERE requests_recovery").ToListAsync());
                Assert.Equal(3, Assert.Single(recoverable));
            }
            else
            {
                Assert.Empty(quartzTables);
            }
        }
        finally
        {
            await node.StopAsync();
        }
    }

    [Fact]
    public void Settings_WrongCronOrDelay_AreRefusedWithTheKeyNamed()
    {
        var cron = Assert.Throws<InvalidOperationException>(() => JobOptions.FromConfiguration(Config(("Bagalau:Jobs:Reminders:Cron", "every day"))));
        var delay = Assert.Throws<InvalidOperationException>(() => JobOptions.FromConfiguration(Config(("Bagalau:Jobs:TestDelaySeconds", "-1"))));
        var days = Assert.Throws<InvalidOperationException>(() => RetentionOptions.FromConfiguration(Config(("Bagalau:Retention:ReadNotificationDays", "soon"))));

        Assert.Contains("Bagalau:Jobs:Reminders:Cron", cron.Message, StringComparison.Ordinal);
        Assert.Contains("Bagalau:Jobs:TestDelaySeconds", delay.Message, StringComparison.Ordinal);
        Assert.Contains("Bagalau:Retention:ReadNotificationDays", days.Message, StringComparison.Ordinal);
        var defaults = JobOptions.FromConfiguration(Config());
        Assert.Equal((true, TimeSpan.Zero, Environment.MachineName), (defaults.Enabled, defaults.TestDelay, defaults.NodeName));
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    /// <summary>A node as the web app composes it, without the web: the application and the scheduler.</summary>
    private static IHost Node(DatabaseOptions database, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(TestApp.Settings(database)).AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddBagalauApplication(builder.Configuration);
        builder.Services.AddBagalauJobs(builder.Configuration);
        return builder.Build();
    }
}
