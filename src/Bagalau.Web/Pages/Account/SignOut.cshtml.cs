using Bagalau.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bagalau.Web.Pages.Account;

/// <summary>Sign-out is a POST with an antiforgery token, so no link can sign a user out.</summary>
public sealed class SignOutModel(SignInManager<BagalauUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
