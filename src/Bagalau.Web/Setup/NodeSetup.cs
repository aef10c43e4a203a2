using Bagalau.Application.Jobs;

namespace Bagalau.Web.Setup;

/// <summary>
/// Running as one of several nodes: the scheduled jobs on Quartz (clustered on
/// PostgreSQL), and every response names the node that produced it in <c>X-Bagalau-Node</c>
/// (<c>Bagalau:NodeName</c>), so an operator or a test behind the load balancer sees who answered.
/// </summary>
public static class NodeSetup
{
    public const string NodeHeader = "X-Bagalau-Node";

    public static IServiceCollection AddBagalauNode(this IServiceCollection services, IConfiguration configuration) =>
        services.AddBagalauJobs(configuration);

    public static WebApplication UseBagalauNodeHeader(this WebApplication app)
    {
        var node = app.Services.GetRequiredService<JobOptions>().NodeName;
        app.Use((context, next) =>
        {
            context.Response.Headers[NodeHeader] = node;
            return next(context);
        });
        return app;
    }
}
