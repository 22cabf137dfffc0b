namespace Aid.Contracts.Security;

/// <summary>
/// Công an tỉnh passed its security-check due date and issued an apology slip with a new date; the dossier's
/// appointment moves by the same number of working days and the stage still counts as late.
/// </summary>
public sealed record SecurityApologyIssued(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    DateOnly FormerDueDate,
    DateOnly NewDueDate,
    string Reason,
    string SignedBy) : IDossierEvent;
