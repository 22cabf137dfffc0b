using Aid.Contracts.Monitoring;
namespace Aid.Monitoring.Projects;

/// <summary>
/// What has become overdue by today and is not flagged yet: each report not received after its due date (flagged
/// once), and an approval not implemented by its due date (no implementation start and no aid received; flagged
/// once). Closed projects are never flagged.
/// </summary>
public static class OverdueDetection
{
    public static IReadOnlyList<object> Decide(MonitoredProject project, DateOnly today)
    {
        if (project.Status == MonitoringStatus.Closed)
            return [];
        var events = new List<object>();
        foreach (var report in project.Reports.Where(r => r.IsOverdueOn(today) && !r.FlaggedOverdue))
            events.Add(new ProgressReportBecameOverdue(report.Key, report.DueDate, today));
        if (!project.ImplementationDelayed && project.ImplementationStartedOn is null && project.Tranches.Count == 0
            && today > project.ImplementationDueBy)
            events.Add(new ImplementationDelayFlagged(project.DecisionDate, project.ImplementationDueBy, today));
        return events;
    }

    public static bool HasSomethingToFlag(MonitoredProject project, DateOnly today) => Decide(project, today).Count > 0;
}
