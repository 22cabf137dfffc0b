using Aid.Contracts.Registration;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Marten;
using MassTransit;

namespace Aid.Appraisal.Appraisals;

/// <summary>The NGO withdrew its dossier: the appraisal closes and every later command is refused.</summary>
public sealed class CloseWhenDossierWithdrawn(IDocumentSession session, TimeProvider time) : IConsumer<DossierWithdrawn>
{
    public async Task Consume(ConsumeContext<DossierWithdrawn> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        if (!await session.IsFirstDeliveryAsync(this, message, cancellationToken))
            return;

        var stream = await session.Events.FetchForWriting<DossierAppraisal>(message.DossierId, cancellationToken);
        stream.AppendMany(Decide(message, stream.Aggregate, time.GetUtcNow()));
        session.ActingAsSystem(AppraisalService.Agency, message);
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Closes whatever is not decided yet. A withdrawal arriving before anything else still creates the closed case,
    /// so a DossierAccepted delivered later cannot open it. After the decision a withdrawal changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Decide(DossierWithdrawn message, DossierAppraisal? state, DateTimeOffset now) =>
        state?.Status is AppraisalStatus.Decided or AppraisalStatus.Withdrawn
            ? []
            : [new AppraisalClosedByWithdrawal(message.DossierId, message.ReceiptCode, message.Reason ?? "", now)];
}
