namespace Bagalau.Web;

/// <summary>
/// Names the web app's assembly for WebApplicationFactory in tests: the global `Program` is
/// ambiguous in test projects that also see the CLI's internal `Program`.
/// </summary>
public sealed class WebApp;
