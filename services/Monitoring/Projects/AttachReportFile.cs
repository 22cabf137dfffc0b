using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Documents;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Monitoring.Projects;

/// <summary>
/// A file for a scheduled report (the report itself, annexes, photos), attached before the report is filed; the
/// report then lists it for the monitoring officer. A report already received takes no more files.
/// </summary>
public sealed record AttachReportFile(string ReportKey, StoredFile File, DateTimeOffset Now)
{
    public const int MaxFiles = 10;

    public static IReadOnlyList<object> Decide(AttachReportFile command, MonitoredProject project)
    {
        ProjectRules.EnsureNotClosed(project);
        var report = project.Report(command.ReportKey) ?? throw UnknownReport(command.ReportKey);
        if (report.Received)
            throw new RuleViolation("report-already-received", new Bilingual(
                "Báo cáo đã được nhận; không đính kèm thêm tệp.", "The report was already received; no more files can be attached."));
        if (report.Attachments.Count >= MaxFiles)
            throw new RuleViolation("too-many-files", new Bilingual($"Tối đa {MaxFiles} tệp cho một báo cáo.", $"At most {MaxFiles} files a report."));
        var f = command.File;
        return [new ReportAttachmentUploaded(report.Key, f.Id, f.Name, f.ContentType, f.SizeBytes, f.Sha256, command.Now)];
    }

    private static RuleViolation UnknownReport(string key) => new("unknown-report", new Bilingual(
        $"Không có báo cáo '{key}' trong lịch báo cáo của dự án.", $"The project's schedule has no report '{key}'."), 422);
}

public static class AttachReportFileEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(
        Guid id, string key, IFormFile? file, HttpContext http, IDocumentSession session, TimeProvider clock,
        IOptions<DocumentStorageOptions> options, CancellationToken ct)
    {
        var check = new InputCheck();
        var reportKey = check.Line("reportKey", key, 20);
        var accepted = await StoredFiles.AcceptAsync(file, check, options.Value, ct);
        await VisibleAsync(session, http, id, ct);
        var today = clock.VietnamToday();
        return await accepted.KeepAsync(options.Value, id, stored =>
        {
            var command = new AttachReportFile(reportKey, stored, clock.GetUtcNow());
            return session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => AttachReportFile.Decide(command, project),
                d => ProjectView.ReadAsync(session, id, d.Version, today), ProjectAccess.Sees(Actor.From(http.User)), ProjectAccess.What);
        }, ct);
    }

    /// <summary>Served only to people who may see the project; always as a download.</summary>
    public static async Task<IResult> Download(
        Guid id, string key, Guid fileId, HttpContext http, IQuerySession session, IOptions<DocumentStorageOptions> options, CancellationToken ct)
    {
        var project = await VisibleAsync(session, http, id, ct);
        var file = project.Report(key)?.Attachments.FirstOrDefault(a => a.Id == fileId) ?? throw new NotFound("Document");
        return StoredFiles.Serve(http, options.Value, id, fileId, file.ContentType, file.Name);
    }

    /// <summary>Nothing is written to disk for a project the caller may not see (404 either way).</summary>
    private static async Task<MonitoredProject> VisibleAsync(IQuerySession session, HttpContext http, Guid id, CancellationToken ct)
    {
        var project = await session.LoadAsync<MonitoredProject>(id, ct);
        if (project is null || !Actor.From(http.User).MaySee(project))
            throw new NotFound(ProjectAccess.What, hidden: project is not null);
        return project;
    }
}
