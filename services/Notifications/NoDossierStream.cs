using Aid.ServiceDefaults.Audit;
using Marten;

namespace Aid.Notifications;

/// <summary>The notifications keep documents, not dossier streams: the shared audit endpoints find no dossier here.</summary>
public sealed class NoDossierStream : AuditedDossier
{
    public override Task<IReadOnlyDictionary<string, object?>> StatesAsync(
        IQuerySession session, StreamPoint point, ICollection<string> redacted, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?>());
}
