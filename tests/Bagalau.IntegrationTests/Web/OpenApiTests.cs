using System.Text.Json;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

public class OpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiEndpoint()
    {
        await using var host = await WebTestHost.StartAsync("sqlite");

        var json = await host.Client().GetStringAsync("/api/v1/openapi.json");
        var paths = JsonDocument.Parse(json).RootElement.GetProperty("paths");
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/v1/", StringComparison.Ordinal) == true)
            .Where(e => !e.RoutePattern.RawText!.EndsWith("openapi.json", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var path = "/" + route.RoutePattern.RawText!.TrimStart('/');
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:?]+)(:[^}?]+)?\??\}", "{$1}").TrimEnd('/');
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document.");
            var methods = route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods)
            {
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is not in the OpenAPI document.");
                Assert.True(operation.TryGetProperty("responses", out _), $"{method} {path} has no responses.");
            }
        }
    }

    [Fact]
    public async Task OpenApiDocument_The2018RoutesUnderTheBody_AreCurrent_AndThePreBodyAliasesDeprecated()
    {
        await using var host = await WebTestHost.StartAsync("sqlite");

        var paths = JsonDocument.Parse(await host.Client().GetStringAsync("/api/v1/openapi.json")).RootElement.GetProperty("paths");
        var current = paths.GetProperty("/api/v1/bodies/{bodyId}/evaluation-2018/plans/{id}").GetProperty("get");
        var alias = paths.GetProperty("/api/v1/evaluation-2018/plans/{id}").GetProperty("get");

        Assert.False(current.TryGetProperty("deprecated", out var flag) && flag.GetBoolean());
        Assert.True(alias.GetProperty("deprecated").GetBoolean());
        Assert.Equal("GetPlan2018", current.GetProperty("operationId").GetString());
        Assert.True(current.GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task OpenApiDocument_DeclaresTheBearerScheme()
    {
        await using var host = await WebTestHost.StartAsync("sqlite");

        var document = JsonDocument.Parse(await host.Client().GetStringAsync("/api/v1/openapi.json")).RootElement;

        Assert.Equal("Bagalau API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
