using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.ServiceDefaults.Messaging;
using Marten;

namespace Aid.Monitoring.Reporting;

/// <summary>
/// What a fact about a dossier must agree with before the reports count it: the dossier was received (its
/// DossierReceived fact is here; the later facts come from other publishers and may overtake it, so the bus retries
/// them first), with the same receipt code and NGO; each step once; nothing after the decision or the withdrawal.
/// </summary>
public static class DossierFactCheck
{
    public static async Task ThrowUnlessAdmittedAsync(
        IQuerySession session, IIntegrationEvent message, Guid dossierId, string receiptCode, Guid? ngoId, CancellationToken ct)
    {
        var received = await session.Events.QueryRawEventDataOnly<DossierReceived>()
            .FirstOrDefaultAsync(e => e.DossierId == dossierId, ct)
            ?? throw RefusedMessage.Unknown(message, "dossier", dossierId, mayArriveLater: true);
        RefusedMessage.Unless(message,
            MessageTrust.Same("receipt code", receiptCode, received.ReceiptCode),
            MessageTrust.Same("NGO", ngoId ?? received.NgoId, received.NgoId),
            (!await RecordedAsync(session, message.GetType(), dossierId, ct), $"a {message.GetType().Name} of this dossier was recorded before"),
            (!await RecordedAsync(session, typeof(DossierDecided), dossierId, ct), "the dossier was decided"),
            (!await RecordedAsync(session, typeof(DossierWithdrawn), dossierId, ct), "the dossier was withdrawn"));
    }

    private static Task<bool> RecordedAsync(IQuerySession session, Type kind, Guid dossierId, CancellationToken ct) => kind.Name switch
    {
        nameof(DossierAccepted) => session.Events.QueryRawEventDataOnly<DossierAccepted>().AnyAsync(e => e.DossierId == dossierId, ct),
        nameof(DossierWithdrawn) => session.Events.QueryRawEventDataOnly<DossierWithdrawn>().AnyAsync(e => e.DossierId == dossierId, ct),
        nameof(SecurityReviewConcluded) => session.Events.QueryRawEventDataOnly<SecurityReviewConcluded>().AnyAsync(e => e.DossierId == dossierId, ct),
        nameof(AppraisalReportIssued) => session.Events.QueryRawEventDataOnly<AppraisalReportIssued>().AnyAsync(e => e.DossierId == dossierId, ct),
        nameof(DossierDecided) => session.Events.QueryRawEventDataOnly<DossierDecided>().AnyAsync(e => e.DossierId == dossierId, ct),
        _ => throw new ArgumentException($"{kind.Name} is not a fact about a dossier", nameof(kind)),
    };
}
