namespace Aid.Contracts.Monitoring;

/// <summary>Monitoring of an approved project started; its reporting schedule is set.</summary>
public sealed record ProjectMonitoringStarted(
    EventMetadata Metadata, Guid DossierId, string ReceiptCode, DateOnly FirstReportDue) : IDossierEvent
{
    public Guid? NgoId { get; init; }
    /// <summary>Every report the NGO owes, by key (e.g. "2026-H1", "final"), with its due date.</summary>
    public IReadOnlyList<ReportDue> Reports { get; init; } = [];
}

/// <summary>A report an approved project owes, and by when.</summary>
public sealed record ReportDue(string Key, DateOnly DueDate);

/// <summary>A progress report of an approved project was received.</summary>
public sealed record ProgressReportFiled(
    EventMetadata Metadata, Guid DossierId, string ReportKey, DateOnly ReceivedOn) : IDossierEvent;

public enum ProjectStatus { Implementing, Suspended, Completed, Closed }

/// <summary>The approved project was suspended, resumed, completed or closed.</summary>
public sealed record ProjectStatusChanged(
    EventMetadata Metadata, Guid DossierId, string ReceiptCode, ProjectStatus Status, string? Reason) : IDossierEvent;

/// <summary>A tranche of aid reached the project (a recorded receipt), in the original currency and in VND.</summary>
public sealed record AidReceived(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    Guid TrancheId,
    decimal Amount,
    string Currency,
    DateOnly ReceivedOn) : IDossierEvent
{
    public decimal? AmountVnd { get; init; }
}
