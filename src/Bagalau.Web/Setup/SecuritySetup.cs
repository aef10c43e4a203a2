using System.Globalization;
using System.Threading.RateLimiting;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;

namespace Bagalau.Web.Setup;

/// <summary>Antiforgery, the sign-in rate limit, HSTS and forwarded headers.</summary>
public static class SecuritySetup
{
    /// <summary>Rate-limiter policy on the password endpoints (sign-in page and API token).</summary>
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddBagalauSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "bagalau.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__RequestVerificationToken";
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        // Behind a reverse proxy the client address and scheme come from X-Forwarded-*; only
        // trusted when the operator says so (otherwise anyone could spoof the rate-limit key).
        if (configuration.GetValue("Bagalau:TrustForwardedHeaders", false))
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            });
        }

        var permits = configuration.GetValue("Bagalau:SignInRateLimit:PermitLimit", 10);
        var window = TimeSpan.FromSeconds(configuration.GetValue("Bagalau:SignInRateLimit:WindowSeconds", 60));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            o.AddPolicy(SignInPolicy, context =>
                HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        });
        return services;
    }

    public static IApplicationBuilder UseBagalauForwardedHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue("Bagalau:TrustForwardedHeaders", false))
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
