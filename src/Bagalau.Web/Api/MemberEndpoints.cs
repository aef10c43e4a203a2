using Bagalau.Application.Accounts;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bagalau.Web.Api;

/// <summary>A user of the body with their roles there and the servant record they are linked to.</summary>
public sealed record MemberDto(string UserId, string Email, IReadOnlyList<string> Roles, Guid? ServantId);

/// <summary>Giving someone a role: an existing account by e-mail, or a new one (password and language needed then); servantIin links it to a servant of the body.</summary>
public sealed record GrantRequest(string? Email, string? Role, string? ServantIin, string? Password, string? Language);

/// <summary>The body's people and their roles, for the body's administrator (the People page's API).</summary>
public static class MemberEndpoints
{
    public static void MapMemberEndpoints(this RouteGroupBuilder body)
    {
        var members = body.MapGroup("/members").WithTags("members").RequireAuthorization(BodyPolicies.Administer);
        members.MapGet("/", List)
            .WithName("ListMembers").WithSummary("The body's users by e-mail, each with their roles in the body and linked servant (administrator only).");
        members.MapPost("/", Grant)
            .WithName("GrantRole")
            .WithSummary("Gives a role to an e-mail: an existing account gets it; otherwise the account is created (password, language kk/ru/en). servantIin links the account to that servant of the body. Bad input is 400 with the field's message and changes nothing.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        members.MapDelete("/{userId}/roles/{role}", Revoke)
            .WithName("RevokeRole").WithSummary("Takes a role away (not your own administrator role).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<MemberDto>>> List(Guid bodyId, AccountService accounts, HttpContext context) =>
        TypedResults.Ok(await MembersAsync(accounts, bodyId, context.RequestAborted));

    private static async Task<Results<Ok<MemberDto>, ProblemHttpResult>> Grant(Guid bodyId, GrantRequest request, AccountService accounts, HttpContext context)
    {
        if (!BodyMembership.TryParseRole(request.Role, out var role))
        {
            return ApiErrors.One("value-unknown", "role", request.Role ?? string.Empty, string.Join(", ", Enum.GetValues<BodyRole>().Select(BodyMembership.RoleId)));
        }

        var language = string.IsNullOrWhiteSpace(request.Language) ? "kk" : request.Language.Trim();
        var result = await accounts.GrantAccessAsync(bodyId, request.Email ?? string.Empty, role, request.ServantIin, request.Password, language, context.RequestAborted);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result);
        }

        var email = request.Email!.Trim();
        var member = (await MembersAsync(accounts, bodyId, context.RequestAborted)).First(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase));
        return TypedResults.Ok(member);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid bodyId, string userId, string role, AccountService accounts, [AsParameters] ApiCaller caller)
    {
        if (!BodyMembership.TryParseRole(role, out var parsed))
        {
            return ApiErrors.One("not-found");
        }

        var result = await accounts.RevokeAsync(userId, bodyId, parsed, caller.Cancelled, byUserId: caller.UserId);
        return result.IsSuccess ? TypedResults.NoContent() : ApiErrors.From(result);
    }

    private static async Task<List<MemberDto>> MembersAsync(AccountService accounts, Guid bodyId, CancellationToken ct) =>
        [.. (await accounts.MembersOfAsync(bodyId, ct)).Select(m => new MemberDto(m.UserId, m.Email, [.. m.Roles.Select(BodyMembership.RoleId)], m.ServantId))];
}
