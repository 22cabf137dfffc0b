using Aid.Appraisal.Appraisals;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Documents;
using Aid.Domain.Rules;
using Marten;
using Microsoft.Extensions.Options;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Decisions;

/// <summary>
/// UBND tỉnh attaches the Prime Minister's decision document (the scan or PDF) to a forwarded dossier: while the decision
/// waits (a wrong scan may be replaced), or after the decision was recorded when no document is on file yet (the signed
/// copy often arrives after its number and date are known). A recorded decision's document is never replaced.
/// </summary>
public sealed record AttachPrimeMinisterDocument(StoredFile File, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(AttachPrimeMinisterDocument command, DossierAppraisal state)
    {
        if (Refusal(state) is { } refusal)
            throw refusal;
        var f = command.File;
        return [new PrimeMinisterDocumentAttached(state.Id, f.Id, f.Name, f.ContentType, f.SizeBytes, f.Sha256, command.Now)];
    }

    /// <summary>Why the dossier takes no Prime Minister's document now, or null when it takes one (the desk offers it then).</summary>
    public static RuleViolation? Refusal(DossierAppraisal state)
    {
        var decided = state.ForwardedOn is not null && state.PrimeMinisterDecidedOn is not null;
        if (state.Status == AppraisalStatus.Withdrawn || !(state.AwaitsPrimeMinister || decided))
            return new RuleViolation("not-forwarded", new Bilingual(
                "Chỉ đính kèm văn bản quyết định của Thủ tướng Chính phủ cho hồ sơ đã trình Thủ tướng Chính phủ.",
                "The Prime Minister's decision document is attached only to a dossier forwarded to the Prime Minister."));
        if (decided && state.PrimeMinisterDocument is not null)
            return new RuleViolation("decision-document-on-file", new Bilingual(
                "Quyết định đã được ghi nhận và đã có văn bản kèm theo; không thay thế văn bản.",
                "The decision is recorded and its document is on file; it is not replaced."));
        return null;
    }
}

public static class AttachPrimeMinisterDocumentEndpoint
{
    public static async Task<Versioned<CommandResult>> Handle(
        Guid id, IFormFile? file, HttpContext http, IDocumentSession session, TimeProvider time,
        IOptions<DocumentStorageOptions> options, CancellationToken ct)
    {
        var accepted = await StoredFiles.AcceptAsync(file, new InputCheck(), options.Value, ct);
        if (await session.LoadAsync<DossierAppraisal>(id, ct) is null)
            throw new NotFound("appraisal");
        return await accepted.KeepAsync(options.Value, id, stored =>
        {
            var command = new AttachPrimeMinisterDocument(stored, time.GetUtcNow());
            return session.RunAsync<DossierAppraisal, CommandResult>(http, id, state => AttachPrimeMinisterDocument.Decide(command, state),
                d => new CommandResult(id, d.Version), createdAt: $"/decisions/{id}/prime-minister-document");
        }, ct);
    }

    /// <summary>The document, as a download, for the readers of the appraisal and the NGO whose dossier it is.</summary>
    public static async Task<IResult> Download(
        Guid id, HttpContext http, IQuerySession session, IOptions<DocumentStorageOptions> options, CancellationToken ct)
    {
        var state = await session.LoadAsync<DossierAppraisal>(id, ct);
        if (state?.Summary is null || !Access.MaySee(http.User, state.Summary.NgoId))
            throw new NotFound("appraisal", hidden: state is not null);
        var document = state.PrimeMinisterDocument ?? throw new NotFound("Document");
        return StoredFiles.Serve(http, options.Value, id, document.Id, document.ContentType, document.Name);
    }
}
