using Aid.Registration.Ngos;
using Aid.ServiceDefaults.Audit;
using Marten;

namespace Aid.Registration.Dossiers;

/// <summary>
/// For auditors: the dossier as Sở Ngoại vụ held it at a point, the status page the NGO saw then, and the NGO's
/// registry record as it stood at that instant.
/// </summary>
public sealed class DossierAudit : AuditedDossier
{
    public override async Task<IReadOnlyDictionary<string, object?>> StatesAsync(
        IQuerySession session, StreamPoint point, ICollection<string> redacted, CancellationToken ct)
    {
        var dossier = await session.Events.AggregateStreamAsync<Dossier>(point.DossierId, point.Version, token: ct);
        var ngo = dossier is null ? null : await session.Events.AggregateStreamAsync<Ngo>(dossier.NgoId, timestamp: point.At, token: ct);
        return new Dictionary<string, object?>
        {
            ["dossier"] = dossier,
            ["statusView"] = dossier is null ? null
                : await session.Events.AggregateStreamAsync<DossierStatus>(point.DossierId, point.Version, token: ct),
            ["ngo"] = ngo,
        };
    }

    public override async Task<Guid?> FindByReceiptAsync(IQuerySession session, string receiptCode, CancellationToken ct) =>
        (await session.Query<Dossier>().FirstOrDefaultAsync(d => d.ReceiptCode == receiptCode, ct))?.Id;
}
