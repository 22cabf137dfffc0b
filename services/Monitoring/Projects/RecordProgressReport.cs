using Aid.Contracts.Desks;
using Aid.Contracts.Monitoring;
using System.Globalization;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.Projects;

public sealed record RecordProgressReportRequest(string? ReportKey, DateOnly? ReceivedOn, string? Summary);

/// <summary>
/// A scheduled report arrived. On time when received on or before its due date. Monitoring officers record the date
/// it reached them; NGO staff submit their own NGO's reports, received today. A six-monthly or annual report is accepted
/// only once its period has ended; the final report only once the project is completed (which may be before the
/// planned end date).
/// </summary>
public sealed record RecordProgressReport(string ReportKey, DateOnly ReceivedOn, string Summary, bool SubmittedByNgo, DateOnly Today)
{
    /// <summary>NGO staff submit their report today; an officer records the date it reached them.</summary>
    public static RecordProgressReport From(RecordProgressReportRequest request, bool byNgo, DateOnly today)
    {
        var check = new InputCheck();
        var reportKey = check.Line("reportKey", request.ReportKey, 20);
        var receivedOn = check.Date("receivedOn", request.ReceivedOn, required: !byNgo);
        check.Rule(!byNgo || receivedOn is null || receivedOn == today, "receivedOn",
            "Tổ chức nộp báo cáo hôm nay; không được ghi ngày khác.", "An NGO submits its report today; no other date may be given.");
        var summary = check.Paragraphs("summary", request.Summary);
        check.ThrowIfInvalid();
        return new RecordProgressReport(reportKey, receivedOn ?? today, summary, byNgo, today);
    }

    public static IReadOnlyList<object> Decide(RecordProgressReport command, MonitoredProject project)
    {
        ProjectRules.EnsureNotClosed(project);
        ProjectRules.EnsureNotInFuture(command.ReceivedOn, command.Today, "receivedOn");
        ProjectRules.EnsureNotBefore(command.ReceivedOn, project.DecisionDate, "receivedOn", ProjectRules.DecisionDate);
        var report = project.Report(command.ReportKey)
            ?? throw new RuleViolation("unknown-report", new Bilingual(
                $"Không có báo cáo '{command.ReportKey}' trong lịch báo cáo của dự án ({string.Join(", ", project.Reports.Select(r => r.Key))}).",
                $"The project's schedule has no report '{command.ReportKey}' ({string.Join(", ", project.Reports.Select(r => r.Key))})."), 422);
        if (report.Received)
            throw new RuleViolation("report-already-received", new Bilingual(
                $"Báo cáo '{report.Key}' đã được nhận ngày {report.ReceivedOn:yyyy-MM-dd}.",
                $"Report '{report.Key}' was already received on {report.ReceivedOn:yyyy-MM-dd}."));
        var opens = report.PeriodEnd.AddDays(1);
        if (report.Kind != ReportKind.Final && command.ReceivedOn < opens)
            throw new RuleViolation("report-period-not-ended", new Bilingual(
                $"Kỳ báo cáo '{report.Key}' chưa kết thúc; nhận báo cáo từ ngày {opens.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.",
                $"The period of report '{report.Key}' has not ended; it is accepted from {opens.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}."), 422);
        if (report.Kind == ReportKind.Final && project.Status != MonitoringStatus.Completed)
            throw new RuleViolation("final-report-before-completion", new Bilingual(
                "Chỉ nhận báo cáo kết thúc sau khi dự án đã hoàn thành.",
                "The final report is accepted only once the project is completed."));
        return [new ProgressReportReceived(report.Key, command.ReceivedOn, command.Summary,
            OnTime: command.ReceivedOn <= report.DueDate, command.SubmittedByNgo)];
    }
}

public static class RecordProgressReportEndpoint
{
    public static async Task<Versioned<ProjectDeskView>> Handle(Guid id, RecordProgressReportRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var actor = Actor.From(http.User);
        var command = RecordProgressReport.From(request, ProjectAccess.IsNgoStaff(actor), clock.VietnamToday());
        return await session.RunAsync<MonitoredProject, ProjectDeskView>(http, id, project => RecordProgressReport.Decide(command, project),
            d => ProjectView.ReadAsync(session, id, d.Version, command.Today), ProjectAccess.Sees(actor), ProjectAccess.What);
    }
}
