using Aid.Notifications.Notices;

namespace Aid.Notifications.Mail;

/// <summary>
/// A way to reach someone outside the portal. E-mail is the one built; SMS or Zalo would be further channels with
/// their own addresses (a phone number, a Zalo id) written as deliveries of their channel name, sent by the same
/// <see cref="DeliverySender"/> with the same claims, retries and de-duplication.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }

    /// <summary>Sends one delivery; throws when it was not accepted (the sender retries later).</summary>
    Task SendAsync(Delivery delivery, CancellationToken cancellationToken);
}
