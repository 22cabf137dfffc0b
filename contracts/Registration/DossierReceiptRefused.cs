namespace Aid.Contracts.Registration;

/// <summary>
/// Sở Ngoại vụ refused to receive the dossier at the intake check (từ chối tiếp nhận), with the reason in writing; the
/// dossier ends there and no other agency will hear of it again (none had: refusal comes before acceptance).
/// </summary>
public sealed record DossierReceiptRefused(
    EventMetadata Metadata, Guid DossierId, string ReceiptCode, Guid NgoId, string Reason, DateOnly RefusedOn) : IDossierEvent;
