using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Bagalau.Application.Persistence;
using Bagalau.IntegrationTests.Evaluation2023;
using Bagalau.IntegrationTests.Organisation;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The web app on a body with the 2023 test staff, its clock set by the test.</summary>
internal sealed class Survey360Host : IAsyncDisposable
{
    public required WebTestHost Host { get; init; }

    public required WebApplicationFactory<Bagalau.Web.WebApp> App { get; init; }

    public required FixedClock Clock { get; init; }

    public required Body2023 Body { get; init; }

    public required string Code { get; init; }

    public static async Task<Survey360Host> StartAsync(string provider, string code)
    {
        var host = await WebTestHost.StartAsync(provider);
        var clock = new FixedClock(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        var app = host.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var body = await Body2023.CreateAsync(
            async work =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<BagalauDbContext>());
            },
            code,
            new DateOnly(2020, 1, 1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
            foreach (var id in body.Users.Values)
            {
                var user = await users.FindByIdAsync(id);
                var added = await users.AddPasswordAsync(user!, WebTestHost.Password);
                Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
            }
        }

        return new Survey360Host { Host = host, App = app, Clock = clock, Body = body, Code = code };
    }

    public HttpClient Anonymous() => App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Anonymous();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = $"{user}.{Code}@bagalau.example", password = WebTestHost.Password });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var json = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Runs a use case in a fresh scope of the app (like one request).</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Host.DisposeAsync();
    }
}
