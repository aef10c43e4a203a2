using Bagalau.Web.Bodies;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Bagalau.Web.Setup;

/// <summary>Policies per state body and role (see <see cref="BodyPolicies"/>).</summary>
public static class AuthorizationSetup
{
    public static IServiceCollection AddBagalauAuthorization(this IServiceCollection services)
    {
        services.AddScoped<BodyContext>();
        services.AddScoped<IAuthorizationHandler, BodyRoleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, BodyAuthorizationResultHandler>();
        services.AddAuthorization(BodyPolicies.Add);
        return services;
    }
}
