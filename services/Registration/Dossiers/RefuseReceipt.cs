using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Dossiers;

public sealed record RefuseReceiptRequest(string? Reason);

/// <summary>Officer: the intake officer who refused, named on the NGO's page beside the reason.</summary>
public sealed record RefuseReceipt(string Reason, string Officer, DateOnly Today, DateTimeOffset Now)
{
    public static RefuseReceipt From(RefuseReceiptRequest? request, Actor actor, TimeProvider clock)
    {
        var reason = InputCheck.Validated(check => check.Paragraphs("reason", request?.Reason));
        var now = clock.GetUtcNow();
        return new RefuseReceipt(reason, actor.Name, now.VietnamDate(), now);
    }

    /// <summary>
    /// Từ chối tiếp nhận: the intake officer refuses to receive a dossier at the intake check, in writing with the
    /// reason. The dossier ends there: it goes to no other agency; the NGO may submit a new one.
    /// </summary>
    public static IReadOnlyList<object> Decide(RefuseReceipt command, Dossier dossier)
    {
        DossierRules.EnsureAt(dossier, DossierStage.IntakeCheck, "từ chối tiếp nhận / refuse to receive");
        return [new DossierReceiptRefused(dossier.Id, dossier.ReceiptCode, dossier.NgoId, command.Reason, command.Officer,
            command.Today, command.Now)];
    }
}

public static class RefuseReceiptEndpoint
{
    public static async Task<Versioned<DossierChanged>> Handle(
        Guid id, RefuseReceiptRequest? request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = RefuseReceipt.From(request, Actor.From(http.User), time);
        return await session.RunAsync<Dossier, DossierChanged>(http, id, d => RefuseReceipt.Decide(command, d),
            _ => DossierChanged.ReadAsync(session, id, ct));
    }
}
