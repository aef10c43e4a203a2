using System.Globalization;
using Bagalau.Application.Accounts;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Cli.Commands;

/// <summary>
/// <c>bagalau user create --email E --password P [--culture kk|ru|en] [--body CODE --role R ...] [--servant IIN]</c>:
/// a local account; each --role applies to the --body before it.
/// </summary>
internal sealed class UserCommand : DatabaseCommand
{
    public override string Name => "user";

    public override string Summary => "create --email E --password P [--body CODE --role R ...]: a local account";

    protected override string[] Options => ["email", "password", "culture", "body", "role", "servant", "lang"];

    protected override async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional is not ["create"] || args["email"] is not { } email || args["password"] is not { } password)
        {
            await stderr.WriteLineAsync("usage: bagalau user create --email E --password P [--culture kk|ru|en] [--body CODE --role R ...] [--servant IIN]");
            return 2;
        }

        var db = services.GetRequiredService<BagalauDbContext>();
        var roles = new List<(Guid, BodyRole)>();
        Guid? body = null;
        foreach (var (name, value) in args.Options)
        {
            if (name == "body")
            {
                body = await db.StateBodies.Where(b => b.Code == value).Select(b => (Guid?)b.Id).FirstOrDefaultAsync();
                if (body is null)
                {
                    await stderr.WriteLineAsync($"bagalau user: no state body with code '{value}'");
                    return 1;
                }
            }
            else if (name == "role")
            {
                if (body is null)
                {
                    await stderr.WriteLineAsync("bagalau user: --role needs a --body before it");
                    return 2;
                }

                if (!BodyMembership.TryParseRole(value, out var role))
                {
                    await stderr.WriteLineAsync($"bagalau user: unknown role '{value}': {string.Join(", ", KindIds.All<BodyRole>())}");
                    return 2;
                }

                roles.Add((body.Value, role));
            }
        }

        Guid? servantId = null;
        if (args["servant"] is { } iin)
        {
            servantId = body is null ? null : await db.Servants.Where(s => s.StateBodyId == body && s.Iin == iin).Select(s => (Guid?)s.Id).FirstOrDefaultAsync();
            if (servantId is null)
            {
                await stderr.WriteLineAsync($"bagalau user: no servant with IIN '{iin}' in the body");
                return 1;
            }
        }

        var result = await services.GetRequiredService<AccountService>().CreateUserAsync(email, password, args["culture"] ?? "kk", roles, servantId);
        if (!result.IsSuccess)
        {
            var culture = CliLanguage.Of(args);
            foreach (var error in result.Errors.Localise(culture))
            {
                await stderr.WriteLineAsync($"bagalau user: {error.Message}");
            }

            return 1;
        }

        await stdout.WriteLineAsync($"user {result.Value.Email} created" + (roles.Count == 0 ? string.Empty : $" with {roles.Count} role(s)"));
        return 0;
    }
}
