namespace Aid.Notifications.Mail;

/// <summary>The section Notifications:Mail: the SMTP server (any relay in production) and the sender's pace.</summary>
public sealed class MailOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>A file holding the SMTP password, used instead of <see cref="Password"/> (a mounted secret).</summary>
    public string? PasswordFile { get; set; }
    public string From { get; set; } = "Aid <no-reply@aid.example.vn>";
    /// <summary>The domain of the Message-Id of every message.</summary>
    public string MessageIdDomain { get; set; } = "aid.notifications";
    public int PollMilliseconds { get; set; } = 500;
    public int BatchSize { get; set; } = 20;
    /// <summary>How long a claimed delivery is left to its sender before another may send it (a sender that died).</summary>
    public int ClaimSeconds { get; set; } = 120;
    /// <summary>Seconds to wait after each failed attempt; the last is repeated for ever: mail is delayed, never dropped.</summary>
    public int[] RetrySeconds { get; set; } = [5, 30, 120, 600, 1800];
    public int TimeoutSeconds { get; set; } = 30;
}
