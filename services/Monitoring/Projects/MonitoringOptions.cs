namespace Aid.Monitoring.Projects;

/// <summary>Configuration section "Monitoring".</summary>
public sealed class MonitoringOptions
{
    /// <summary>Calendar days after the planned end date within which the final report is due.</summary>
    public int FinalReportDays { get; set; } = 60;

    /// <summary>Months after the decision date by which implementation must have started (or aid been received).</summary>
    public int ImplementationDueMonths { get; set; } = 6;
}
