namespace Aid.Portal.Api;

/// <summary>A file attached to a dossier, passed through from Registration with the reader's token (it decides who may read it).</summary>
public static class DossierDocuments
{
    public static string PortalPath(Guid dossierId, Guid documentId) => $"/dossier-document/{dossierId}/{documentId}";

    public static WebApplication MapDossierDocuments(this WebApplication app)
    {
        app.MapGet("/dossier-document/{id:guid}/{documentId:guid}", (Guid id, Guid documentId, HttpContext http, ServiceApi api, CancellationToken ct) =>
            api.As(http.User).DownloadAsync(Service.Registration, $"/dossiers/{id}/documents/{documentId}", null, status => status == 404
                ? Texts.L("Không có tài liệu này, hoặc bạn không được xem nó.", "There is no such document, or you may not see it.")
                : Texts.L($"Dịch vụ của Sở Ngoại vụ trả lời lỗi {status}.", $"The registration service answered {status}."), ct))
            .RequireAuthorization();
        return app;
    }
}
