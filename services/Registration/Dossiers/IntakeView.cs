using Aid.Registration.Catalogue;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Dossiers;

/// <summary>One supplement request and the NGO's answer to it (none while the NGO has not answered).</summary>
public sealed record SupplementRound(
    DateOnly RequestedOn, IReadOnlyList<string> MissingItems, string? Note, DateOnly? AnswerBy,
    DateOnly? AnsweredOn, string? AnswerNote, IReadOnlyList<SupplementAnswer> Answers);

/// <summary>The catalogue entry (danh mục kêu gọi viện trợ) the dossier cites.</summary>
public sealed record CitedCatalogueEntry(Guid Id, string? Code, string TitleVi, string TitleEn);

/// <summary>
/// Everything the NGO submitted, as the intake officer reads it at the intake check: the content (budget in its
/// currency and in VND, sensitive areas), the cited catalogue entry, each supplement request with the NGO's answers,
/// the files that arrived (downloadable) and the required ones declared but never uploaded. The names of the status
/// fields are those of <see cref="DossierStatus"/>.
/// </summary>
public sealed record IntakeDossierView(
    Guid DossierId, string ReceiptCode, string NgoName, string? NgoCountry, string Title, string Stage, Label StageLabel,
    DateOnly ReceiptDate, DateOnly AppointmentDate, DateOnly? StageDueDate, DecidedBy ProposedDecidedBy, long Version)
{
    public DossierContent? Content { get; init; }
    public CitedCatalogueEntry? CatalogueEntry { get; init; }
    public IReadOnlyList<SupplementRound> Supplements { get; init; } = [];
    public IReadOnlyList<StoredDocument> Uploaded { get; init; } = [];
    public IReadOnlyList<DossierDocument> NotUploaded { get; init; } = [];
    public ReceiptRefusal? Refusal { get; init; }
    public string? ReceivedBy { get; init; }
    public IReadOnlyList<PublicStep> Timeline { get; init; } = [];
}

public static class IntakeView
{
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var dossier = await session.LoadAsync<Dossier>(id, ct);
        if (dossier is null || !Actor.From(http.User).MaySee(dossier.NgoId))
            throw new NotFound("Dossier", hidden: dossier is not null);
        // The supplement history is read from the stream: the dossier keeps only the open request.
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var entry = dossier.CatalogueEntryId is { } entryId ? await session.LoadAsync<CatalogueEntry>(entryId, ct) : null;
        var status = DossierStatusQueries.StatusOf(dossier, events.Count == 0 ? 0 : events[^1].Version);
        http.Response.Headers.ETag = $"\"{status.Version}\"";
        return Results.Ok(new IntakeDossierView(dossier.Id, dossier.ReceiptCode, dossier.NgoName, dossier.NgoCountry, status.Title,
            status.Stage, status.StageLabel, dossier.ReceiptDate, dossier.AppointmentDate, status.StageDueDate, status.ProposedDecidedBy,
            status.Version)
        {
            Content = dossier.Content,
            CatalogueEntry = entry is null ? null : new CitedCatalogueEntry(entry.Id, entry.Code, entry.Content.TitleVi, entry.Content.TitleEn),
            Supplements = RoundsOf(events.Select(e => e.Data)),
            Uploaded = dossier.UploadedDocuments,
            NotUploaded = RequiredDocuments.NotUploaded(dossier),
            Refusal = dossier.Refusal,
            ReceivedBy = dossier.ReceivedBy,
            Timeline = status.Timeline,
        });
    }

    private static List<SupplementRound> RoundsOf(IEnumerable<object> events)
    {
        var rounds = new List<SupplementRound>();
        foreach (var e in events)
        {
            if (e is SupplementRequested s)
                rounds.Add(new SupplementRound(s.RequestedOn, s.MissingItems, s.Note, s.AnswerBy, null, null, []));
            else if (e is DossierResubmitted r && rounds.Count > 0)
                rounds[^1] = rounds[^1] with { AnsweredOn = r.ResubmittedOn, AnswerNote = r.Note, Answers = r.Answers };
        }
        return rounds;
    }
}
