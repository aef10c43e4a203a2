namespace Bagalau.Web.Security;

/// <summary>The REST API lives under /api; it answers with status codes and problem details, never pages.</summary>
public static class ApiPaths
{
    public const string Prefix = "/api/v1";

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
