namespace Aid.Monitoring.PlanTasks;

/// <summary>Sở Ngoại vụ put a task of the province's plan on foreign NGO work on record.</summary>
public sealed record PlanTaskCreated(
    Guid TaskId, int Year, string Title, string LeadAgency, IReadOnlyList<string> PartnerAgencies, string Product, DateOnly StartOn, DateOnly DueOn);

/// <summary>An agency of the task reported its progress (percent done, as that agency sees its part).</summary>
public sealed record PlanTaskProgressReported(string Agency, int Percent, string Note, DateOnly ReportedOn);

/// <summary>An agency of the task wrote its part of the narrative report.</summary>
public sealed record PlanTaskContributionWritten(string Agency, string Text, DateOnly WrittenOn);

public sealed record AgencyProgress(string Agency, int Percent, string Note, DateOnly ReportedOn);

public sealed record AgencyContribution(string Agency, string Text, DateOnly WrittenOn);

/// <summary>A task of the plan with each agency's latest progress and contribution; stream id = task id.</summary>
public sealed record PlanTask(
    Guid Id, int Year, string Title, string LeadAgency, IReadOnlyList<string> PartnerAgencies, string Product, DateOnly StartOn, DateOnly DueOn,
    IReadOnlyList<AgencyProgress> Progress, IReadOnlyList<AgencyContribution> Contributions)
{
    public static PlanTask Create(PlanTaskCreated e) =>
        new(e.TaskId, e.Year, e.Title, e.LeadAgency, e.PartnerAgencies, e.Product, e.StartOn, e.DueOn, [], []);

    public PlanTask Apply(PlanTaskProgressReported e) => this with
    {
        Progress = [.. Progress.Where(p => p.Agency != e.Agency), new AgencyProgress(e.Agency, e.Percent, e.Note, e.ReportedOn)],
    };

    public PlanTask Apply(PlanTaskContributionWritten e) => this with
    {
        Contributions = [.. Contributions.Where(c => c.Agency != e.Agency), new AgencyContribution(e.Agency, e.Text, e.WrittenOn)],
    };

    public IReadOnlyList<string> Agencies => [LeadAgency, .. PartnerAgencies];

    /// <summary>Done when the lead agency reports 100%.</summary>
    public bool Done => Progress.Any(p => p.Agency == LeadAgency && p.Percent == 100);

    /// <summary>
    /// Who is late on a day: once the due date has passed and the task is not done, the lead agency, and every
    /// agency of the task that reported no progress at all.
    /// </summary>
    public IReadOnlyList<string> LateAgencies(DateOnly today) =>
        today <= DueOn || Done ? [] : Agencies.Where(a => a == LeadAgency || Progress.All(p => p.Agency != a)).ToList();
}
