using Aid.Contracts.Desks;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Documents;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Aid.Registration.Dossiers;

public sealed record UploadDocument(StoredDocument Document, DateTimeOffset Now)
{
    public const int MaxDocuments = 50;

    /// <summary>Documents are added while the dossier is with intake (or waiting for the NGO's supplement).</summary>
    public static IReadOnlyList<object> Decide(UploadDocument command, Dossier dossier)
    {
        if (dossier.Stage is not (DossierStage.IntakeCheck or DossierStage.SupplementRequested))
            throw new RuleViolation("wrong-stage", new Bilingual(
                "Chỉ bổ sung tài liệu khi hồ sơ đang ở khâu tiếp nhận.", "Documents can only be added while the dossier is at intake."));
        if (dossier.UploadedDocuments.Count >= MaxDocuments)
            throw new RuleViolation("too-many-documents", new Bilingual($"Tối đa {MaxDocuments} tài liệu.", $"At most {MaxDocuments} documents."));
        var d = command.Document;
        return [new DocumentUploaded(dossier.Id, d.Id, d.Kind, d.Name, d.ContentType, d.SizeBytes, d.Sha256, command.Now)];
    }
}

/// <summary>The file is checked (kind, type, size) and kept first; the command then records it on the dossier.</summary>
public static class UploadDocumentEndpoint
{
    public static async Task<Versioned<StoredDocument>> Handle(
        Guid id, IFormFile? file, [FromForm] string? kind, HttpContext http, IDocumentSession session, TimeProvider time,
        IOptions<DocumentStorageOptions> options, CancellationToken ct)
    {
        var check = new InputCheck();
        var documentKind = check.Line("kind", kind, 100);
        var accepted = await StoredFiles.AcceptAsync(file, check, options.Value, ct);

        var actor = Actor.From(http.User);
        var visible = await session.LoadAsync<Dossier>(id, ct);
        if (visible is null || !actor.MaySee(visible.NgoId))
            throw new NotFound("Dossier", hidden: visible is not null);

        return await accepted.KeepAsync(options.Value, id, async stored =>
        {
            var command = new UploadDocument(
                new StoredDocument(stored.Id, documentKind, stored.Name, stored.ContentType, stored.SizeBytes, stored.Sha256), time.GetUtcNow());
            return await session.RunAsync<Dossier, StoredDocument>(http, id, d => UploadDocument.Decide(command, d), _ => command.Document,
                d => actor.EnsureMaySee(d.NgoId, "Dossier"), createdAt: $"/dossiers/{id}/documents/{stored.Id}");
        }, ct);
    }
}

public static class DownloadDocumentEndpoint
{
    /// <summary>Served only to people who may see the dossier; always as a download.</summary>
    public static async Task<IResult> Handle(
        Guid id, Guid documentId, HttpContext http, IQuerySession session, IOptions<DocumentStorageOptions> options, CancellationToken ct)
    {
        var dossier = await session.LoadAsync<Dossier>(id, ct);
        if (dossier is null || !Actor.From(http.User).MaySee(dossier.NgoId))
            throw new NotFound("Dossier", hidden: dossier is not null);
        var document = dossier.UploadedDocuments.FirstOrDefault(d => d.Id == documentId) ?? throw new NotFound("Document");
        return StoredFiles.Serve(http, options.Value, id, documentId, document.ContentType, document.Name);
    }
}
