using System.Globalization;
using System.Text.Json.Serialization;
using Bagalau.Web.Api;
using Bagalau.Web.Localization;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;

namespace Bagalau.Web.Setup;

/// <summary>The REST API under /api/v1: problem details, JSON, OpenAPI document, endpoints.</summary>
public static class ApiSetup
{
    public const string OpenApiPath = "/api/v1/openapi.json";

    public static IServiceCollection AddBagalauApi(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            if (!problem.Extensions.ContainsKey(ApiProblems.CodeKey))
            {
                // Generic answers (unknown route, exception, rate limit...): localised, no detail.
                // They are written on the way out, after the localisation middleware has restored
                // the thread's culture: use the request's culture explicitly.
                var requestCulture = context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
                var previous = CultureInfo.CurrentUICulture;
                CultureInfo.CurrentUICulture = requestCulture ?? previous;
                try
                {
                    var t = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    var known = StatusTexts.Normalize(status);
                    problem.Title = t[$"status.{known}.title"];
                    problem.Detail = t[$"status.{known}.text"];
                }
                finally
                {
                    CultureInfo.CurrentUICulture = previous;
                }

                problem.Extensions[ApiProblems.CodeKey] = ApiProblems.GenericCode(status);
            }
        });
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Bagalau API",
                    Version = "v1",
                    Description = "Organisation data of state bodies for the performance evaluation of \"B\" corps civil servants. " +
                        "Authenticate with the sign-in cookie or a bearer token from POST /api/v1/auth/token. " +
                        "Errors are RFC 7807 problem details with a `code`; their texts follow Accept-Language (kk, ru, en).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Token from POST /api/v1/auth/token.",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapBagalauApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(OpenApiPath).AllowAnonymous().ExcludeFromDescription();
        var api = app.MapGroup(ApiPaths.Prefix)
            .RequireAuthorization()
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapAuthEndpoints();
        api.MapMeEndpoints();
        api.MapPackEndpoints();
        api.MapTaskEndpoints();
        api.MapEvaluation2018Endpoints();
        api.MapSurvey360Endpoints();
        var body = api.MapBodyEndpoints();
        body.MapUnitEndpoints();
        body.MapPositionEndpoints();
        body.MapServantEndpoints();
        body.MapExchangeEndpoints();
        body.MapKti2023Endpoints();
        body.MapCalibration2023Endpoints();
        body.MapQuarterly2023Endpoints();
        body.MapCompletionEndpoints();
        body.MapServiceRecordEndpoints();
        body.MapMemberEndpoints();
        return app;
    }
}
