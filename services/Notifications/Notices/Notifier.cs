using Aid.Notifications.Mail;
using Aid.Notifications.Recipients;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Notifications.Notices;

/// <summary>
/// Decides who is told and writes it down: the inbox notification for the audience and, for each address that wants
/// this kind by e-mail, a delivery in the outbox, all in the caller's session (so in the transaction that records the
/// consumed event). Nothing is sent here: the <see cref="DeliverySender"/> sends what the transaction committed.
/// </summary>
public sealed class Notifier(IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>False when this source already notified this audience (a redelivery, a repeated scan).</summary>
    public async Task<bool> NotifyAsync(IDocumentSession session, string source, Audience audience, NoticeKind kind,
        Guid? dossierId, NoticeText text, CancellationToken ct)
    {
        var id = Notification.KeyOf(source, audience);
        if (await session.LoadAsync<Notification>(id, ct) is not null)
            return false;
        var now = clock.GetUtcNow();
        session.Insert(new Notification
        {
            Id = id, Source = source, Audience = audience.Key, Kind = kind, DossierId = dossierId, CreatedAt = now,
            SubjectVi = text.SubjectVi, BodyVi = text.BodyVi, SubjectEn = text.SubjectEn, BodyEn = text.BodyEn, Link = text.Link,
        });
        foreach (var recipient in await RecipientsAsync(session, audience, ct))
        {
            var preferences = await session.LoadAsync<Preferences>(recipient.PreferencesKey, ct);
            if (preferences?.EmailOff.Contains(kind) == true)
                continue;
            var deliveryId = Delivery.KeyOf(id, EmailChannel.ChannelName, recipient.Email);
            session.Insert(new Delivery
            {
                Id = deliveryId, NotificationId = id, Channel = EmailChannel.ChannelName, Address = recipient.Email.Trim(),
                Language = recipient.Language, Kind = kind, CreatedAt = now, NextAttemptAt = now,
                Subject = recipient.Language == "vi" ? text.SubjectVi : text.SubjectEn,
                Body = Compose(text, recipient.Language, options.Value.PortalUrl),
                MessageId = EmailChannel.MessageIdOf(deliveryId),
            });
        }
        return true;
    }

    private sealed record Recipient(string Email, string Language, string PreferencesKey);

    private async Task<IReadOnlyList<Recipient>> RecipientsAsync(IDocumentSession session, Audience audience, CancellationToken ct)
    {
        if (audience.NgoId is { } ngoId)
        {
            var contact = await session.LoadAsync<NgoContact>(ngoId, ct);
            return contact is null ? [] : contact.Emails
                .Select(e => new Recipient(e, options.Value.NgoLanguage, PreferencesOf.Ngo(ngoId))).ToList();
        }
        return options.Value.Agencies.TryGetValue(audience.AgencyCode ?? "", out var agency)
            ? agency.Recipients.Where(r => !string.IsNullOrWhiteSpace(r.Email))
                .DistinctBy(r => r.Email.Trim().ToLowerInvariant())
                .Select(r => new Recipient(r.Email, r.Language, PreferencesOf.User(r.User))).ToList()
            : [];
    }

    /// <summary>The message in the recipient's language, then in the other one; each with the link to the portal page.</summary>
    public static string Compose(NoticeText text, string language, string portalUrl)
    {
        var url = portalUrl.TrimEnd('/') + text.Link;
        var vi = $"{text.SubjectVi}\n\n{text.BodyVi}\n\nXem trên cổng thông tin: {url}";
        var en = $"{text.SubjectEn}\n\n{text.BodyEn}\n\nSee it on the portal: {url}";
        const string rule = "\n\n---\n\n";
        return language == "vi"
            ? vi + rule + en + "\n\n(Thư tự động, vui lòng không trả lời. / An automatic message: please do not reply.)"
            : en + rule + vi + "\n\n(An automatic message: please do not reply. / Thư tự động, vui lòng không trả lời.)";
    }
}

/// <summary>Whose preferences apply: an officer's own, or for an NGO's contacts the NGO's (set by its staff).</summary>
public static class PreferencesOf
{
    public static string User(string userId) => $"user:{userId}";

    public static string Ngo(Guid ngoId) => $"ngo:{ngoId:N}";
}
