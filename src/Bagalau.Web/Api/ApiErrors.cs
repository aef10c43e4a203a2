using System.Globalization;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>
/// The organisation register's field errors as RFC 7807, through the one kind-to-status mapping:
/// 404 for <c>not-found</c>, 409 for <c>concurrency-conflict</c>, else 400. The problem's <c>code</c> and <c>title</c> are those of
/// the first error; <c>errors</c> (by request property) and <c>issues</c> list all of them.
/// </summary>
public static class ApiErrors
{
    /// <summary>Domain field ids whose request property is not simply their camelCase form.</summary>
    private static readonly Dictionary<string, string> Properties = new(StringComparer.Ordinal)
    {
        ["parent_code"] = "parentId",
        ["unit_code"] = "unitId",
        ["position"] = "positionId",
        ["position_code"] = "positionId",
        ["supervisor_iin"] = "supervisorId",
    };

    public static ProblemHttpResult From(IReadOnlyList<ValidationError> errors)
    {
        var culture = CultureInfo.CurrentUICulture;
        // The register's field errors carry no kind of their own: a stale copy is a conflict, a
        // missing record not found, anything else invalid input; the one mapping gives the status.
        var kind = errors.Any(e => e.Code == "concurrency-conflict") ? RefusalKind.Conflict
            : errors.All(e => e.Code == "not-found") ? RefusalKind.NotFound
            : RefusalKind.InvalidInput;
        var status = ApiProblems.StatusOf(kind);
        var issues = errors.Select(e => new ApiIssue(e.Code, e.Field is null ? null : Property(e.Field), ErrorMessages.Format(e, culture))).ToList();
        var byField = issues.Where(i => i.Field is not null)
            .GroupBy(i => i.Field!)
            .ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray());
        return ApiProblems.Problem(status, issues[0].Code, issues[0].Message, byField.Count > 0 ? byField : null,
            new Dictionary<string, object?> { ["issues"] = issues });
    }

    public static ProblemHttpResult From(Result result) => From(result.Errors);

    public static ProblemHttpResult One(string code, string? field = null, params string[] args) => From([new ValidationError(code, field, args)]);

    /// <summary>A page request from `?page=&amp;size=` (size 1..100, default 50), or the problem with it.</summary>
    public static bool TryPage(int? page, int? size, IStringLocalizer t, out PageRequest request, out ProblemHttpResult? problem)
    {
        request = PageRequest.First;
        problem = null;
        var number = page ?? 1;
        var rows = size ?? PageRequest.DefaultSize;
        if (number < 1 || rows < 1 || rows > PageRequest.MaxSize)
        {
            problem = ApiProblems.Localized(t, StatusCodes.Status400BadRequest, "paging-invalid", PageRequest.MaxSize);
            return false;
        }

        request = new PageRequest(number, rows);
        return true;
    }

    private static string Property(string field) =>
        Properties.TryGetValue(field, out var property) ? property : CamelCase(field);

    private static string CamelCase(string snake)
    {
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? snake
            : parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}

/// <summary>One broken rule in a problem's <c>issues</c>.</summary>
public sealed record ApiIssue(string Code, string? Field, string Message);
