using Bagalau.Web.Security;
using Bagalau.Web.Setup;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace Bagalau.Web.Localization;

/// <summary>A language id (kk, ru, en) as the culture pair the request runs under.</summary>
internal static class LanguageResult
{
    public static ProviderCultureResult? For(string? value)
    {
        var language = Cultures.Normalize(value);
        return language is null ? null : new ProviderCultureResult(Cultures.FormattingCulture(language).Name, language);
    }
}

/// <summary>API clients choose the language of problem details with Accept-Language.</summary>
internal sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (!ApiPaths.IsApi(httpContext.Request.Path)
            || !StringWithQualityHeaderValue.TryParseList(httpContext.Request.Headers.AcceptLanguage, out var values))
        {
            return NullProviderCultureResult;
        }

        var chosen = values
            .Where(v => v.Quality is null or > 0)
            .OrderByDescending(v => v.Quality ?? 1)
            .Select(v => LanguageResult.For(v.Value.Value))
            .FirstOrDefault(r => r is not null);
        return Task.FromResult(chosen);
    }
}

/// <summary>The language cookie set by the language switcher (and at sign-in from the user).</summary>
internal sealed class LanguageCookieProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(LanguageResult.For(httpContext.Request.Cookies[Cultures.CookieName]));
}

/// <summary>The signed-in user's stored language, for a device without the cookie.</summary>
internal sealed class UserLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(LanguageResult.For(httpContext.User.FindFirst(BagalauClaimsPrincipalFactory.CultureClaim)?.Value));
}

public static class LanguageCookie
{
    public static void Write(HttpResponse response, string language) =>
        response.Cookies.Append(Cultures.CookieName, language, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
            Path = "/",
        });
}
