namespace Aid.Contracts.Monitoring;

/// <summary>Where an approved project stands. AwaitingImplementation: approved, not started yet.</summary>
public enum MonitoringStatus { AwaitingImplementation, Implementing, Suspended, Completed, Closed }

public enum ReportKind { SixMonthly, Annual, Final }

public enum ComplianceVerdict { Compliant, MinorIssues, NonCompliant }
