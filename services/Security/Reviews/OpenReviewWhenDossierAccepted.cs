using Aid.Contracts.Registration;
using Aid.ServiceDefaults;
using Marten;
using MassTransit;

namespace Aid.Security.Reviews;

/// <summary>Every dossier accepted at intake gets a security review.</summary>
public sealed class OpenReviewWhenDossierAccepted(IDocumentSession session) : IConsumer<DossierAccepted>
{
    public async Task Consume(ConsumeContext<DossierAccepted> context)
    {
        var message = context.Message;
        if (!await session.IsFirstDeliveryAsync(message, context.CancellationToken))
            return;

        var track = message.SensitiveAreas.Count > 0 ? ReviewTrack.Full : ReviewTrack.Standard;
        session.LastModifiedBy = "system";
        session.SetHeader(EventHeaders.Agency, SecurityService.Agency);
        session.Events.StartStream<SecurityReview>(message.DossierId,
            new SecurityReviewOpened(message.DossierId, message.ReceiptCode, message.NgoId, track, message.Metadata.OccurredAt));
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
