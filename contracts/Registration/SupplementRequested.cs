namespace Aid.Contracts.Registration;

/// <summary>
/// Sở Ngoại vụ asked the NGO for what is missing from a dossier, in one complete list; the intake clock stops until
/// the NGO resubmits (<see cref="DossierResubmitted"/>).
/// </summary>
public sealed record DossierSupplementRequested(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    IReadOnlyList<string> MissingItems,
    DateOnly RequestedOn) : IDossierEvent
{
    public string? Note { get; init; }
    /// <summary>The NGO (absent on requests recorded before it was carried).</summary>
    public Guid? NgoId { get; init; }
    /// <summary>By when the NGO should answer, when the request named a date.</summary>
    public DateOnly? AnswerBy { get; init; }
}

/// <summary>The NGO supplied what was missing; the intake clock restarts and the dates move by the stopped working days.</summary>
public sealed record DossierResubmitted(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    DateOnly ResubmittedOn,
    int StoppedWorkingDays,
    DateOnly IntakeDueDate,
    DateOnly AppointmentDate) : IDossierEvent
{
    public Guid? NgoId { get; init; }
}
