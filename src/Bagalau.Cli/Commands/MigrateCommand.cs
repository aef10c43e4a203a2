using Bagalau.Application.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Cli.Commands;

/// <summary><c>bagalau migrate</c>: brings the database schema up to date.</summary>
internal sealed class MigrateCommand : DatabaseCommand
{
    public override string Name => "migrate";

    public override string Summary => "create or upgrade the database schema";

    protected override bool NeedsMigratedDatabase => false;

    protected override async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var db = services.GetRequiredService<BagalauDbContext>();
        await BagalauDatabase.MigrateAsync(db);
        await stdout.WriteLineAsync($"database migrated: {CliDatabase.Describe(db)}");
        return 0;
    }
}
