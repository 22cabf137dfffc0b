using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Aid.Registration.Dossiers;

/// <summary>Where uploaded files live (configuration section "Documents"): a folder outside the web root.</summary>
public sealed class DocumentStorageOptions
{
    public string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "aid", "registration-documents");
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

public sealed record StoredDocument(Guid Id, string Kind, string Name, string ContentType, long SizeBytes, string Sha256);

public sealed record UploadDocument(StoredDocument Document, DateTimeOffset Now);

public static class UploadDocumentCommand
{
    public const int MaxDocuments = 50;

    /// <summary>The allowed file types: extension, content type and the first bytes every such file starts with.</summary>
    private static readonly (string Extension, string ContentType, byte[] Magic)[] Allowed =
    [
        (".pdf", "application/pdf", "%PDF"u8.ToArray()),
        (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".jpeg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47]),
    ];

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

    public static async Task<IResult> Handle(
        Guid id, IFormFile? file, [FromForm] string? kind, HttpContext http, IDocumentSession session, TimeProvider time,
        IOptions<DocumentStorageOptions> options, CancellationToken ct)
    {
        var check = new InputCheck();
        var documentKind = check.Line("kind", kind, 100);
        if (file is null) check.Fail("file", "Bắt buộc gửi tệp.", "A file is required.");
        var name = check.Line("file.name", file is null ? "x" : InputCheck.SafeFileName(file.FileName), 255);
        check.ThrowIfInvalid();

        var limit = options.Value.MaxBytes;
        if (file!.Length == 0 || file.Length > limit)
            throw new RuleViolation("file-size", new Bilingual(
                $"Tệp phải có dung lượng từ 1 byte đến {limit} byte.", $"The file must be between 1 and {limit} bytes."), 413);
        var type = await TypeOf(file, ct) ?? throw new RuleViolation("unsupported-file-type", new Bilingual(
            "Chỉ nhận tệp pdf, docx, xlsx, jpg, png.", "Only pdf, docx, xlsx, jpg and png files are accepted."), 415);

        var actor = Actor.From(http.User);
        var visible = await session.LoadAsync<Dossier>(id, ct);
        if (visible is null || !actor.MaySee(visible.NgoId))
            throw new NotFound("Dossier", hidden: visible is not null);

        var documentId = Guid.CreateVersion7();
        var path = PathOf(options.Value, id, documentId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string sha256;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            await file.CopyToAsync(target, ct);
            target.Position = 0;
            sha256 = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(target, ct));
        }
        try
        {
            var command = new UploadDocument(new StoredDocument(documentId, documentKind, name, type, file.Length, sha256), time.GetUtcNow());
            session.ActingAs(actor, http);
            var decided = await session.DecideAsync<Dossier>(id, http.Request.ExpectedVersion(), d => Decide(command, d), ct,
                d => actor.EnsureMaySee(d.NgoId, "Dossier"));
            http.Response.Headers.ETag = $"\"{decided.Version}\"";
            return Results.Created($"/dossiers/{id}/documents/{documentId}", command.Document);
        }
        catch
        {
            File.Delete(path); // nothing recorded: keep no orphan file
            throw;
        }
    }

    /// <summary>Served only to people who may see the dossier; always as a download.</summary>
    public static async Task<IResult> Download(
        Guid id, Guid documentId, HttpContext http, IQuerySession session, IOptions<DocumentStorageOptions> options, CancellationToken ct)
    {
        var dossier = await session.LoadAsync<Dossier>(id, ct);
        if (dossier is null || !Actor.From(http.User).MaySee(dossier.NgoId))
            throw new NotFound("Dossier", hidden: dossier is not null);
        var document = dossier.UploadedDocuments.FirstOrDefault(d => d.Id == documentId) ?? throw new NotFound("Document");
        var path = PathOf(options.Value, id, documentId);
        if (!File.Exists(path))
            throw new NotFound("Document");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(path, document.ContentType, document.Name);
    }

    /// <summary>Stored under ids only: nothing the user sent becomes part of a path.</summary>
    private static string PathOf(DocumentStorageOptions options, Guid dossierId, Guid documentId) =>
        Path.Combine(Path.GetFullPath(options.Folder), dossierId.ToString("N"), documentId.ToString("N"));

    private static async Task<string?> TypeOf(IFormFile file, CancellationToken ct)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        var head = new byte[8];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return Allowed.FirstOrDefault(a => a.Extension == extension && read >= a.Magic.Length && head.AsSpan(0, a.Magic.Length).SequenceEqual(a.Magic))
            .ContentType;
    }
}
