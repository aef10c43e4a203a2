using System.Globalization;
using Bagalau.Web.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Bagalau.Web.Setup;

/// <summary>
/// Kazakh by default, Russian and English on request. The UI follows the language cookie and
/// then the user's stored language (never the browser's Accept-Language, so a first visit is in
/// Kazakh); the API also honours Accept-Language.
/// </summary>
public static class LocalizationSetup
{
    public static IServiceCollection AddBagalauLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.FormattingCulture(Cultures.Default).Name, Cultures.Default);
            o.SupportedCultures = [.. Cultures.FormattingCultures];
            o.SupportedUICultures = [.. Cultures.UiCultures];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new ApiAcceptLanguageProvider(), new LanguageCookieProvider(), new UserLanguageProvider()];
        });

        // Model-binding messages ("the value is not valid") in the request's language.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var messages = o.ModelBindingMessageProvider;
            messages.SetValueIsInvalidAccessor(v => t["validation.value-invalid", v]);
            messages.SetAttemptedValueIsInvalidAccessor((v, _) => t["validation.value-invalid", v]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["validation.value-invalid", v]);
            messages.SetUnknownValueIsInvalidAccessor(_ => t["validation.value-invalid", string.Empty]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["validation.value-invalid", string.Empty]);
            messages.SetValueMustNotBeNullAccessor(_ => t["validation.required"]);
            messages.SetMissingBindRequiredValueAccessor(_ => t["validation.required"]);
            messages.SetMissingKeyOrValueAccessor(() => t["validation.required"]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => t["validation.required"]);
            messages.SetValueMustBeANumberAccessor(_ => t["validation.number"]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["validation.number"]);
        });
        return services;
    }

    public static IApplicationBuilder UseBagalauLocalization(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value;
        return app.UseRequestLocalization(options);
    }

    /// <summary>The language id of the current request (kk, ru or en).</summary>
    public static string CurrentLanguage => Cultures.Normalize(CultureInfo.CurrentUICulture.Name) ?? Cultures.Default;
}
