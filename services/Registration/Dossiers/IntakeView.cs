using Aid.Contracts.Desks;
using Aid.Registration.Catalogue;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Dossiers;

public static class IntakeView
{
    public static async Task<Versioned<IntakeDossierView>> Get(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var dossier = await session.LoadAsync<Dossier>(id, ct);
        if (dossier is null || !Actor.From(http.User).MaySee(dossier.NgoId))
            throw new NotFound("Dossier", hidden: dossier is not null);
        // The supplement history is read from the stream: the dossier keeps only the open request.
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var entry = dossier.CatalogueEntryId is { } entryId ? await session.LoadAsync<CatalogueEntry>(entryId, ct) : null;
        var status = await session.LoadAsync<DossierStatus>(id, ct) ?? throw new NotFound("Dossier");
        return Versioned.Ok(new IntakeDossierView(dossier.Id, dossier.ReceiptCode, dossier.NgoName, dossier.NgoCountry, status.Title,
            status.Stage, dossier.ReceiptDate, dossier.AppointmentDate, status.StageDueDate, status.ProposedDecidedBy.ToString(),
            status.Version)
        {
            Content = dossier.Content is { } c ? Submitted(c) : null,
            CatalogueEntry = entry is null ? null : new CitedCatalogueEntry(entry.Id, entry.Code, entry.Content.TitleVi, entry.Content.TitleEn),
            Supplements = RoundsOf(events.Select(e => e.Data)),
            Uploaded = dossier.UploadedDocuments,
            NotUploaded = [.. RequiredDocuments.NotUploaded(dossier).Select(Declared)],
            Refusal = dossier.Refusal,
            ReceivedBy = status.ReceivedBy,
            Timeline = status.Timeline,
        }, status.Version);
    }

    private static List<SupplementRound> RoundsOf(IEnumerable<object> events)
    {
        var rounds = new List<SupplementRound>();
        foreach (var e in events)
        {
            if (e is SupplementRequested s)
                rounds.Add(new SupplementRound(s.RequestedOn, s.MissingItems, s.Note, s.AnswerBy, null, null, []));
            else if (e is DossierResubmitted r && rounds.Count > 0)
                rounds[^1] = rounds[^1] with
                {
                    AnsweredOn = r.ResubmittedOn, AnswerNote = r.Note,
                    Answers = [.. r.Answers.Select(a => new SuppliedItem(a.Item, a.Document is { } d ? Declared(d) : null, a.Note))],
                };
        }
        return rounds;
    }

    private static SubmittedContent Submitted(DossierContent c) => new(
        c.Kind.ToString(), c.Title, c.AidOwner, c.ManagingAgency, c.Fields, c.Locations,
        new SubmittedBudget(c.Budget.Amount, c.Budget.Currency, c.Budget.ExchangeRate, c.Budget.AmountVnd, c.Budget.CounterpartFundingVnd),
        c.StartDate, c.EndDate, c.Objectives, c.Beneficiaries, [.. c.Documents.Select(Declared)], [.. c.SensitiveAreas.Select(a => a.ToString())])
    {
        TitleEn = c.TitleEn,
    };

    private static DeclaredDocument Declared(DossierDocument d) => new(d.Kind, d.Name, d.SizeBytes, d.Sha256);
}
