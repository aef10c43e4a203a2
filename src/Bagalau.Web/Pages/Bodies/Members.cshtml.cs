using Bagalau.Application.Accounts;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Bagalau.Web.Pages.Bodies;

/// <summary>What the administrator sends to give someone a role (a new account needs a password).</summary>
public sealed class GrantForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["email"] = nameof(Email), ["password"] = nameof(Password), ["servantIin"] = nameof(ServantIin), ["culture"] = nameof(Language), ["role"] = nameof(Role),
    };

    // No [Required]: the account service answers an empty address with its own kk/ru/en message.
    public string? Email { get; set; }

    public string? Role { get; set; } = "servant";

    public string? ServantIin { get; set; }

    public string? Password { get; set; }

    public string? Language { get; set; } = "kk";
}

/// <summary>
/// The body's people and their roles: the administrator gives a role to an e-mail (creating the
/// account when there is none, optionally linked to a servant of the body by IIN) and takes roles
/// away. Accounts otherwise come from <c>bagalau user create</c>.
/// </summary>
[Authorize(Policy = BodyPolicies.Administer)]
public sealed class MembersModel(AccountService accounts, ServantDirectory servants, IStringLocalizer<SharedResource> t) : BodyPageModel
{
    [BindProperty]
    public GrantForm Input { get; set; } = new();

    /// <summary>One row per user: e-mail, roles, linked servant.</summary>
    public IReadOnlyList<(string UserId, string Email, IReadOnlyList<BodyRole> Roles, string? Servant)> Members { get; private set; } = [];

    public string MyUserId => UserId;

    protected override string? PolicyForChanges => BodyPolicies.Administer;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostGrantAsync()
    {
        if (!BodyMembership.TryParseRole(Input.Role, out var role))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(GrantForm.Role)}", t["members.role-unknown", Input.Role ?? string.Empty]);
            await LoadAsync();
            return Page();
        }

        var result = await accounts.GrantAccessAsync(BodyId, Input.Email ?? string.Empty, role, Input.ServantIin, Input.Password, Input.Language ?? "kk", HttpContext.RequestAborted);
        if (!result.IsSuccess)
        {
            ShowErrors(result.Errors, nameof(Input), GrantForm.Fields);
            await LoadAsync();
            return Page();
        }

        TempData["Flash"] = t["members.granted", Input.Email!.Trim(), t["role." + BodyMembership.RoleId(role)]].Value;
        return RedirectToPage(new { bodyId = BodyId });
    }

    public async Task<IActionResult> OnPostRevokeAsync(string userId, string role)
    {
        if (!BodyMembership.TryParseRole(role, out var parsed))
        {
            return NotFound();
        }

        var result = await accounts.RevokeAsync(userId, BodyId, parsed, HttpContext.RequestAborted, byUserId: MyUserId);
        if (result.Errors.Any(e => e.Code == "member-own-administrator"))
        {
            ShowErrors(result.Errors, nameof(Input), GrantForm.Fields);
            await LoadAsync();
            return Page();
        }

        if (!result.IsSuccess)
        {
            return NotFound();
        }

        TempData["Flash"] = t["members.revoked", t["role." + role]].Value;
        return RedirectToPage(new { bodyId = BodyId });
    }

    private async Task LoadAsync()
    {
        var rows = await accounts.MembersOfAsync(BodyId, HttpContext.RequestAborted);
        var people = await servants.PeopleAsync(rows.Where(r => r.ServantId is not null).Select(r => r.ServantId!.Value), HttpContext.RequestAborted);
        Members = rows
            .Select(m => (m.UserId, m.Email, m.Roles, m.ServantId is { } id && people.TryGetValue(id, out var p) ? $"{p.FullName} ({p.Iin})" : null))
            .ToList();
    }
}
