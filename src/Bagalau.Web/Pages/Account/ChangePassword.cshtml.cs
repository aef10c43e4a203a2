using System.ComponentModel.DataAnnotations;
using Bagalau.Application.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Account;

/// <summary>A signed-in user changes their own password (Identity's password rules apply).</summary>
public sealed class ChangePasswordModel(
    UserManager<BagalauUser> users,
    SignInManager<BagalauUser> signIn,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? $"{nameof(Input)}.{nameof(Input.CurrentPassword)}"
                    : $"{nameof(Input)}.{nameof(Input.NewPassword)}";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = t["password.changed"].Value;
        return RedirectToPage("/Index");
    }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Display(Name = "field.current-password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Display(Name = "field.new-password")]
    public string NewPassword { get; set; } = string.Empty;

    [Required(ErrorMessage = "validation.required")]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "validation.password-confirm")]
    [Display(Name = "field.confirm-password")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
