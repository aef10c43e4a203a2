using Bagalau.Web.Setup;

namespace Bagalau.Web.Security;

/// <summary>
/// Response headers that every answer carries: a strict Content-Security-Policy (no inline
/// script or style: the pages need none), no MIME sniffing, no framing, a short referrer.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, OidcSettings? oidc = null)
{
    private readonly string contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; " +
        // Chromium applies form-action to the redirect after a form post: the external sign-in
        // button posts here and is redirected to the provider.
        "form-action 'self'" + (oidc is null ? string.Empty : " " + oidc.Origin);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!IsStaticAsset(context.Request.Path))
            {
                // Pages and API answers hold personal data: never kept by shared caches.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/css") || path.StartsWithSegments("/img") || path.StartsWithSegments("/js")
        || path.Equals("/favicon.ico");
}

public static class SecurityHeadersExtensions
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}
