using System.ComponentModel.DataAnnotations;
using Bagalau.Application.Persistence;
using Bagalau.Web.Localization;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Account;

/// <summary>Local sign-in with e-mail and password; failed attempts count towards lockout.</summary>
public sealed class SignInModel(
    SignInManager<BagalauUser> signInManager,
    IStringLocalizer<SharedResource> t,
    OidcSettings? oidc = null) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public string? ExternalProvider => oidc?.DisplayName;

    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return LocalRedirect(SafeReturnUrl());
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signInManager.UserManager.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // Same answer as a wrong password: the page does not reveal which e-mails exist.
            Error = t["signin.failed"];
            return Page();
        }

        var result = await signInManager.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            LanguageCookie.Write(Response, Cultures.Normalize(user.PreferredCulture) ?? Cultures.Default);
            return LocalRedirect(SafeReturnUrl());
        }

        Error = result.IsLockedOut ? t["signin.locked-out"]
            : result.IsNotAllowed ? t["signin.not-allowed"]
            : t["signin.failed"];
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "validation.required")]
    [EmailAddress(ErrorMessage = "validation.email")]
    [Display(Name = "field.email")]
    public string Email { get; set; } = string.Empty;

    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Display(Name = "field.password")]
    public string Password { get; set; } = string.Empty;
}
