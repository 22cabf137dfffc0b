using Aid.Appraisal.Deadlines;
using Aid.Contracts.Security;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Appraisals;

/// <summary>
/// Keeps the security verdict and public conditions and opens the appraisal. Security concludes on a dossier
/// Registration accepted, so the dossier's summary comes first; a conclusion that overtook it (another queue) is
/// retried by the bus until the summary is there, then parked.
/// </summary>
public sealed class RecordSecurityConclusion(
    IDocumentSession session, TimeProvider time, WorkingCalendar calendar, StageDeadlines deadlines) : IConsumer<SecurityReviewConcluded>
{
    public async Task Consume(ConsumeContext<SecurityReviewConcluded> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        if (!await session.IsFirstDeliveryAsync(this, message, cancellationToken))
            return;

        var stream = await session.Events.FetchForWriting<DossierAppraisal>(message.DossierId, cancellationToken);
        if (stream.Aggregate is not { } known || known is { Summary: null, Status: AppraisalStatus.Pending })
            throw RefusedMessage.Unknown(message, "dossier", message.DossierId, mayArriveLater: true);
        RefusedMessage.Unless(message, MessageTrust.Same("receipt code", message.ReceiptCode, known.ReceiptCode),
            (known.Security is null, "security already concluded on this dossier"),
            (known.Status is not (AppraisalStatus.Decided or AppraisalStatus.Withdrawn), $"the appraisal is {known.Status}"));
        var events = Decide(message, stream.Aggregate, new AppraisalOpening(time.VietnamToday(), calendar, deadlines), time.GetUtcNow());
        stream.AppendMany(events);
        session.ActingAsSystem(AppraisalService.Agency, message);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The security service concludes once; a later conclusion for the same dossier changes nothing here.</summary>
    public static IReadOnlyList<object> Decide(
        SecurityReviewConcluded message, DossierAppraisal? state, AppraisalOpening opening, DateTimeOffset now)
    {
        if (state?.Security is not null || state?.Status is AppraisalStatus.Decided)
            return [];
        return opening.AfterReceiving(state, new SecurityConclusionReceived(
            message.DossierId, message.ReceiptCode, message.Verdict, message.PublicConditions ?? [], now));
    }
}
