using Bagalau.Application.Persistence;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bagalau.Web.Api;

/// <summary>Bearer tokens for API clients (Identity's bearer token scheme).</summary>
public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("auth").AllowAnonymous();

        auth.MapPost("/token", IssueToken)
            .RequireRateLimiting(SecuritySetup.SignInPolicy)
            .WithName("IssueToken")
            .WithSummary("Exchanges e-mail and password for a bearer token (failed attempts count towards lockout).")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", Refresh)
            .WithName("RefreshToken")
            .WithSummary("Exchanges a refresh token for a new bearer token.")
            .Produces<AccessTokenResponse>();
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> IssueToken(
        TokenRequest request, SignInManager<BagalauUser> signIn, IStringLocalizer<SharedResource> t)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return ApiProblems.Localized(t, StatusCodes.Status400BadRequest, "credentials-missing");
        }

        var user = await signIn.UserManager.FindByEmailAsync(request.Email.Trim());
        if (user is null)
        {
            return ApiProblems.Localized(t, StatusCodes.Status401Unauthorized, "sign-in-failed");
        }

        // The bearer handler writes the token response itself when signing in.
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(user, request.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.Empty;
        }

        return result.IsLockedOut
            ? ApiProblems.Localized(t, StatusCodes.Status401Unauthorized, "account-locked")
            : ApiProblems.Localized(t, StatusCodes.Status401Unauthorized, "sign-in-failed");
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Refresh(
        RefreshRequest request,
        SignInManager<BagalauUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider clock,
        IStringLocalizer<SharedResource> t)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return ApiProblems.Localized(t, StatusCodes.Status401Unauthorized, "refresh-token-invalid");
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}

public sealed record TokenRequest(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);
