namespace Aid.Contracts.Monitoring;

/// <summary>Monitoring of an approved project started; its reporting schedule is set.</summary>
public sealed record ProjectMonitoringStarted(
    EventMetadata Metadata, Guid DossierId, string ReceiptCode, DateOnly FirstReportDue) : IIntegrationEvent;

public enum ProjectStatus { Implementing, Suspended, Completed, Closed }

/// <summary>The approved project was suspended, resumed, completed or closed.</summary>
public sealed record ProjectStatusChanged(
    EventMetadata Metadata, Guid DossierId, string ReceiptCode, ProjectStatus Status, string? Reason) : IIntegrationEvent;

/// <summary>A tranche of aid reached the project (a recorded receipt), in the original currency and in VND.</summary>
public sealed record AidReceived(
    EventMetadata Metadata,
    Guid DossierId,
    string ReceiptCode,
    Guid TrancheId,
    decimal Amount,
    string Currency,
    DateOnly ReceivedOn) : IIntegrationEvent
{
    public decimal? AmountVnd { get; init; }
}
