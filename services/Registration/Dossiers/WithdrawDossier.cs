using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Dossiers;

public sealed record WithdrawDossierRequest(string? Reason);

public sealed record WithdrawDossier(string Reason, DateTimeOffset Now)
{
    public static WithdrawDossier From(WithdrawDossierRequest? request, TimeProvider clock) =>
        new(InputCheck.Validated(check => check.Paragraphs("reason", request?.Reason)), clock.GetUtcNow());

    /// <summary>The NGO may withdraw until UBND tỉnh decides (a DossierDecided received ends that right).</summary>
    public static IReadOnlyList<object> Decide(WithdrawDossier command, Dossier dossier)
    {
        if (dossier.Stage == DossierStage.Withdrawn)
            throw new RuleViolation("already-withdrawn", new Bilingual("Hồ sơ đã được rút.", "The dossier was already withdrawn."));
        if (dossier.Stage == DossierStage.ReceiptRefused)
            throw new RuleViolation("receipt-refused", new Bilingual(
                "Sở Ngoại vụ đã từ chối tiếp nhận hồ sơ; không cần rút.", "The Department of Foreign Affairs refused to receive the dossier; there is nothing to withdraw."));
        if (dossier.Decided || dossier.Stage > DossierStage.Decision)
            throw new RuleViolation("already-decided", new Bilingual(
                "Hồ sơ đã có quyết định; không thể rút.", "The dossier has been decided; it can no longer be withdrawn."));
        return [new DossierWithdrawn(dossier.Id, dossier.ReceiptCode, command.Reason, command.Now)
        {
            WasAccepted = dossier.Stage is not (DossierStage.IntakeCheck or DossierStage.SupplementRequested),
        }];
    }
}

public static class WithdrawDossierEndpoint
{
    public static async Task<Versioned<DossierChanged>> Handle(
        Guid id, WithdrawDossierRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = WithdrawDossier.From(request, time);
        var actor = Actor.From(http.User);
        return await session.RunAsync<Dossier, DossierChanged>(http, id, d => WithdrawDossier.Decide(command, d),
            _ => DossierChanged.ReadAsync(session, id, ct), d => actor.EnsureMaySee(d.NgoId, "Dossier"));
    }
}
