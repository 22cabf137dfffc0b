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
/// them first), with the same receipt code and NGO, and each step once. No order between the steps is asked: this
/// queue is consumed concurrently, so after an outage a dossier's decision may be recorded before its conclusion.
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
            (!await RecordedAsync(session, message, dossierId, ct), $"a {message.GetType().Name} of this dossier was recorded before"));
    }

    private static Task<bool> RecordedAsync(IQuerySession session, IIntegrationEvent message, Guid dossierId, CancellationToken ct) => message switch
    {
        DossierAccepted => session.Events.QueryRawEventDataOnly<DossierAccepted>().AnyAsync(e => e.DossierId == dossierId, ct),
        DossierWithdrawn => session.Events.QueryRawEventDataOnly<DossierWithdrawn>().AnyAsync(e => e.DossierId == dossierId, ct),
        SecurityReviewConcluded => session.Events.QueryRawEventDataOnly<SecurityReviewConcluded>().AnyAsync(e => e.DossierId == dossierId, ct),
        AppraisalReportIssued => session.Events.QueryRawEventDataOnly<AppraisalReportIssued>().AnyAsync(e => e.DossierId == dossierId, ct),
        // A forwarded dossier is decided twice: UBND tỉnh forwards it, then the Prime Minister decides.
        DossierDecided d => session.Events.QueryRawEventDataOnly<DossierDecided>()
            .AnyAsync(e => e.DossierId == dossierId && e.ByPrimeMinister == d.ByPrimeMinister, ct),
        DossierSupplementRequested => session.Events.QueryRawEventDataOnly<DossierSupplementRequested>().AnyAsync(e => e.DossierId == dossierId, ct),
        ServiceRated => session.Events.QueryRawEventDataOnly<ServiceRated>().AnyAsync(e => e.DossierId == dossierId, ct),
        // An apology slip per stage that runs late; a stage may run late again after its new date.
        IntakeApologyIssued or SecurityApologyIssued or AppraisalApologyIssued => Task.FromResult(false),
        _ => throw new ArgumentException($"{message.GetType().Name} is not a fact about a dossier", nameof(message)),
    };
}
