using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
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

    /// <summary>
    /// The one mapping from a refusal's kind to an HTTP status (ADR 0017): every endpoint and the
    /// pages' error display use it, so one idea always has one status whatever the family.
    /// </summary>
    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.InvalidInput => StatusCodes.Status400BadRequest,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Gone => StatusCodes.Status410Gone,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>A refusal as RFC 7807: its kind's status, its stable code, its message in the request's language.</summary>
    public static ProblemHttpResult From(Refusal refusal) =>
        Problem(StatusOf(refusal.Kind), refusal.Code, refusal.Message.In(ApiCaller.Language));

    /// <summary>204, or the refusal.</summary>
    public static Results<NoContent, ProblemHttpResult> Done(Outcome outcome) =>
        outcome.Refusal is { } refusal ? From(refusal) : TypedResults.NoContent();

    /// <summary>204, or the refusal.</summary>
    public static Results<NoContent, ProblemHttpResult> Done<T>(Outcome<T> outcome) =>
        outcome.Refusal is { } refusal ? From(refusal) : TypedResults.NoContent();

    /// <summary>200 with the value mapped to its DTO, or the refusal.</summary>
    public static Results<Ok<TDto>, ProblemHttpResult> Answer<T, TDto>(Outcome<T> outcome, Func<T, TDto> map) =>
        outcome.Refusal is { } refusal ? From(refusal) : TypedResults.Ok(map(outcome.Value!));

    /// <summary>The problem responses an operation that runs a workflow step may give, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesRefusals(this RouteHandlerBuilder route, params RefusalKind[] kinds)
    {
        foreach (var status in (kinds.Length == 0 ? Enum.GetValues<RefusalKind>() : kinds).Select(StatusOf).Distinct().Order())
        {
            route.ProducesProblem(status);
        }

        return route;
    }

    /// <summary>A problem whose message is the resource `error.{code}` formatted with the arguments.</summary>
    public static ProblemHttpResult Localized(IStringLocalizer t, int status, string code, params object[] args) =>
        Problem(status, code, t["error." + code, args]);
}
