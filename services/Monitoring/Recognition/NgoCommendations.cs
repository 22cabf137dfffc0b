namespace Aid.Monitoring.Recognition;

public sealed record Proposal(
    Guid Id, string Reason, ContributionRecord Record, string ProposedBy, DateOnly ProposedOn,
    CommendationOutcome? Outcome = null, string? DecisionNumber = null, string? Note = null, string? DecidedBy = null,
    DateOnly? DecidedOn = null)
{
    public bool Pending => Outcome is null;
}

/// <summary>The commendation stream of one NGO (stream id = the NGO's id): its proposals and their decisions.</summary>
public sealed record NgoCommendations(Guid Id, string? NgoName, IReadOnlyList<Proposal> Proposals)
{
    public long Version { get; set; }

    public Proposal? Pending => Proposals.LastOrDefault(p => p.Pending);

    public static NgoCommendations Create(CommendationProposed e) => new NgoCommendations(e.NgoId, e.NgoName, []).Apply(e);

    public NgoCommendations Apply(CommendationProposed e) => this with
    {
        NgoName = e.NgoName ?? NgoName,
        Proposals = [.. Proposals, new Proposal(e.ProposalId, e.Reason, e.Record, e.ProposedBy, e.ProposedOn)],
    };

    public NgoCommendations Apply(CommendationDecided e) => this with
    {
        Proposals = Proposals.Select(p => p.Id == e.ProposalId
            ? p with { Outcome = e.Outcome, DecisionNumber = e.DecisionNumber, Note = e.Note, DecidedBy = e.DecidedBy, DecidedOn = e.DecidedOn }
            : p).ToList(),
    };
}
