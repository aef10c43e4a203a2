using Bagalau.Application.Audit;

namespace Bagalau.Web.Security;

/// <summary>The audit log's "who": the signed-in user's e-mail, or `anonymous` (e.g. a failed sign-in).</summary>
public sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public string Name => http.HttpContext?.User is { Identity.IsAuthenticated: true } user
        ? user.Identity?.Name ?? "unknown"
        : http.HttpContext is null ? "system" : "anonymous";
}
