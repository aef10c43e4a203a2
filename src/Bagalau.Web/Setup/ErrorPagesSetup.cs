using Bagalau.Web.Security;

namespace Bagalau.Web.Setup;

/// <summary>
/// Generic error answers in every environment: a page for the UI and RFC 7807 problem details
/// for the API, never a stack trace (details go to the log, correlated by the trace id).
/// </summary>
public static class ErrorPagesSetup
{
    public static IApplicationBuilder UseBagalauErrorPages(this IApplicationBuilder app)
    {
        app.UseWhen(context => ApiPaths.IsApi(context.Request.Path), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(context => !ApiPaths.IsApi(context.Request.Path), ui =>
        {
            ui.UseExceptionHandler("/Error");
            ui.UseStatusCodePagesWithReExecute("/Status/{0}");
        });
        return app;
    }
}
