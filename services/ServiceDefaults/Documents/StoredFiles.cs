using System.Security.Cryptography;
using Aid.Domain.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aid.ServiceDefaults.Documents;

/// <summary>Where a service keeps uploaded files (configuration section "Documents"): a folder outside the web root.</summary>
public sealed class DocumentStorageOptions
{
    public string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "aid", "documents");
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>A file kept on disk: its id (its name on disk), the name the user gave, its checked type, size and SHA-256.</summary>
public sealed record StoredFile(Guid Id, string Name, string ContentType, long SizeBytes, string Sha256);

/// <summary>An uploaded file whose name, size and type passed the checks: it may be kept.</summary>
public sealed record AcceptedFile(IFormFile File, string Name, string ContentType);

/// <summary>
/// Uploaded files, the same way in every service: allowed types by extension and first bytes, a size limit, stored
/// under ids only (nothing the user sent becomes part of a path), hashed, deleted again when nothing was recorded,
/// and served only as a download with nosniff.
/// </summary>
public static class StoredFiles
{
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

    /// <summary>The service's storage: a folder of its own under the temporary folder unless "Documents:Folder" says otherwise.</summary>
    public static IServiceCollection AddDocumentStorage(this IServiceCollection services, IConfiguration configuration, string service)
    {
        services.AddOptions<DocumentStorageOptions>()
            .Configure(o => o.Folder = Path.Combine(Path.GetTempPath(), "aid", $"{service}-documents"))
            .Bind(configuration.GetSection("Documents"));
        return services;
    }

    /// <summary>An upload endpoint: a multipart form without antiforgery (bearer tokens), its body limited to the file limit and a
    /// little more for the form.</summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder endpoint, IServiceProvider services) => endpoint
        .DisableAntiforgery()
        .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(
            services.GetRequiredService<IOptions<DocumentStorageOptions>>().Value.MaxBytes + 1024 * 1024))
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// Checks the upload with the caller's other inputs (<paramref name="check"/>: 400 when anything is missing),
    /// then its size (413) and its type (415).
    /// </summary>
    public static async Task<AcceptedFile> AcceptAsync(IFormFile? file, InputCheck check, DocumentStorageOptions options, CancellationToken ct)
    {
        if (file is null) check.Fail("file", "Bắt buộc gửi tệp.", "A file is required.");
        var name = check.Line("file.name", file is null ? "x" : InputCheck.SafeFileName(file.FileName), 255);
        check.ThrowIfInvalid();

        var limit = options.MaxBytes;
        if (file!.Length == 0 || file.Length > limit)
            throw new RuleViolation("file-size", new Bilingual(
                $"Tệp phải có dung lượng từ 1 byte đến {limit} byte.", $"The file must be between 1 and {limit} bytes."), 413);
        var type = await TypeOf(file, ct) ?? throw new RuleViolation("unsupported-file-type", new Bilingual(
            "Chỉ nhận tệp pdf, docx, xlsx, jpg, png.", "Only pdf, docx, xlsx, jpg and png files are accepted."), 415);
        return new AcceptedFile(file, name, type);
    }

    /// <summary>
    /// Writes the file under <paramref name="ownerId"/> and a new id, hashes it, then runs <paramref name="record"/>
    /// (the event append); when that throws, the file is deleted: no orphan file for nothing recorded.
    /// </summary>
    public static async Task<T> KeepAsync<T>(this AcceptedFile accepted, DocumentStorageOptions options, Guid ownerId,
        Func<StoredFile, Task<T>> record, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var path = PathOf(options, ownerId, id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string sha256;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            await accepted.File.CopyToAsync(target, ct);
            target.Position = 0;
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(target, ct));
        }
        try
        {
            return await record(new StoredFile(id, accepted.Name, accepted.ContentType, accepted.File.Length, sha256));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>A recorded file, always as a download (the caller has checked who may see it); 404 when it is gone.</summary>
    public static IResult Serve(HttpContext http, DocumentStorageOptions options, Guid ownerId, Guid fileId, string contentType, string name)
    {
        var path = PathOf(options, ownerId, fileId);
        if (!File.Exists(path))
            throw new NotFound("Document");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(path, contentType, name);
    }

    /// <summary>Stored under ids only: nothing the user sent becomes part of a path.</summary>
    private static string PathOf(DocumentStorageOptions options, Guid ownerId, Guid fileId) =>
        Path.Combine(Path.GetFullPath(options.Folder), ownerId.ToString("N"), fileId.ToString("N"));

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
