using Bagalau.Application.Accounts;
using Bagalau.Application.Workflow;
using Bagalau.Application.Audit;
using Bagalau.Application.Demo;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Import;
using Bagalau.Application.Jobs;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bagalau.Application;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Everything the web app and the CLI share: the database (<c>Database:Provider</c>,
    /// <c>ConnectionStrings:Bagalau</c>), the clock, Identity's user store with Bagalau's
    /// password and lockout rules, and the use-case services. The audit actor defaults to
    /// <c>system</c>; the web app registers its own <see cref="IAuditActor"/> after this call.
    /// <paramref name="sqliteTempTablesInMemory"/>: the web app's (ADR 0015).
    /// </summary>
    public static IServiceCollection AddBagalauApplication(this IServiceCollection services, IConfiguration configuration, string? workingDirectory = null, bool sqliteTempTablesInMemory = false)
    {
        var database = DatabaseOptions.FromConfiguration(configuration, workingDirectory ?? Directory.GetCurrentDirectory()) with { SqliteTempTablesInMemory = sqliteTempTablesInMemory };
        services.AddSingleton(database);
        // Pooled contexts (ADR 0015): building a context's internal services was a quarter of a
        // small API request's CPU. Each scope leases one and gives it the clock and audit actor.
        services.AddPooledDbContextFactory<BagalauDbContext>(database.Configure);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<BagalauDbContext>>().CreateDbContext()
            .Lease(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IAuditActor>()));
        // Held-open connections with prepared statements for the hottest reads on SQLite (ADR 0016).
        services.AddSingleton(_ => new SqliteReads(database));
        // The composition root is the one place the real clock is chosen; tests replace it.
#pragma warning disable RS0030
        services.TryAddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.TryAddScoped<AuditActor>();
        services.TryAddScoped<IAuditActor>(sp => sp.GetRequiredService<AuditActor>());

        services.AddIdentityCore<BagalauUser>(IdentityRules.Configure)
            .AddEntityFrameworkStores<BagalauDbContext>();

        services.AddScoped<OrganisationService>();
        services.AddScoped<ServantDirectory>();
        services.AddScoped<ServantLines>();
        services.AddScoped<PositionDirectory>();
        services.AddScoped<BodyAccess>();
        services.AddScoped<AccountService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<OrganisationImport>();
        services.AddScoped<OrganisationExport>();
        services.AddSingleton<Documents.DocumentService>();
        // The workflows read the packs and the calendar (with HR's calendar additions).
        services.TryAddBagalauPacks(configuration);
        services.AddScoped<WorkflowActors>();
        services.AddScoped<WorkflowSteps>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<BulkRun>();
        services.AddScoped<QuarterRoundService>();
        services.AddScoped<RatingSheetService>();
        services.AddScoped<AnnualScoreService>();
        services.AddScoped<RatingSheetReads>();
        services.AddScoped<KtiPlanService>();
        services.AddScoped<CalibrationService>();
        services.AddScoped<Survey360Service>();
        services.AddScoped<Survey360Issuing>();
        services.AddScoped<Results.ResultsExport>();
        services.AddSingleton<Survey360AnswerQueue>();
        services.AddScoped<QuarterlyDocuments>();
        services.AddBagalauTasks(configuration);
        services.AddBagalauEvaluation2018();
        services.AddScoped<DatasetGenerator>();
        services.AddBagalauJobRunners(configuration);
        services.AddScoped<QuarterCloseService>();
        services.AddScoped<QuarterSheetsGenerator>();
        services.AddScoped<Survey360Generator>();

        // The key ring lives in the database, so a cookie issued by one node is read by every other.
        services.AddDataProtection().SetApplicationName("Bagalau").PersistKeysToDbContext<BagalauDbContext>();
        return services;
    }
}

/// <summary>Password and lockout rules of local accounts (the same for the web app and the CLI).</summary>
public static class IdentityRules
{
    public static void Configure(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }
}
