using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record ResumeProjectRequest(string? Note);

/// <summary>A suspended project goes back to where it was when suspended.</summary>
public sealed record ResumeProject(string? Note, DateOnly Today)
{
    public static ResumeProject From(ResumeProjectRequest? request, DateOnly today) =>
        new(InputCheck.Optional(InputCheck.Validated(check => check.Paragraphs("note", request?.Note, required: false))), today);

    public static IReadOnlyList<object> Decide(ResumeProject command, MonitoredProject project)
    {
        if (project.Status != MonitoringStatus.Suspended)
            throw new RuleViolation("not-suspended", new Bilingual(
                "Dự án không ở trạng thái tạm dừng.", "The project is not suspended."));
        return [new ProjectResumed(project.ReceiptCode, command.Note, command.Today)];
    }
}

public static class ResumeProjectEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(Guid id, ResumeProjectRequest? request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var command = ResumeProject.From(request, clock.VietnamToday());
        return await session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => ResumeProject.Decide(command, project),
            d => ProjectView.ReadAsync(session, id, d.Version, command.Today), ProjectAccess.Sees(Actor.From(http.User)), ProjectAccess.What);
    }
}
