using Bagalau.Application.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Cli.Commands;

/// <summary><c>bagalau audit verify</c>: checks the audit log's hash chain; exit code 1 when broken.</summary>
internal sealed class AuditCommand : DatabaseCommand
{
    public override string Name => "audit";

    public override string Summary => "verify: check the audit log hash chain";

    protected override async Task<int> RunAsync(CliArgs args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional is not ["verify"])
        {
            await stderr.WriteLineAsync("usage: bagalau audit verify");
            return 2;
        }

        var result = await services.GetRequiredService<AuditLog>().VerifyAsync();
        await (result.IsIntact ? stdout : stderr).WriteLineAsync(result.Message);
        return result.IsIntact ? 0 : 1;
    }
}
