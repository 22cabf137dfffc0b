using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Dossiers;

/// <summary><see cref="AnswerBy"/>: by when the NGO should answer (optional; after today).</summary>
public sealed record RequestSupplementRequest(IReadOnlyList<string?>? MissingItems, string? Note, DateOnly? AnswerBy = null);

public sealed record RequestSupplement(IReadOnlyList<string> MissingItems, string? Note, DateOnly Today, DateTimeOffset Now, DateOnly? AnswerBy = null)
{
    public static RequestSupplement From(RequestSupplementRequest? request, TimeProvider clock)
    {
        var check = new InputCheck();
        var items = check.Lines("missingItems", request?.MissingItems, 50);
        var note = check.Paragraphs("note", request?.Note, required: false);
        var now = clock.GetUtcNow();
        var answerBy = check.Date("answerBy", request?.AnswerBy, required: false);
        check.Rule(answerBy is null || answerBy > now.VietnamDate(), "answerBy",
            "Hạn trả lời phải sau ngày hôm nay.", "The answer-by date must be after today.");
        check.ThrowIfInvalid();
        return new RequestSupplement(items, InputCheck.Optional(note), now.VietnamDate(), now, answerBy);
    }

    /// <summary>One complete list, once: the rules on administrative procedures ask intake to say everything
    /// that is missing in one go, so a second request for the same dossier is refused.</summary>
    public static IReadOnlyList<object> Decide(RequestSupplement command, Dossier dossier)
    {
        DossierRules.EnsureAt(dossier, DossierStage.IntakeCheck, "yêu cầu bổ sung / request a supplement");
        if (dossier.SupplementRequests > 0)
            throw new RuleViolation("supplement-already-requested", new Bilingual(
                "Hồ sơ đã được yêu cầu bổ sung một lần; danh sách phải đầy đủ ngay từ lần đầu.",
                "A supplement was already requested once; the list of missing items must be complete the first time."));
        return [new SupplementRequested(dossier.Id, command.MissingItems, command.Note, command.Today, command.Now)
        {
            ReceiptCode = dossier.ReceiptCode, NgoId = dossier.NgoId, AnswerBy = command.AnswerBy,
        }];
    }
}

public static class RequestSupplementEndpoint
{
    public static async Task<Versioned<DossierChanged>> Handle(
        Guid id, RequestSupplementRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = RequestSupplement.From(request, time);
        return await session.RunAsync<Dossier, DossierChanged>(http, id, d => RequestSupplement.Decide(command, d),
            _ => DossierChanged.ReadAsync(session, id, ct));
    }
}
