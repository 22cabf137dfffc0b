using Aid.Contracts.Registration;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Calendar;
using Marten;
using MassTransit;

namespace Aid.Security.Reviews;

/// <summary>
/// A withdrawn dossier closes its open review; a concluded review keeps its verdict. Acceptances and withdrawals
/// come through different queues, so a withdrawal may overtake its acceptance: it is then remembered, and the
/// review is closed as soon as it opens.
/// </summary>
public sealed class CloseReviewWhenDossierWithdrawn(IDocumentSession session) : IConsumer<DossierWithdrawn>
{
    public async Task Consume(ConsumeContext<DossierWithdrawn> context)
    {
        var message = context.Message;
        if (!await session.IsFirstDeliveryAsync(this, message, context.CancellationToken))
            return;

        var stream = await session.Events.FetchForWriting<SecurityReview>(message.DossierId, context.CancellationToken);
        if (stream.Aggregate is { Status: ReviewStatus.Open })
        {
            session.ActingAsSystem(SecurityService.Agency, message);
            stream.AppendOne(new SecurityReviewClosedOnWithdrawal(message.DossierId, message.Reason,
                message.Metadata.OccurredAt, message.Metadata.OccurredAt.VietnamDate()));
        }
        else if (stream.Aggregate is null)
            session.Store(new EarlyWithdrawal(message.DossierId, message.Reason, message.Metadata.OccurredAt));
        // Saves the delivery marker even when there was nothing to close, so a redelivery stays a no-op.
        await session.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>A withdrawal that arrived before the review of its dossier opened.</summary>
public sealed record EarlyWithdrawal(Guid Id, string Reason, DateTimeOffset WithdrawnAt);
