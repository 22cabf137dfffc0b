namespace Aid.Contracts.Registration;

/// <summary>Sở Ngoại vụ received a dossier (a receipt was issued); counted in the province's reports.</summary>
public sealed record DossierReceived(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    Guid NgoId,
    string AidKind,
    DateOnly ReceiptDate,
    DateOnly IntakeDueDate) : IDossierEvent
{
    public string? Title { get; init; }
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    public decimal? AmountVnd { get; init; }
    public Guid? CatalogueEntryId { get; init; }
    /// <summary>The date the result is due (phiếu hẹn trả kết quả), as the receipt printed it.</summary>
    public DateOnly? AppointmentDate { get; init; }
    /// <summary>Submitted through the NGO's portal account rather than handed in at the counter (null before 2026-12).</summary>
    public bool? SubmittedOnline { get; init; }
}
