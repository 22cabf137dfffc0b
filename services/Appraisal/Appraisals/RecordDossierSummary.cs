using Aid.Appraisal.Deadlines;
using Aid.Contracts.Registration;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Appraisals;

/// <summary>
/// Keeps the public summary of every accepted dossier (where a dossier becomes known here); opens the appraisal if
/// security already concluded. Registration accepts once: a second summary, or one for a closed case, is refused.
/// </summary>
public sealed class RecordDossierSummary(
    IDocumentSession session, TimeProvider time, WorkingCalendar calendar, StageDeadlines deadlines) : IConsumer<DossierAccepted>
{
    public async Task Consume(ConsumeContext<DossierAccepted> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        InvalidMessage.ThrowUnless(message,
            (!string.IsNullOrWhiteSpace(message.AidKind) && message.AidKind.Length <= 100, "AidKind is required"),
            (message.AmountVnd is null or > 0, "AmountVnd must be positive"));
        if (!await session.IsFirstDeliveryAsync(this, message, cancellationToken))
            return;

        var stream = await session.Events.FetchForWriting<DossierAppraisal>(message.DossierId, cancellationToken);
        if (stream.Aggregate is { } known)
            RefusedMessage.Unless(message, MessageTrust.Same("receipt code", message.ReceiptCode, known.ReceiptCode),
                (known.Summary is null, "the dossier's summary was recorded before"),
                (known.Status is not (AppraisalStatus.Decided or AppraisalStatus.Withdrawn), $"the appraisal is {known.Status}"));
        var events = Decide(message, stream.Aggregate, new AppraisalOpening(time.VietnamToday(), calendar, deadlines), time.GetUtcNow());
        stream.AppendMany(events);
        session.ActingAsSystem(AppraisalService.Agency, message);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The first summary wins; a later one (another event id for the same dossier) changes nothing.</summary>
    public static IReadOnlyList<object> Decide(DossierAccepted message, DossierAppraisal? state, AppraisalOpening opening, DateTimeOffset now)
    {
        if (state?.Summary is not null || state?.Status is AppraisalStatus.Decided)
            return [];
        var summary = new DossierSummary(
            message.NgoId, message.NgoName, message.Title, message.AidKind, message.SensitiveAreas ?? [], message.Fields ?? [],
            message.Amount, message.Currency, message.AmountVnd, message.StartDate, message.EndDate)
        {
            Locations = message.Locations ?? [], NgoCountry = message.NgoCountry, Objectives = message.Objectives,
            CatalogueEntryId = message.CatalogueEntryId, TitleEn = message.TitleEn, Classification = message.Classification,
        };
        return opening.AfterReceiving(state, new DossierSummaryReceived(message.DossierId, message.ReceiptCode, summary, now));
    }
}
