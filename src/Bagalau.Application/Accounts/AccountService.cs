using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Accounts;

/// <summary>Creating local accounts and granting roles per body (web admin pages and <c>bagalau user create</c>).</summary>
public sealed class AccountService(BagalauDbContext db, UserManager<BagalauUser> users)
{
    public static readonly IReadOnlyList<string> Cultures = ["kk", "ru", "en"];

    /// <summary>Creates a user with a password (Identity's rules) and the given roles, all or nothing.</summary>
    public async Task<Result<BagalauUser>> CreateUserAsync(
        string email, string password, string culture, IReadOnlyCollection<(Guid BodyId, BodyRole Role)> roles, Guid? servantId = null, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var address = email?.Trim() ?? string.Empty;
        if (address.Length == 0 || ContactRules.Email(address) is not null)
        {
            errors.Add(new ValidationError("email-invalid", "email", address));
        }

        if (!Cultures.Contains(culture))
        {
            errors.Add(new ValidationError("culture-unknown", "culture", culture));
        }

        foreach (var bodyId in roles.Select(r => r.BodyId).Distinct())
        {
            if (!await db.StateBodies.AnyAsync(b => b.Id == bodyId, ct))
            {
                errors.Add(new ValidationError("not-found", "body", bodyId.ToString()));
            }
        }

        if (errors.Count == 0 && await users.FindByEmailAsync(address) is not null)
        {
            errors.Add(new ValidationError("user-duplicate-email", "email", address));
        }

        if (errors.Count > 0)
        {
            return Result<BagalauUser>.Failure(errors);
        }

        var user = new BagalauUser { UserName = address, Email = address, EmailConfirmed = true, PreferredCulture = culture };
        // Joins the caller's transaction (e.g. the demo seeder's) when there is one.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var created = await users.CreateAsync(user, password ?? string.Empty);
        if (!created.Succeeded)
        {
            return Result<BagalauUser>.Failure(IdentityErrors(created));
        }

        foreach (var (bodyId, role) in roles.Distinct())
        {
            db.BodyMemberships.Add(new BodyMembership(user.Id, bodyId, role, servantId));
        }

        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return Result.Success(user);
    }

    /// <summary>Grants a role in a body (no-op when already held).</summary>
    public async Task<Result> GrantAsync(string userId, Guid bodyId, BodyRole role, Guid? servantId = null, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct) || !await db.StateBodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return Result.Failure(new ValidationError("not-found", "user"));
        }

        if (!await db.BodyMemberships.AnyAsync(m => m.UserId == userId && m.StateBodyId == bodyId && m.Role == role, ct))
        {
            db.BodyMemberships.Add(new BodyMembership(userId, bodyId, role, servantId));
            await db.SaveChangesAsync(ct);
        }

        return Result.Success();
    }

    /// <summary>Takes a role away; <paramref name="byUserId"/>, when given, may not take away their own administrator role (another administrator can).</summary>
    public async Task<Result> RevokeAsync(string userId, Guid bodyId, BodyRole role, CancellationToken ct = default, string? byUserId = null)
    {
        if (byUserId == userId && role == BodyRole.Administrator)
        {
            return Result.Failure(new ValidationError("member-own-administrator", null));
        }

        var membership = await db.BodyMemberships.FirstOrDefaultAsync(m => m.UserId == userId && m.StateBodyId == bodyId && m.Role == role, ct);
        if (membership is null)
        {
            return Result.Failure(new ValidationError("not-found", "role", BodyMembership.RoleId(role)));
        }

        db.BodyMemberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>
    /// Gives <paramref name="email"/> a role in the body, from the body's members page: an existing
    /// account gets the role; otherwise the account is created with <paramref name="password"/>
    /// and <paramref name="culture"/>. <paramref name="servantIin"/>, when given, links the user
    /// to that servant of the body (their own results, tasks and service record).
    /// </summary>
    public async Task<Result> GrantAccessAsync(Guid bodyId, string email, BodyRole role, string? servantIin, string? password, string culture, CancellationToken ct = default)
    {
        Guid? servantId = null;
        if (!string.IsNullOrWhiteSpace(servantIin))
        {
            var iin = servantIin.Trim();
            servantId = await db.Servants.Where(s => s.StateBodyId == bodyId && s.Iin == iin).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (servantId is null)
            {
                return Result.Failure(new ValidationError("member-servant-unknown", "servantIin", iin));
            }
        }

        var user = await users.FindByEmailAsync(email?.Trim() ?? string.Empty);
        if (user is null)
        {
            var created = await CreateUserAsync(email ?? string.Empty, password ?? string.Empty, culture, [(bodyId, role)], servantId, ct);
            return created.IsSuccess ? Result.Success() : Result.Failure(created.Errors);
        }

        var linked = await db.BodyMemberships.Where(m => m.UserId == user.Id && m.StateBodyId == bodyId && m.ServantId != null).Select(m => m.ServantId).FirstOrDefaultAsync(ct);
        if (servantId is not null && linked is not null && linked != servantId)
        {
            return Result.Failure(new ValidationError("member-servant-other", "servantIin"));
        }

        return await GrantAsync(user.Id, bodyId, role, servantId ?? linked, ct);
    }

    /// <summary>The body's users by e-mail, each with their roles there and the servant they are linked to (the People page and its API).</summary>
    public async Task<IReadOnlyList<BodyMember>> MembersOfAsync(Guid bodyId, CancellationToken ct = default)
    {
        var rows = await (from m in db.BodyMemberships.AsNoTracking()
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.StateBodyId == bodyId
                          select new { m.UserId, u.Email, m.Role, m.ServantId }).ToListAsync(ct);
        return rows.GroupBy(r => (r.UserId, Email: r.Email ?? string.Empty))
            .Select(g => new BodyMember(g.Key.UserId, g.Key.Email, g.Select(r => r.Role).Order().ToList(), g.Select(r => r.ServantId).FirstOrDefault(id => id is not null)))
            .OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static ValidationError[] IdentityErrors(IdentityResult result) =>
        result.Errors.Select(e => e.Code switch
        {
            "DuplicateEmail" or "DuplicateUserName" => new ValidationError("user-duplicate-email", "email"),
            "InvalidEmail" or "InvalidUserName" => new ValidationError("email-invalid", "email"),
            _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new ValidationError("password-weak", "password", e.Code),
            _ => new ValidationError("account-rejected", null, e.Code),
        }).Distinct().ToArray();
}

/// <summary>A user of a body: their roles there and the servant record they are linked to.</summary>
public sealed record BodyMember(string UserId, string Email, IReadOnlyList<BodyRole> Roles, Guid? ServantId);
