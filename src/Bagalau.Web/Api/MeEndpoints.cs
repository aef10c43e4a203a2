using Bagalau.Application.Accounts;
using Bagalau.Application.Persistence;
using Bagalau.Web.Bodies;
using Bagalau.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Api;

/// <summary>The signed-in user: who they are, their language, their password.</summary>
public static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("me");

        me.MapGet("/", GetMe)
            .WithName("GetMe")
            .WithSummary("The signed-in user and the state bodies they belong to.");

        me.MapPut("/language", SetLanguage)
            .WithName("SetMyLanguage")
            .WithSummary("Stores the user's interface language: kk, ru or en.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        me.MapPost("/password", ChangePassword)
            .WithName("ChangeMyPassword")
            .WithSummary("Changes the user's own password (password rules apply).")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> GetMe(
        HttpContext context, UserManager<BagalauUser> users, BodyContext bodies)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var memberships = new List<MyBody>();
        foreach (var body in await bodies.VisibleBodiesAsync(context.RequestAborted))
        {
            var roles = await bodies.RolesInAsync(body.Id, context.RequestAborted);
            memberships.Add(new MyBody(body.Id, body.Code, body.NameIn(user.PreferredCulture), roles.Order().Select(BodyMembership.RoleId).ToList()));
        }

        return TypedResults.Ok(new MeResponse(user.Id, user.Email ?? string.Empty, user.PreferredCulture, memberships));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, UnauthorizedHttpResult>> SetLanguage(
        LanguageRequest request, HttpContext context, UserManager<BagalauUser> users, IStringLocalizer<SharedResource> t)
    {
        var language = Cultures.Normalize(request.Language);
        if (language is null || !string.Equals(language, request.Language, StringComparison.Ordinal))
        {
            return ApiProblems.Localized(t, StatusCodes.Status400BadRequest, "language-unsupported", request.Language ?? string.Empty);
        }

        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        user.PreferredCulture = language;
        var result = await users.UpdateAsync(user);
        return result.Succeeded
            ? TypedResults.NoContent()
            : ApiProblems.Localized(t, StatusCodes.Status409Conflict, "concurrency-conflict");
    }

    private static async Task<Results<NoContent, ProblemHttpResult, UnauthorizedHttpResult>> ChangePassword(
        PasswordChangeRequest request, HttpContext context, UserManager<BagalauUser> users, IStringLocalizer<SharedResource> t)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var result = await users.ChangePasswordAsync(user, request.CurrentPassword ?? string.Empty, request.NewPassword ?? string.Empty);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        var errors = result.Errors
            .GroupBy(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return ApiProblems.Problem(StatusCodes.Status400BadRequest, "password-rejected", t["error.password-rejected"], errors);
    }
}

public sealed record MeResponse(string Id, string Email, string Language, IReadOnlyList<MyBody> Bodies);

/// <summary>A body of the user: id, code, name in the user's language and the user's roles there.</summary>
public sealed record MyBody(Guid Id, string Code, string Name, IReadOnlyList<string> Roles);

public sealed record LanguageRequest(string? Language);

public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);
