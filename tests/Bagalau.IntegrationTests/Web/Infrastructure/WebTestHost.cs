using System.Net;
using System.Text.RegularExpressions;
using Bagalau.Application.Accounts;
using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Bagalau.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Web.Infrastructure;

/// <summary>
/// The real web app (Program) on a throwaway database of one provider, in the Production
/// environment so that tests see what users see (no developer error pages).
/// </summary>
public sealed class WebTestHost : IAsyncDisposable
{
    public const string ThrowPath = "/__test/throw";
    public const string ApiThrowPath = "/api/v1/__test/throw";
    public const string Password = "Bagalau-Test-2026";

    private readonly TestDatabase database;

    private WebTestHost(TestDatabase database, WebApplicationFactory<Bagalau.Web.WebApp> factory)
    {
        this.database = database;
        Factory = factory;
    }

    public WebApplicationFactory<Bagalau.Web.WebApp> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    public static async Task<WebTestHost> StartAsync(string provider, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var database = await TestDatabases.CreateAsync(provider);
        var factory = new WebApplicationFactory<Bagalau.Web.WebApp>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", database.Options.Provider.ToString());
            builder.UseSetting("ConnectionStrings:Bagalau", database.Options.ConnectionString);
            builder.UseSetting("Bagalau:SeedDemo", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ThrowingRoutes>());
            if (clock is not null)
            {
                // Tests that need a date replace the clock (there is no production setting for it).
                builder.ConfigureTestServices(services => services.AddSingleton(clock));
            }
        });
        var host = new WebTestHost(database, factory);
        _ = factory.Server; // starts the app: migrates the database
        return host;
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests look at them).</summary>
    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<BagalauUser> CreateUserAsync(string email, string password = Password, string language = "kk")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BagalauUser>>();
        var user = new BagalauUser { UserName = email, Email = email, EmailConfirmed = true, PreferredCulture = language };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return user;
    }

    /// <summary>A user holding <paramref name="role"/> in the body.</summary>
    public async Task<BagalauUser> CreateMemberAsync(string email, Guid bodyId, BodyRole role = BodyRole.Hr, string language = "kk")
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var result = await accounts.CreateUserAsync(email, Password, language, [(bodyId, role)]);
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value;
    }

    public async Task<Guid> CreateBodyAsync(string code, string name = "Сынақ органы")
    {
        var result = await WithAsync<OrganisationService, Result<StateBody>>(o => o.CreateBodyAsync(new BodyInput(code, name, "Тестовый орган " + code, "Test body " + code)));
        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        return result.Value.Id;
    }

    /// <summary>Runs a use case in a fresh scope (like one request).</summary>
    public async Task<T> WithAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A unit, a position and a servant appointed to it, in the body.</summary>
    public async Task<(Guid Unit, Guid Position, Guid Servant)> CreateStaffAsync(Guid bodyId, string? iin = null, string fullName = "Әбенов Асқар Серікұлы")
    {
        iin ??= ValidIin;
        var unit = await WithAsync<OrganisationService, Result<StructuralUnit>>(o => o.CreateUnitAsync(bodyId, new UnitInput("finance", "Қаржы департаменті", "Департамент финансов", "Finance department", null)));
        var position = await WithAsync<OrganisationService, Result<Position>>(o => o.CreatePositionAsync(bodyId, new PositionInput("fin-1", "Бас сарапшы", "Главный эксперт", "Chief expert", unit.Value.Id, "C-4", null)));
        var servant = await WithAsync<OrganisationService, Result<Servant>>(o => o.CreateServantAsync(bodyId, new ServantInput(iin, fullName, "abenov@example.kz", null, false)));
        Assert.True(servant.IsSuccess, string.Join("; ", servant.Errors));
        var appointed = await WithAsync<OrganisationService, Result<Appointment>>(o => o.AddAppointmentAsync(bodyId, servant.Value.Id, new AppointmentInput(position.Value.Id, new DateOnly(2020, 1, 15), null)));
        Assert.True(appointed.IsSuccess, string.Join("; ", appointed.Errors));
        return (unit.Value.Id, position.Value.Id, servant.Value.Id);
    }

    /// <summary>A valid IIN (right check digit) born 1990-03-15, male.</summary>
    public static string ValidIin { get; } = Iin("900315", 3, 1);

    /// <summary>A valid IIN: birth YYMMDD, century/sex digit, the first serial from which the check digit exists.</summary>
    public static string Iin(string birth, int centuryDigit, int serial)
    {
        for (; ; serial++)
        {
            var eleven = birth + centuryDigit.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + (serial % 10000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            if (IinRule.CheckDigit(eleven) is { } check)
            {
                return eleven + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    public async Task<T> WithDbAsync<T>(Func<BagalauDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<BagalauDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await database.DisposeAsync();
    }

    /// <summary>Routes that throw, to prove that users never see exception details.</summary>
    private sealed class ThrowingRoutes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(ThrowPath, a => a.Run(_ => throw new InvalidOperationException("SECRET-STACK-DETAIL")));
            app.Map(ApiThrowPath, a => a.Run(_ => throw new InvalidOperationException("SECRET-STACK-DETAIL")));
        };
    }
}

/// <summary>Form helpers: pages carry an antiforgery token that every POST must send back.</summary>
public static partial class Forms
{
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return TokenIn(html);
    }

    public static string TokenIn(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pagePath, IDictionary<string, string> fields, string? postPath = null)
    {
        var token = await AntiforgeryTokenAsync(client, pagePath);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(postPath ?? pagePath, new FormUrlEncodedContent(form));
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = WebTestHost.Password) =>
        await PostAsync(client, "/Account/SignIn", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
