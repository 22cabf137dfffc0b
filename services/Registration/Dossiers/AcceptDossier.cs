using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Dossiers;

public enum DecidedBy { Province, PrimeMinister }

/// <summary>
/// The officer confirms who decides the aid (<see cref="Classification"/>): leave <c>DecidedBy</c> out to confirm what
/// the ticked areas give, or set it with a reason to change it.
/// </summary>
public sealed record AcceptDossierRequest(DecidedBy? DecidedBy, string? ClassificationReason);

/// <summary>Officer: the name of the intake officer who received the dossier (printed on the receipt).</summary>
public sealed record AcceptDossier(DateOnly Today, DateTimeOffset Now, string? Officer = null)
{
    public bool? PrimeMinisterMatter { get; init; }
    public string? ClassificationReason { get; init; }

    public static AcceptDossier From(AcceptDossierRequest? request, Actor actor, TimeProvider clock)
    {
        var reason = InputCheck.Validated(check => check.Paragraphs("classificationReason", request?.ClassificationReason, required: false));
        var now = clock.GetUtcNow();
        return new AcceptDossier(now.VietnamDate(), now, actor.Name)
        {
            PrimeMinisterMatter = request?.DecidedBy is { } by ? by == DecidedBy.PrimeMinister : null,
            ClassificationReason = InputCheck.Optional(reason),
        };
    }

    /// <summary>The intake check passed: the dossier goes to the security check with its public summary.</summary>
    public static IReadOnlyList<object> Decide(AcceptDossier command, Dossier dossier)
    {
        DossierRules.EnsureAt(dossier, DossierStage.IntakeCheck, "tiếp nhận / accept");
        if (RequiredDocuments.NotUploaded(dossier) is { Count: > 0 } missing)
        {
            var named = missing.Select(d => (Label: RequiredDocuments.LabelOf(d.Kind), d.Name)).ToList();
            throw new RuleViolation("documents-not-uploaded", new Bilingual(
                "Chưa nhận được tệp của tài liệu bắt buộc đã kê khai: " + string.Join("; ", named.Select(d => $"{d.Label.Vi} ({d.Name})")) + ".",
                "The files of these declared required documents never arrived: " + string.Join("; ", named.Select(d => $"{d.Label.En} ({d.Name})")) + "."))
            {
                Details = new Dictionary<string, object>
                {
                    ["missingDocuments"] = named.Select(d => new { vi = d.Label.Vi, en = d.Label.En, name = d.Name }).ToList(),
                },
            };
        }
        var content = dossier.Content!;
        return
        [
            new DossierAccepted(dossier.Id, dossier.ReceiptCode, dossier.NgoId, content.Kind.ToString(),
                content.SensitiveAreas.Select(a => a.ToString()).ToList(), command.Now)
            {
                NgoName = dossier.NgoName,
                Title = content.Title,
                TitleEn = content.TitleEn,
                Fields = content.Fields,
                Locations = content.Locations,
                Amount = content.Budget.Amount,
                Currency = content.Budget.Currency,
                AmountVnd = content.Budget.AmountVnd,
                StartDate = content.StartDate,
                EndDate = content.EndDate,
                AppointmentDate = dossier.AppointmentDate,
                AcceptedOn = command.Today,
                IntakeOnTime = dossier.Intake is null || command.Today <= dossier.Intake.OriginalDueDate,
                NgoCountry = dossier.NgoCountry,
                ReceiptDate = dossier.ReceiptDate,
                IntakeDueDate = dossier.Intake?.OriginalDueDate,
                CatalogueEntryId = dossier.CatalogueEntryId,
                Objectives = content.Objectives,
                AcceptedBy = command.Officer,
                Classification = Classification.Confirmed(content.SensitiveAreas, command.PrimeMinisterMatter, command.ClassificationReason),
            },
        ];
    }
}

public static class AcceptDossierEndpoint
{
    public static async Task<Versioned<DossierChanged>> Handle(
        Guid id, AcceptDossierRequest? request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = AcceptDossier.From(request, Actor.From(http.User), time);
        return await session.RunAsync<Dossier, DossierChanged>(http, id, d => AcceptDossier.Decide(command, d),
            _ => DossierChanged.ReadAsync(session, id, ct));
    }
}
