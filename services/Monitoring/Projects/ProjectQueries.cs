using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record ProjectSummary(
    Guid Id, string ReceiptCode, Guid NgoId, string Title, MonitoringStatus Status, Bilingual StatusLabel,
    DateOnly DecisionDate, DateOnly StartDate, DateOnly EndDate, DateOnly? NextReportDue, IReadOnlyList<string> Flags);

/// <summary>Reading monitored projects. NGO staff see their own NGO's projects only.</summary>
public static class ProjectQueries
{
    public static async Task<Versioned<ProjectDeskView>> GetProject(Guid id, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var project = await session.LoadAsync<MonitoredProject>(id, http.RequestAborted);
        if (project is null || !Actor.From(http.User).MaySee(project))
            throw new NotFound(ProjectAccess.What, hidden: project is not null);
        var state = await session.Events.FetchStreamStateAsync(id, http.RequestAborted);
        var version = state?.Version ?? 0;
        return Versioned.Ok(ProjectView.Of(project, version, clock.VietnamToday()), version);
    }

    /// <summary>Optional filters: status, flag (report-overdue, implementation-delayed, suspended, non-compliant).</summary>
    public static async Task<IResult> ListProjects(string? status, string? flag, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        var check = new InputCheck();
        var parsed = status is null ? null : check.OneOf<MonitoringStatus>("status", status);
        check.Rule(flag is null or "report-overdue" or "implementation-delayed" or "suspended" or "non-compliant", "flag",
            "Cờ phải là: report-overdue, implementation-delayed, suspended, non-compliant.",
            "The flag must be one of: report-overdue, implementation-delayed, suspended, non-compliant.");
        check.ThrowIfInvalid();

        var actor = Actor.From(http.User);
        var query = session.Query<MonitoredProject>().AsQueryable();
        if (ProjectAccess.IsNgoStaff(actor))
            query = query.Where(p => p.NgoId == actor.NgoId);
        if (parsed is { } wanted)
            query = query.Where(p => p.Status == wanted);
        var today = clock.VietnamToday();
        var projects = await query.ToListAsync(http.RequestAborted);
        return Results.Ok(projects
            .Select(p => new ProjectSummary(p.Id, p.ReceiptCode, p.NgoId, p.Title, p.Status, ProjectView.Label(p.Status),
                p.DecisionDate, p.StartDate, p.EndDate,
                p.Reports.Where(r => !r.Received).Select(r => (DateOnly?)r.DueDate).Min(), ProjectView.FlagsOf(p, today)))
            .Where(s => flag is null || s.Flags.Contains(flag))
            .OrderBy(s => s.NextReportDue ?? DateOnly.MaxValue)
            .ToList());
    }
}
