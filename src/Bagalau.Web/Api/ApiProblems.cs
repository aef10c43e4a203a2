using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>
/// RFC 7807 answers of the API. Every problem carries a stable `code` (the domain's error id,
/// e.g. `iin-checksum`) and a title in the request's language.
/// </summary>
public static class ApiProblems
{
    public const string CodeKey = "code";

    public static string GenericCode(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad-request",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "payload-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status429TooManyRequests => "too-many-requests",
        >= 500 => "server-error",
        _ => "bad-request",
    };

    /// <summary>A problem whose title is the already localised message.</summary>
    public static ProblemHttpResult Problem(int status, string code, string message,
        IReadOnlyDictionary<string, string[]>? errors = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors.ToDictionary());
        problem.Status = status;
        problem.Title = message;
        problem.Type = "https://bagalau.kz/problems/" + code;
        problem.Extensions[CodeKey] = code;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        return TypedResults.Problem(problem);
    }

    /// <summary>A problem whose message is the resource `error.{code}` formatted with the arguments.</summary>
    public static ProblemHttpResult Localized(IStringLocalizer t, int status, string code, params object[] args) =>
        Problem(status, code, t["error." + code, args]);
}
