using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Application.Evaluation2018;

/// <summary>Registers the 2018 cycle's use cases beyond plans and KPI sheets (registered with the tasks).</summary>
public static class Evaluation2018Services
{
    public static IServiceCollection AddBagalauEvaluation2018(this IServiceCollection services)
    {
        services.AddScoped<SheetService>();
        services.AddScoped<CommissionService>();
        services.AddScoped<AppealService>();
        services.AddScoped<Cycle2018Documents>();
        services.AddScoped<RecordBodies>();
        services.AddScoped<CycleReads>();
        services.AddScoped<CommissionSending>();
        services.AddScoped<RecordLinks>();
        services.AddScoped<RecordVersions>();
        return services;
    }
}
