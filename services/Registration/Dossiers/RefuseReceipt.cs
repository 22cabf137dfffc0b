using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Dossiers;

public sealed record RefuseReceiptRequest(string? Reason);

/// <summary>Officer: the intake officer who refused, named on the NGO's page beside the reason.</summary>
public sealed record RefuseReceipt(string Reason, string Officer, DateOnly Today, DateTimeOffset Now);

public static class RefuseReceiptCommand
{
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

    public static async Task<IResult> Handle(
        Guid id, RefuseReceiptRequest? request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var reason = check.Paragraphs("reason", request?.Reason);
        check.ThrowIfInvalid();
        var now = time.GetUtcNow();
        var actor = Actor.From(http.User);
        var command = new RefuseReceipt(reason, actor.Name, now.VietnamDate(), now);
        session.ActingAs(actor, http);
        await session.DecideAsync<Dossier>(id, http.Request.ExpectedVersion(), d => Decide(command, d), ct);
        return await DossierRules.ChangedAsync(http, session, id, ct);
    }
}
