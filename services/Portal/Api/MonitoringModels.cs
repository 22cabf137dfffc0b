using Aid.Contracts.Desks;

namespace Aid.Portal.Api;

// The Monitoring service's answers the NGO's pages read (NGO staff see their own NGO's projects only).

/// <summary>One line of /projects: the project id is the dossier id; the first report not yet received and its due date.</summary>
public sealed record ProjectSummary(Guid Id, string ReceiptCode, string Status, Label StatusLabel, DateOnly? NextReportDue, IReadOnlyList<string> Flags);

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
