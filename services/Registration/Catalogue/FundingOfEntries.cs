using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Monitoring;
using Aid.Registration.Dossiers;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Aid.Registration.Catalogue;

/// <summary>
/// Approvals and received aid of dossiers that cite a catalogue entry, recorded on the entry. Runs inside the
/// consumer's session, so it commits (or not) with the consumer's idempotency marker.
/// </summary>
public static class FundingOfEntries
{
    /// <summary>An approved decision on a dossier that cites an entry funds the entry (the approved VND amount).</summary>
    public static async Task OnDecidedAsync(IDocumentSession session, DossierDecided message, ILogger logger, CancellationToken ct)
    {
        if (message.Outcome != DecisionOutcome.Approved)
            return;
        var dossier = await session.LoadAsync<Dossier>(message.DossierId, ct);
        if (dossier?.CatalogueEntryId is not { } entryId)
            return;
        var approved = message.AmountVnd ?? dossier.Content?.Budget.AmountVnd ?? 0;
        var decidedOn = message.DecisionDate ?? message.Metadata.OccurredAt.VietnamDate();
        await AppendAsync(session, entryId, logger, entry => EntryFundingRules.Decide(
            new FundFromApproval(dossier.Id, approved, decidedOn, message.Metadata.OccurredAt), entry), ct);
    }

    public static async Task AppendAsync(
        IDocumentSession session, Guid entryId, ILogger logger, Func<CatalogueEntry, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<CatalogueEntry>(entryId, ct);
        if (stream.Aggregate is null)
        {
            logger.LogWarning("A dossier cites catalogue entry {EntryId}, unknown here; its funding is not recorded", entryId);
            return;
        }
        stream.AppendMany(decide(stream.Aggregate));
    }
}

/// <summary>
/// Received aid (Monitoring's tranches) for projects answering a catalogue entry: counted in the plan's progress.
/// Idempotent by the integration event id, and by tranche id on the entry. A tranche of a dossier unknown here, or
/// with another receipt code, is refused.
/// </summary>
public sealed class AidReceivedForCatalogue(IDocumentSession session, ILogger<AidReceivedForCatalogue> logger) : IConsumer<AidReceived>
{
    public async Task Consume(ConsumeContext<AidReceived> context)
    {
        var message = context.Message;
        var ct = context.CancellationToken;
        if (!await session.IsFirstDeliveryAsync(this, message, ct))
            return;
        var dossier = await session.LoadAsync<Dossier>(message.DossierId, ct)
            ?? throw RefusedMessage.Unknown(message, "dossier", message.DossierId);
        RefusedMessage.Unless(message, MessageTrust.Same("receipt code", message.ReceiptCode, dossier.ReceiptCode));
        var amountVnd = message.AmountVnd ?? (message.Currency == "VND" ? message.Amount : null);
        if (dossier.CatalogueEntryId is { } entryId)
        {
            if (amountVnd is { } vnd)
            {
                session.ActingAsSystem(RegistrationService.Agency, message);
                await FundingOfEntries.AppendAsync(session, entryId, logger, entry => EntryFundingRules.Decide(
                    new RecordReceivedAid(dossier.Id, message.TrancheId, vnd, message.ReceivedOn, message.Metadata.OccurredAt), entry), ct);
            }
            else
                logger.LogWarning("AidReceived {EventId} has no VND amount ({Currency}); not counted for entry {EntryId}",
                    message.Metadata.EventId, message.Currency, entryId);
        }
        await session.SaveChangesAsync(ct); // remember it was handled, counted or not
    }
}

/// <summary>One message at a time: an entry's events never race each other from this consumer.</summary>
public sealed class AidReceivedForCatalogueDefinition : ConsumerDefinition<AidReceivedForCatalogue>
{
    public AidReceivedForCatalogueDefinition() => ConcurrentMessageLimit = 1;
}
