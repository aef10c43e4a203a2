using Bagalau.Web.Api;
using Bagalau.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bagalau.Web.Setup;

/// <summary>Composition of the web application: services and the request pipeline.</summary>
public static class BagalauWebSetup
{
    /// <summary>
    /// The builder's options. Started from another directory (`dotnet /srv/bagalau/Bagalau.Web.dll`
    /// by a service manager or the bench), the content root would be that directory and the
    /// app's appsettings.json would not be read: no log levels, so every request was logged
    /// (the profile in docs/benchmarks.md). The app's own directory is the content root then, unless one is given
    /// (`--contentRoot`, ASPNETCORE_CONTENTROOT).
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = args,
        ContentRootPath = ContentRoot(args, Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Environment.GetEnvironmentVariable),
    };

    /// <summary>The app's own directory when the current one has no appsettings.json and none is given; else null (the framework's default).</summary>
    public static string? ContentRoot(string[] args, string currentDirectory, string appDirectory, Func<string, string?> environment)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT"));
        return !given
            && !File.Exists(Path.Combine(currentDirectory, "appsettings.json"))
            && File.Exists(Path.Combine(appDirectory, "appsettings.json"))
            ? appDirectory
            : null;
    }

    public static WebApplicationBuilder AddBagalauWeb(this WebApplicationBuilder builder)
    {
        ListenOnDefaultUrlWhenNoneConfigured(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddBagalauDatabase(builder.Configuration);
        builder.Services.AddBagalauIdentity(builder.Configuration);
        builder.Services.AddBagalauAuthorization();
        builder.Services.AddBagalauLocalization();
        builder.Services.AddBagalauSecurity(builder.Configuration);
        builder.Services.AddBagalauPages();
        builder.Services.AddBagalauApi();
        builder.Services.AddBagalauNode(builder.Configuration);
        builder.Services.AddSurvey360Api(builder.Configuration);
        return builder;
    }

    public static WebApplication UseBagalauWeb(this WebApplication app)
    {
        app.UseBagalauForwardedHeaders();
        app.UseBagalauNodeHeader();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseBagalauErrorPages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseBagalauLocalization();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapRazorPages();
        app.MapBagalauApi();

        // Liveness for the load balancer and the HTTP benchmark's floor: no database, no session.
        app.MapGet("/health", () => "ok").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// The README's run command serves on http://127.0.0.1:5080 even without launchSettings
    /// (e.g. `dotnet Bagalau.Web.dll`); ASPNETCORE_URLS, --urls or Kestrel endpoints win.
    /// </summary>
    private static void ListenOnDefaultUrlWhenNoneConfigured(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["urls"] ?? builder.Configuration["http_ports"] ?? builder.Configuration["https_ports"];
        var kestrelEndpoints = builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (string.IsNullOrEmpty(configured) && !kestrelEndpoints)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5080");
        }
    }
}
