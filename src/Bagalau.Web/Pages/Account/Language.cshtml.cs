using Bagalau.Application.Persistence;
using Bagalau.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bagalau.Web.Pages.Account;

/// <summary>The language switcher: sets the cookie and, for a signed-in user, stores the choice.</summary>
public sealed class LanguageModel(UserManager<BagalauUser> users, SignInManager<BagalauUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl)
    {
        var chosen = Cultures.Normalize(language);
        if (chosen is null)
        {
            return BadRequest();
        }

        LanguageCookie.Write(Response, chosen);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user
            && !string.Equals(user.PreferredCulture, chosen, StringComparison.Ordinal))
        {
            user.PreferredCulture = chosen;
            var result = await users.UpdateAsync(user);
            if (result.Succeeded)
            {
                // New cookie carries the new language claim for other devices' sign-ins.
                await signIn.RefreshSignInAsync(user);
            }
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
