using System.Security.Cryptography;
using System.Text;
using Aid.Notifications.Notices;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Aid.Notifications.Mail;

/// <summary>E-mail through an SMTP server with MailKit, one connection per message.</summary>
public sealed class EmailChannel(IOptions<MailOptions> options) : INotificationChannel
{
    public const string ChannelName = "email";

    public string Name => ChannelName;

    /// <summary>A Message-Id fixed by the delivery: a re-send after a crash carries the same one.</summary>
    public static string MessageIdOf(string deliveryId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))[..32];

    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage
        {
            MessageId = $"{delivery.MessageId}@{settings.MessageIdDomain}",
            Subject = delivery.Subject,
            Body = new TextPart("plain") { Text = delivery.Body },
        };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(delivery.Address));
        message.Headers.Add("Content-Language", delivery.Language);
        message.Headers.Add("X-Aid-Notification", delivery.Kind.ToString());

        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        await client.ConnectAsync(settings.Host, settings.Port, Enum.Parse<SecureSocketOptions>(settings.Security, ignoreCase: true), cancellationToken);
        var password = settings.PasswordFile is { Length: > 0 } file ? (await File.ReadAllTextAsync(file, cancellationToken)).Trim() : settings.Password;
        if (!string.IsNullOrEmpty(settings.UserName))
            await client.AuthenticateAsync(settings.UserName, password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
