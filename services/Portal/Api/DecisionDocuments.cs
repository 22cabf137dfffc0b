namespace Aid.Portal.Api;

/// <summary>The Prime Minister's decision document, passed through from Appraisal (which decides who may read it).</summary>
public static class DecisionDocuments
{
    public static string PortalPath(Guid dossierId) => $"/decision-document/{dossierId}";

    public static string UploadPath(Guid dossierId) => $"/decisions/{dossierId}/prime-minister-document";

    public static WebApplication MapDecisionDocuments(this WebApplication app)
    {
        app.MapGet("/decision-document/{id:guid}", (Guid id, HttpContext http, ServiceApi api, CancellationToken ct) =>
            api.As(http.User).DownloadAsync(Service.Appraisal, UploadPath(id), null, status => status == 404
                ? Texts.L("Chưa có văn bản quyết định của Thủ tướng Chính phủ cho hồ sơ này.", "No Prime Minister's decision document for this dossier.")
                : Texts.L($"Dịch vụ của Sở Tài chính và UBND tỉnh trả lời lỗi {status}.", $"The appraisal service answered {status}."), ct))
            .RequireAuthorization();
        return app;
    }
}
