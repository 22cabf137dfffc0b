using Aid.Contracts.Security;
using Marten.Events.Projections;

namespace Aid.Security.Reviews;

/// <summary>What this service remembers of an NGO across its dossiers: the reviews that ended in an objection.</summary>
public sealed class NgoSecurityHistory
{
    public Guid Id { get; set; }
    public List<Guid> ObjectedDossiers { get; set; } = [];

    public bool HadObjection => ObjectedDossiers.Count > 0;
}

public sealed class NgoSecurityHistoryProjection : MultiStreamProjection<NgoSecurityHistory, Guid>
{
    public NgoSecurityHistoryProjection() => Identity<ReviewConcluded>(e => e.NgoId);

    public void Apply(ReviewConcluded e, NgoSecurityHistory history)
    {
        if (e.Verdict == SecurityVerdict.Objection && !history.ObjectedDossiers.Contains(e.DossierId))
            history.ObjectedDossiers.Add(e.DossierId);
    }
}
