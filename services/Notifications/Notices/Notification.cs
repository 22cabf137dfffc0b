namespace Aid.Notifications.Notices;

/// <summary>
/// One notification to one audience, as the portal's inbox shows it. Its id is the source (the integration event's id,
/// or a reminder's key) and the audience: a redelivered event finds it there and adds nothing.
/// </summary>
public sealed class Notification
{
    public string Id { get; set; } = "";
    public string Source { get; set; } = "";
    public string Audience { get; set; } = "";
    public NoticeKind Kind { get; set; }
    public Guid? DossierId { get; set; }
    public string SubjectVi { get; set; } = "";
    public string BodyVi { get; set; } = "";
    public string SubjectEn { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The users (token subjects) who opened it.</summary>
    public List<string> ReadBy { get; set; } = [];

    public static string KeyOf(string source, Audience audience) => $"{source}~{audience.Key}";
}

public enum DeliveryState { Pending, Sent }

/// <summary>
/// A message to send on one channel to one address: the durable outbox. Written in the same transaction as the
/// notification (and the consumed event's idempotency record); the sender claims it for a while, sends it and marks it
/// sent. Its id is the notification's and the address, so one event reaches one address once. <see cref="MessageId"/>
/// is derived from the id: a message re-sent after a crash between the server's acceptance and the mark is the same
/// message to the receiving server.
/// </summary>
public sealed class Delivery
{
    public string Id { get; set; } = "";
    public string NotificationId { get; set; } = "";
    public string Channel { get; set; } = "";
    public string Address { get; set; } = "";
    public string Language { get; set; } = "vi";
    public NoticeKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string MessageId { get; set; } = "";
    public DeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>While set in the future, one sender is sending it; a sender that dies leaves it to expire.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    public static string KeyOf(string notificationId, string channel, string address) =>
        $"{notificationId}/{channel}/{address.Trim().ToLowerInvariant()}";
}

/// <summary>A user's (or, for NGO staff, their NGO's) choice of e-mail per kind; every kind is on until turned off.</summary>
public sealed class Preferences
{
    public string Id { get; set; } = "";
    public List<NoticeKind> EmailOff { get; set; } = [];
}
