using Aid.Contracts.Desks;

namespace Aid.Portal.Api;

// The Monitoring service's answers the NGO's pages read (NGO staff see their own NGO's projects only).

/// <summary>One line of /projects: the project id is the dossier id; the first report not yet received and its due date.</summary>
public sealed record ProjectSummary(Guid Id, string ReceiptCode, string Status, Label StatusLabel, DateOnly? NextReportDue, IReadOnlyList<string> Flags);

public sealed record ReportAttachment(Guid Id, string Name, string ContentType, long SizeBytes);

/// <summary>A scheduled report (Kind: SixMonthly, Annual or Final) and, once received, when and whether on time.</summary>
public sealed record ScheduledReport(
    string Key, string Kind, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly DueDate, DateOnly? ReceivedOn, string? Summary,
    bool? OnTime, bool SubmittedByNgo, bool Overdue)
{
    public IReadOnlyList<ReportAttachment> Attachments { get; init; } = [];

    public Label KindLabel => Kind switch
    {
        "SixMonthly" => new("Báo cáo 6 tháng", "Six-monthly report"),
        "Annual" => new("Báo cáo năm", "Annual report"),
        _ => new("Báo cáo kết thúc", "Final report"),
    };
}

/// <summary>The approved project as its NGO reads it: the decision, its public conditions and the reporting schedule.</summary>
public sealed record ProjectView(
    Guid Id, string ReceiptCode, string Title, string DecisionNumber, DateOnly DecisionDate, string? Signer,
    IReadOnlyList<string> Conditions, string Status, Label StatusLabel, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<ScheduledReport> Reports, long Version);

/// <summary>A report's attached file, passed through from Monitoring (which decides who may read it).</summary>
public static class ReportFiles
{
    public static string PortalPath(Guid projectId, string key, Guid fileId) => $"/report-file/{projectId}/{Uri.EscapeDataString(key)}/{fileId}";

    public static string UploadPath(Guid projectId, string key) => $"/projects/{projectId}/reports/{Uri.EscapeDataString(key)}/attachments";

    public static WebApplication MapReportFiles(this WebApplication app)
    {
        app.MapGet("/report-file/{id:guid}/{key}/{fileId:guid}", (Guid id, string key, Guid fileId, HttpContext http, ServiceApi api, CancellationToken ct) =>
            api.As(http.User).DownloadAsync(Service.Monitoring, $"{UploadPath(id, key)}/{fileId}", null, status => status == 404
                ? Texts.L("Không tìm thấy tệp của báo cáo này.", "No such file for this report.")
                : Texts.L($"Dịch vụ theo dõi dự án của Sở Ngoại vụ trả lời lỗi {status}.", $"The project monitoring service answered {status}."), ct))
            .RequireAuthorization();
        return app;
    }
}
