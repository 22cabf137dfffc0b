namespace Aid.Contracts.Desks;

/// <summary>
/// One agency's stage over a period, as every service answers it. Received: stages started in the period (monitoring:
/// progress reports due in it). In progress: stages running today that started by the end of the period, by deadline
/// flag (monitoring: reports overdue now). Completed: stages ended in the period, on time or late (monitoring: reports
/// received). On-time rate = completed on time / completed.
/// </summary>
public sealed record StageStatistics(
    WorkStage Stage, string Agency, DateOnly From, DateOnly To, int Received, InProgressCounts InProgress,
    CompletedCounts Completed, int Withdrawn, double? OnTimeRate)
{
    /// <summary>Decision stage only: the dossiers forwarded to the Prime Minister, whose time is counted apart.</summary>
    public PrimeMinisterFigures? PrimeMinister { get; init; }

    /// <summary>Monitoring only: the figures of the progress reports, inspections and projects.</summary>
    public MonitoringFigures? Monitoring { get; init; }
}

/// <summary>Open stages by deadline flag; waiting for supplement: intake stages on hold for the NGO.</summary>
public sealed record InProgressCounts(int OnTime, int NearlyDue, int Overdue, int WaitingForSupplement, int Total);

public sealed record CompletedCounts(int OnTime, int Late, int Total);

/// <summary>Forwarded in the period, awaiting the Prime Minister today, decided in the period, and the average working
/// days from forwarding to the document for those.</summary>
public sealed record PrimeMinisterFigures(int Forwarded, int Awaiting, int Decided, double? AverageWorkingDays);

/// <summary>Monitoring's own figures: projects started, reports due in the period missed (late or still missing),
/// inspections by verdict and projects by status (keyed by their codes), projects whose implementation is delayed now.</summary>
public sealed record MonitoringFigures(
    int ProjectsStarted, int ReportsDueInPeriodMissed, IReadOnlyDictionary<string, int> InspectionsByVerdict,
    IReadOnlyDictionary<string, int> ProjectsByStatus, int ImplementationDelayedNow);
