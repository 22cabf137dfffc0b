using Aid.Contracts.Registration;
using Aid.ServiceDefaults;
using Marten;
using MassTransit;

namespace Aid.Notifications.Recipients;

/// <summary>
/// An NGO as the registry last published it: its name, where its notifications go and its certificate's expiry.
/// Registration sends the contact person's address only while the person's data may be read; after an erasure the
/// next change carries none, and mail to them stops.
/// </summary>
public sealed class NgoContact
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Emails { get; set; } = [];
    public DateOnly CertificateExpiryDate { get; set; }
    public string CertificateNumber { get; set; } = "";
    public bool Active { get; set; }
    public long SourceSequence { get; set; }
}

public sealed class RecordNgoContacts(IDocumentSession session) : IConsumer<NgoRegistryChanged>
{
    public async Task Consume(ConsumeContext<NgoRegistryChanged> context)
    {
        var message = context.Message;
        if (!await session.IsFirstDeliveryAsync(this, message, context.CancellationToken))
            return;
        var known = await session.LoadAsync<NgoContact>(message.NgoId, context.CancellationToken);
        // The relay publishes in order; a redelivered older entry never overwrites a newer one.
        if (known is null || known.SourceSequence < message.Metadata.SourceSequence)
            session.Store(new NgoContact
            {
                Id = message.NgoId,
                Name = message.Name,
                Emails = message.NotificationEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                CertificateExpiryDate = message.CertificateExpiryDate,
                CertificateNumber = message.CertificateNumber,
                Active = message.Standing == NgoStanding.Active,
                SourceSequence = message.Metadata.SourceSequence,
            });
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
