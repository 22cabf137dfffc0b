namespace Aid.Contracts.Appraisal;

/// <summary>Which of Appraisal's two stages ran late: Sở Tài chính's appraisal or UBND tỉnh's decision.</summary>
public enum ApologisingStage { Appraisal, Decision }

/// <summary>
/// Sở Tài chính (appraisal) or UBND tỉnh (decision) passed its due date and issued an apology slip with a new date;
/// the dossier's appointment moves by the same number of working days and the stage still counts as late.
/// </summary>
public sealed record AppraisalApologyIssued(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    ApologisingStage Stage,
    DateOnly FormerDueDate,
    DateOnly NewDueDate,
    string Reason,
    string SignedBy) : IDossierEvent;
