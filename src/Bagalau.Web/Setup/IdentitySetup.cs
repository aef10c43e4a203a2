using System.Security.Claims;
using Bagalau.Application.Persistence;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Bagalau.Web.Setup;

/// <summary>
/// Local accounts (ASP.NET Core Identity on BagalauUser), the browser cookie and the API bearer
/// token behind one default scheme, and the optional external OpenID Connect provider.
/// </summary>
public static class IdentitySetup
{
    /// <summary>Default scheme: a bearer token when the request carries one, else the cookie.</summary>
    public const string CookieOrBearer = "Bagalau.CookieOrBearer";

    public static IServiceCollection AddBagalauIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        // The user store and the password and lockout rules come from AddBagalauApplication
        // (shared with the CLI); the web adds sign-in, tokens and localised errors.
        new IdentityBuilder(typeof(BagalauUser), services)
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<BagalauClaimsPrincipalFactory>();

        var authentication = services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddPolicyScheme(CookieOrBearer, CookieOrBearer, o => o.ForwardDefaultSelector = SelectScheme);
        authentication.AddIdentityCookies(cookies =>
        {
            cookies.ApplicationCookie?.Configure(ConfigureApplicationCookie);
            cookies.ExternalCookie?.Configure(o =>
            {
                o.Cookie.Name = "bagalau.external";
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        });
        authentication.AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));

        var oidc = OidcSettings.From(configuration);
        if (oidc is not null)
        {
            services.AddSingleton(oidc);
            authentication.AddOpenIdConnect(OidcSettings.Scheme, oidc.DisplayName, o => oidc.Apply(o));
        }

        return services;
    }

    private static string SelectScheme(HttpContext context)
    {
        string? authorization = context.Request.Headers.Authorization;
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
    }

    private static void ConfigureApplicationCookie(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions o)
    {
        o.Cookie.Name = "bagalau.auth";
        o.Cookie.HttpOnly = true;
        // Lax, not Strict: the return from an external OpenID Connect provider is a cross-site
        // navigation. Lax still keeps the cookie off cross-site POSTs (CSRF on the API).
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = "/Account/SignIn";
        o.LogoutPath = "/Account/SignOut";
        o.AccessDeniedPath = "/Status/403";
        // The API answers 401/403 itself; only pages redirect to the sign-in page.
        o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
    }

    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (ApiPaths.IsApi(context.Request.Path) || status == StatusCodes.Status403Forbidden)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the user's chosen language to the principal, so a new device starts in it.</summary>
public sealed class BagalauClaimsPrincipalFactory(
    Microsoft.AspNetCore.Identity.UserManager<BagalauUser> userManager,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BagalauUser>(userManager, options)
{
    public const string CultureClaim = "bagalau:culture";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BagalauUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CultureClaim, user.PreferredCulture));
        return identity;
    }
}

/// <summary>The optional external OpenID Connect provider (`Authentication:Oidc:*`).</summary>
public sealed record OidcSettings(string Authority, string ClientId, string? ClientSecret, string DisplayName, bool RequireHttpsMetadata)
{
    public const string Scheme = "oidc";

    public static OidcSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Authentication:Oidc");
        var authority = section["Authority"];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return null;
        }

        var clientId = section["ClientId"];
        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new InvalidOperationException("Authentication:Oidc:Authority is set but Authentication:Oidc:ClientId is not.");
        }

        var requireHttps = !bool.TryParse(section["RequireHttpsMetadata"], out var value) || value;
        return new OidcSettings(authority.TrimEnd('/'), clientId, section["ClientSecret"], section["DisplayName"] ?? "OpenID Connect", requireHttps);
    }

    /// <summary>The provider's origin: sign-in forms post to us and we redirect there (CSP form-action).</summary>
    public string Origin => new Uri(Authority).GetLeftPart(UriPartial.Authority);

    public void Apply(OpenIdConnectOptions o)
    {
        o.Authority = Authority;
        o.ClientId = ClientId;
        o.ClientSecret = ClientSecret;
        o.RequireHttpsMetadata = RequireHttpsMetadata;
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.CallbackPath = "/signin-oidc";
        o.SignedOutCallbackPath = "/signout-callback-oidc";
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        o.SaveTokens = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("email");
        // The provider returns to us with a top-level GET, so the correlation and nonce cookies
        // can stay SameSite=Lax (form_post would need SameSite=None, i.e. HTTPS only).
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.CorrelationCookie.SameSite = SameSiteMode.Lax;
        o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.NonceCookie.SameSite = SameSiteMode.Lax;
        o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    }
}
