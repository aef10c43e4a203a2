namespace Bagalau.Web.Localization;

/// <summary>The HTTP statuses that have their own localised title and text.</summary>
public static class StatusTexts
{
    private static readonly HashSet<int> Known = [400, 401, 403, 404, 405, 409, 413, 415, 429, 500];

    public static int Normalize(int status) => Known.Contains(status) ? status : status >= 500 ? 500 : 400;
}
