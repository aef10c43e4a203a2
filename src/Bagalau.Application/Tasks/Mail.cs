using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Bagalau.Application.Tasks;

/// <summary>SMTP settings: <c>Smtp:Host</c>, <c>Smtp:Port</c>, <c>Smtp:From</c>. Without a host no e-mail is sent.</summary>
public sealed record SmtpOptions(string? Host, int Port, string From)
{
    public const string Section = "Smtp";

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public static SmtpOptions FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var port = int.TryParse(section["Port"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 25;
        return new SmtpOptions(section["Host"], port, section["From"] ?? "bagalau@localhost");
    }
}

/// <summary>One e-mail to one person.</summary>
public sealed record MailMessage(string To, string Subject, string Body);

public interface IMailSender
{
    bool Enabled { get; }

    Task SendAsync(MailMessage message, CancellationToken ct = default);
}

/// <summary>Sends e-mail through the configured SMTP server with MailKit (plain SMTP; STARTTLS when the server offers it).</summary>
public sealed class SmtpMailSender(SmtpOptions options) : IMailSender
{
    public bool Enabled => options.Enabled;

    public async Task SendAsync(MailMessage message, CancellationToken ct = default)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), options.Port, SecureSocketOptions.StartTlsWhenAvailable, ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
