using Aid.Contracts.Monitoring;
using Aid.Monitoring.Projects;

namespace Aid.Monitoring.Recognition;

/// <summary>
/// What an NGO contributed, from its monitored projects: aid committed (approved VND) and received (tranches
/// valued in VND; <see cref="TranchesWithoutVnd"/> counts those whose VND value is unknown, so received is a
/// lower bound), projects completed (completed or closed), reports on time among those due so far, inspection
/// verdicts.
/// </summary>
public sealed record ContributionRecord(
    Guid NgoId,
    string? NgoName,
    int Projects,
    int CompletedProjects,
    decimal CommittedVnd,
    decimal ReceivedVnd,
    int TranchesWithoutVnd,
    int ReportsDue,
    int ReportsOnTime,
    int CompliantInspections,
    int MinorIssueInspections,
    int NonCompliantInspections)
{
    /// <summary>Reports on time per 100 due (received, or past their due date); null while none is due.</summary>
    public decimal? OnTimeReportPercent => ReportsDue == 0 ? null : Math.Round(100m * ReportsOnTime / ReportsDue, 1);

    public static IReadOnlyList<ContributionRecord> Of(IEnumerable<MonitoredProject> projects, DateOnly today) =>
        projects.GroupBy(p => p.NgoId).Select(g => Of(g.Key, g.ToList(), today)).OrderBy(r => r.NgoName).ThenBy(r => r.NgoId).ToList();

    public static ContributionRecord Of(Guid ngoId, IReadOnlyList<MonitoredProject> projects, DateOnly today)
    {
        var reportsDue = projects.SelectMany(p => p.Reports).Where(r => r.Received || r.DueDate < today).ToList();
        var tranches = projects.SelectMany(p => p.Tranches).ToList();
        var verdicts = projects.SelectMany(p => p.Inspections).Select(i => i.Verdict).ToList();
        return new ContributionRecord(
            ngoId,
            projects.OrderBy(p => p.DecisionDate).Select(p => p.Summary.NgoName).LastOrDefault(n => n is not null),
            projects.Count,
            projects.Count(p => p.Status is MonitoringStatus.Completed or MonitoringStatus.Closed),
            projects.Sum(p => p.AmountVnd ?? 0),
            tranches.Sum(t => t.AmountVnd ?? 0),
            tranches.Count(t => t.AmountVnd is null),
            reportsDue.Count,
            reportsDue.Count(r => r.OnTime == true),
            verdicts.Count(v => v == ComplianceVerdict.Compliant),
            verdicts.Count(v => v == ComplianceVerdict.MinorIssues),
            verdicts.Count(v => v == ComplianceVerdict.NonCompliant));
    }
}
