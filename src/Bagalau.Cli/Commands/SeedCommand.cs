using System.Globalization;
using Bagalau.Application.Demo;
using Bagalau.Application.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Cli.Commands;

/// <summary><c>bagalau seed demo [--today YYYY-MM-DD]</c>: migrates, then fills an empty database with the demo body.</summary>
internal sealed class SeedCommand : DatabaseCommand
{
    public override string Name => "seed";

    public override string Summary => "seed demo [--today YYYY-MM-DD]: demo body, servants and sign-ins (empty database only)";

    protected override string[] Options => ["today"];

    protected override bool NeedsMigratedDatabase => false;

    protected override async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional is not ["demo"])
        {
            await stderr.WriteLineAsync("usage: bagalau seed demo [--today YYYY-MM-DD]");
            return 2;
        }

        var today = Bagalau.Application.Time.KazakhstanClock.Today(services.GetRequiredService<TimeProvider>());
        if (args["today"] is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            await stderr.WriteLineAsync($"bagalau seed: --today '{text}' is not a date (YYYY-MM-DD)");
            return 2;
        }

        await BagalauDatabase.MigrateAsync(services.GetRequiredService<BagalauDbContext>());
        var result = await services.GetRequiredService<DemoSeeder>().SeedAsync(today);
        if (!result.Seeded)
        {
            await stdout.WriteLineAsync("the database already has a state body: demo data not added");
            return 0;
        }

        await stdout.WriteLineAsync($"demo body '{DemoSeeder.BodyCode}' created with {result.Servants} servants (today = {today:yyyy-MM-dd})");
        await stdout.WriteLineAsync("demo sign-ins (demo only, never for real data):");
        foreach (var account in DemoSeeder.Accounts)
        {
            await stdout.WriteLineAsync($"  {account.Email,-30} {account.Password}  {account.Description}");
        }

        return 0;
    }
}
