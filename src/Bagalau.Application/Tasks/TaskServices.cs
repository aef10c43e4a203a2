using Bagalau.Application.Acquaintance;
using Bagalau.Application.Packs;
using Bagalau.Application.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bagalau.Application.Tasks;

/// <summary>Registers tasks, notifications, reminders and acquaintance (shared by both families' workflows).</summary>
public static class TaskServices
{
    public static IServiceCollection AddBagalauTasks(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddBagalauPacks(configuration);
        services.TryAddSingleton(SmtpOptions.FromConfiguration(configuration));
        services.TryAddSingleton(ReminderOptions.FromConfiguration(configuration));
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<WorkflowContext>();
        services.AddScoped<TaskService>();
        services.AddScoped<TaskSubjects>();
        services.AddScoped<NotificationService>();
        services.AddScoped<ReminderRun>();
        services.AddScoped<AcquaintanceService>();
        services.AddScoped<ServiceRecordService>();
        services.AddScoped<Evaluation2018.Evaluation2018Service>();
        return services;
    }
}
