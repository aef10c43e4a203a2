using System.Net;
using Bagalau.Application.Demo;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;
using Bagalau.Web.Setup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.IntegrationTests.Web;

public class StartupTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Start_WithSeedDemo_MigratesAndSeedsTheDemoBody_WhoseHrCanSignIn(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, new Dictionary<string, string?> { ["Bagalau:SeedDemo"] = "true" });
        var client = host.Client();

        var signIn = await Forms.SignInAsync(client, "hr@bagalau.example", DemoSeeder.DemoPassword);
        var home = await client.GetAsync("/");
        var dashboard = await client.GetStringAsync(home.Headers.Location!.OriginalString);

        Assert.Equal(1, await host.WithDbAsync(db => db.StateBodies.CountAsync()));
        Assert.Equal(DemoSeeder.ServantCount, await host.WithDbAsync(db => db.Servants.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("Демонстрациялық мемлекеттік орган", dashboard);
        Assert.Contains($"data-test=\"count-servants\">{DemoSeeder.ServantCount}<", dashboard);
    }

    [Fact]
    public void ContentRoot_StartedFromAnotherDirectory_IsTheAppsOwn_SoItsSettingsAreRead_UnlessOneIsGiven()
    {
        var app = Directory.CreateTempSubdirectory("bagalau-app").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("bagalau-cwd").FullName;
        var source = Directory.CreateTempSubdirectory("bagalau-src").FullName;
        File.WriteAllText(Path.Combine(app, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(source, "appsettings.json"), "{}");
        static string? None(string name) => null;

        Assert.Equal(app, BagalauWebSetup.ContentRoot([], elsewhere, app, None));
        Assert.Null(BagalauWebSetup.ContentRoot([], source, app, None));
        Assert.Null(BagalauWebSetup.ContentRoot(["--contentRoot", elsewhere], elsewhere, app, None));
        Assert.Null(BagalauWebSetup.ContentRoot([], elsewhere, app, n => n == "ASPNETCORE_CONTENTROOT" ? elsewhere : null));
        Assert.Null(BagalauWebSetup.ContentRoot([], elsewhere, elsewhere, None));
    }

    [Fact]
    public void DemoSeeding_IsOnInDevelopmentAndOnTheDefaultFile_OffOtherwise_AndTheSettingWins()
    {
        Assert.True(DatabaseSetup.ShouldSeedDemo(Config(), Environment("Development")));
        Assert.True(DatabaseSetup.ShouldSeedDemo(Config(), Environment("Production")));
        Assert.False(DatabaseSetup.ShouldSeedDemo(Config(("ConnectionStrings:Bagalau", "Host=db;Database=bagalau")), Environment("Production")));
        Assert.True(DatabaseSetup.ShouldSeedDemo(Config(("ConnectionStrings:Bagalau", "Host=db;Database=bagalau")), Environment("Development")));
        Assert.False(DatabaseSetup.ShouldSeedDemo(Config(("Bagalau:SeedDemo", "false")), Environment("Development")));
        Assert.Throws<InvalidOperationException>(() => DatabaseSetup.ShouldSeedDemo(Config(("Bagalau:SeedDemo", "maybe")), Environment("Production")));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private static IHostEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Bagalau.Web";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
