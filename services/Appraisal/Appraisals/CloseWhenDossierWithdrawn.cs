using Aid.Contracts.Registration;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Appraisals;

/// <summary>
/// The NGO withdrew its dossier: the appraisal closes and every later command is refused. A withdrawal that
/// overtook the dossier's summary is retried by the bus until the summary is there, then parked; one of a dossier
/// withdrawn during intake (never sent here) changes nothing.
/// </summary>
public sealed class CloseWhenDossierWithdrawn(IDocumentSession session, TimeProvider time) : IConsumer<DossierWithdrawn>
{
    public async Task Consume(ConsumeContext<DossierWithdrawn> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        if (!await session.IsFirstDeliveryAsync(this, message, cancellationToken))
            return;

        var stream = await session.Events.FetchForWriting<DossierAppraisal>(message.DossierId, cancellationToken);
        if (stream.Aggregate is not { } known)
        {
            if (message.WasAccepted is not false)
                throw RefusedMessage.Unknown(message, "dossier", message.DossierId, mayArriveLater: true);
            await session.SaveChangesAsync(cancellationToken); // only the delivery marker
            return;
        }
        RefusedMessage.Unless(message, MessageTrust.Same("receipt code", message.ReceiptCode, known.ReceiptCode),
            (known.Status is not (AppraisalStatus.Decided or AppraisalStatus.Withdrawn), $"the appraisal is {known.Status}"));
        stream.AppendMany(Decide(message, stream.Aggregate, time.GetUtcNow()));
        session.ActingAsSystem(AppraisalService.Agency, message);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Closes whatever is not decided yet. After the decision a withdrawal changes nothing.</summary>
    public static IReadOnlyList<object> Decide(DossierWithdrawn message, DossierAppraisal? state, DateTimeOffset now) =>
        state?.Status is AppraisalStatus.Decided or AppraisalStatus.Withdrawn
            ? []
            : [new AppraisalClosedByWithdrawal(message.DossierId, message.ReceiptCode, message.Reason ?? "", now)];
}
