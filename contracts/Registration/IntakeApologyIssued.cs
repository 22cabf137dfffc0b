namespace Aid.Contracts.Registration;

/// <summary>
/// Sở Ngoại vụ passed its intake due date and issued an apology slip (Phiếu xin lỗi và hẹn lại ngày trả kết quả)
/// with a new date; the dossier's appointment moves to it and the stage still counts as late.
/// </summary>
public sealed record IntakeApologyIssued(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    DateOnly FormerDueDate,
    DateOnly NewDueDate,
    string Reason,
    string SignedBy) : IDossierEvent;
