using System.Runtime.CompilerServices;

namespace Bagalau.BrowserTests.Infrastructure;

/// <summary>
/// Every test host watches its configuration files and web root; with inotify, hundreds of hosts
/// in one run exhaust the per-user limit of 128 instances. Polling watchers use no inotify instance.
/// </summary>
internal static class PollingFileWatcher
{
#pragma warning disable CA2255 // a test assembly is the application here: the setting must precede every host
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
