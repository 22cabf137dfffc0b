using Aid.Contracts.Security;
using Aid.Contracts.Registration;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Aid.Security.Reviews;

/// <summary>
/// A withdrawn dossier closes its open review; a concluded review keeps its verdict. Acceptances and withdrawals
/// come through different queues, so a withdrawal may overtake its acceptance: the bus retries it until the review
/// is there, then parks it. A dossier withdrawn during intake never reached Security: nothing to do.
/// </summary>
public sealed class CloseReviewWhenDossierWithdrawn(IDocumentSession session) : IConsumer<DossierWithdrawn>
{
    public async Task Consume(ConsumeContext<DossierWithdrawn> context)
    {
        var message = context.Message;
        if (!await session.IsFirstDeliveryAsync(this, message, context.CancellationToken))
            return;

        var stream = await session.Events.FetchForWriting<SecurityReview>(message.DossierId, context.CancellationToken);
        if (stream.Aggregate is not { } review)
        {
            if (message.WasAccepted is not false)
                throw RefusedMessage.Unknown(message, "dossier", message.DossierId, mayArriveLater: true);
        }
        else
        {
            RefusedMessage.Unless(message, MessageTrust.Same("receipt code", message.ReceiptCode, review.ReceiptCode),
                (review.Status != ReviewStatus.Withdrawn, "the review was already closed on withdrawal"));
            if (review.Status == ReviewStatus.Open)
            {
                session.ActingAsSystem(SecurityService.Agency, message);
                stream.AppendOne(new SecurityReviewClosedOnWithdrawal(message.DossierId, message.Reason,
                    message.Metadata.OccurredAt, message.Metadata.OccurredAt.VietnamDate()));
            }
        }
        // Saves the delivery marker even when there was nothing to close, so a redelivery stays a no-op.
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
