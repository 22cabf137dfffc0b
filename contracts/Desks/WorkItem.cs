namespace Aid.Contracts.Desks;

/// <summary>Where an open stage stands against its due date: nearly due is two working days or fewer left.</summary>
public enum DeadlineFlag { OnTime, NearlyDue, Overdue }

/// <summary>What a queue line waits for: a dossier's stage, or a progress report a monitored project owes.</summary>
public enum WorkStage { IntakeCheck, Security, Opinions, Appraisal, Decision, ProgressReport }

/// <summary>
/// One line of an agency's work queue, as every service answers it and the portal reads it. Working days left are
/// negative once overdue; an overdue stage prompts the agency to issue an apology slip with a new date.
/// </summary>
public sealed record WorkItem(
    Guid DossierId,
    string ReceiptCode,
    string? Title,
    string? NgoName,
    string? AidKind,
    WorkStage Stage,
    DateOnly DueDate,
    int WorkingDaysLeft,
    DeadlineFlag Flag,
    bool ApologyDue)
{
    /// <summary>Monitoring only: the progress report the line is about (e.g. 2027-H1).</summary>
    public string? ReportKey { get; init; }
}
