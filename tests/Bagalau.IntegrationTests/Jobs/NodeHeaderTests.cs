using Bagalau.Application.Jobs;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Bagalau.Web.Setup;

namespace Bagalau.IntegrationTests.Jobs;

/// <summary>Behind a load balancer every answer says which node gave it.</summary>
public class NodeHeaderTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryResponse_NamesTheNode_PagesApiAndErrorsAlike(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?> { [JobOptions.NodeNameKey] = "node-b" });
        using var client = host.Client();

        foreach (var path in new[] { "/health", "/Account/SignIn", "/api/v1/openapi.json", "/no-such-page" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.Headers.TryGetValues(NodeSetup.NodeHeader, out var node), path);
            Assert.Equal(["node-b"], node);
        }
    }
}
