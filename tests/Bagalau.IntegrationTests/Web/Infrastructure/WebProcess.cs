using System.Diagnostics;
using System.Text;

namespace Bagalau.IntegrationTests.Web.Infrastructure;

/// <summary>
/// The built web app (src/Bagalau.Web/bin/CONFIG/net10.0/Bagalau.Web.dll) started as its own
/// process from a chosen working directory, as a person or a service manager starts it:
/// `dotnet /path/Bagalau.Web.dll` with no connection string, so the default database applies.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebProcess(Process process) => this.process = process;

    public string Stdout { get { lock (stdout) { return stdout.ToString(); } } }

    public string Stderr { get { lock (stderr) { return stderr.ToString(); } } }

    public static string WebDll
    {
        get
        {
            // The tests run from tests/Bagalau.IntegrationTests/bin/CONFIG/net10.0/.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var root = output;
            while (!File.Exists(Path.Combine(root.FullName, "Bagalau.slnx")))
            {
                root = root.Parent ?? throw new InvalidOperationException("No Bagalau.slnx above " + AppContext.BaseDirectory);
            }

            return Path.Combine(root.FullName, "src", "Bagalau.Web", "bin", configuration, output.Name, "Bagalau.Web.dll");
        }
    }

    /// <param name="settings">Environment variables of the process (configuration with __ for :).</param>
    public static WebProcess Start(string workingDirectory, IDictionary<string, string>? settings = null)
    {
        Assert.True(File.Exists(WebDll), $"The web app is not built: {WebDll}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WebDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        // Nothing of the test run's own settings: the defaults are under test.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
            || k.StartsWith("Database__", StringComparison.Ordinal) || k.StartsWith("Bagalau__", StringComparison.Ordinal)
            || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Bagalau__Jobs__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var web = new WebProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (web.stdout)
            {
                web.stdout.AppendLine(e.Data);
            }

            if (e.Data.StartsWith("Bagalau is running", StringComparison.Ordinal))
            {
                web.running.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (web.stderr)
                {
                    web.stderr.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return web;
    }

    /// <summary>Waits until the app says it is running (true) or its process ends (false).</summary>
    public async Task<bool> RunningOrExitedAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        var exited = process.WaitForExitAsync(limit.Token);
        var first = await Task.WhenAny(running.Task, exited);
        if (first == exited)
        {
            await exited; // throws when the time ran out
            return running.Task.IsCompleted;
        }

        return true;
    }

    public int ExitCode => process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }
}
