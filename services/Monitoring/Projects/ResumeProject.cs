using Aid.Contracts.Monitoring;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record ResumeProjectRequest(string? Note);

public sealed record ResumeProject(string? Note, DateOnly Today);

/// <summary>A suspended project goes back to where it was when suspended.</summary>
public static class ResumeProjectCommand
{
    public static IReadOnlyList<object> Decide(ResumeProject command, MonitoredProject project)
    {
        if (project.Status != MonitoringStatus.Suspended)
            throw new RuleViolation("not-suspended", new Bilingual(
                "Dự án không ở trạng thái tạm dừng.", "The project is not suspended."));
        return [new ProjectResumed(project.ReceiptCode, command.Note, command.Today)];
    }

    public static Task<IResult> Handle(Guid id, ResumeProjectRequest? request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var note = InputCheck.Validated(check => check.Paragraphs("note", request?.Note, required: false));
        var command = new ResumeProject(InputCheck.Optional(note), clock.VietnamToday());
        return ProjectAccess.DecideAsync(session, http, id, project => Decide(command, project));
    }
}
