using System.Security.Claims;
using Bagalau.Application.Persistence;
using Bagalau.Web.Localization;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Account;

/// <summary>
/// Sign-in through the external OpenID Connect provider. An external identity is mapped to the
/// local account with the same (verified) e-mail; nobody gets an account by signing in
/// externally: HR creates accounts and their body roles.
/// </summary>
public sealed class ExternalModel(
    SignInManager<BagalauUser> signIn,
    IStringLocalizer<SharedResource> t,
    ILogger<ExternalModel> log,
    OidcSettings? oidc = null) : PageModel
{
    public string? Error { get; private set; }

    public IActionResult OnGet() => RedirectToPage("/Account/SignIn");

    public IActionResult OnPost(string? returnUrl)
    {
        if (oidc is null)
        {
            return NotFound();
        }

        var callback = Url.Page("/Account/External", "Callback", new { returnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/" });
        var properties = signIn.ConfigureExternalAuthenticationProperties(OidcSettings.Scheme, callback);
        return Challenge(properties, OidcSettings.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl)
    {
        if (oidc is null)
        {
            return NotFound();
        }

        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Fail("signin.external-failed");
        }

        // The external cookie only carried the provider's answer to this callback.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        var target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        var linked = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: false, bypassTwoFactor: false);
        if (linked.Succeeded)
        {
            return SignedIn(await signIn.UserManager.FindByLoginAsync(info.LoginProvider, info.ProviderKey), target);
        }

        if (linked.IsLockedOut)
        {
            return Fail("signin.locked-out");
        }

        var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
        var verified = info.Principal.FindFirstValue("email_verified");
        if (string.IsNullOrWhiteSpace(email) || string.Equals(verified, "false", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("signin.external-no-email");
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            log.LogInformation("External sign-in refused: no local account for the provider's e-mail.");
            return Fail("signin.external-no-account");
        }

        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Fail("signin.locked-out");
        }

        var added = await signIn.UserManager.AddLoginAsync(user, info);
        if (!added.Succeeded)
        {
            return Fail("signin.external-failed");
        }

        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        return SignedIn(user, target);
    }

    private LocalRedirectResult SignedIn(BagalauUser? user, string target)
    {
        if (user is not null)
        {
            LanguageCookie.Write(Response, Cultures.Normalize(user.PreferredCulture) ?? Cultures.Default);
        }

        return LocalRedirect(target);
    }

    private PageResult Fail(string key)
    {
        Error = t[key];
        return Page();
    }
}
