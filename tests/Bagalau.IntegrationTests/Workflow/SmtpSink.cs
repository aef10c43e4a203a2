using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bagalau.IntegrationTests.Workflow;

/// <summary>A real local SMTP server (python3-aiosmtpd) writing every message to a maildir, for reminder tests.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly Process _process;

    private SmtpSink(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "bagalau-mail-" + Guid.NewGuid().ToString("N")[..8]);

        // Not created here: the Mailbox handler makes the maildir (tmp/new/cur) only when the folder is missing.
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Mailbox", directory, "-l", $"127.0.0.1:{port}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start");
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new SmtpSink(process, directory, port);
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill();
        throw new InvalidOperationException("The SMTP sink did not start listening: " + await process.StandardError.ReadToEndAsync());
    }

    /// <summary>The raw text of every message received so far.</summary>
    public IReadOnlyList<string> Messages()
    {
        var folder = Path.Combine(Directory, "new");
        return System.IO.Directory.Exists(folder)
            ? System.IO.Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, true);
        }
    }
}
