namespace Aid.Monitoring.Recognition;

/// <summary>An administrator set what an NGO's contribution must reach to be proposed for commendation.</summary>
public sealed record CommendationCriteriaSet(
    decimal MinCommittedVnd,
    decimal MinReceivedVnd,
    int MinCompletedProjects,
    decimal MinOnTimeReportPercent,
    bool NoNonCompliantInspection,
    string SetBy,
    DateTimeOffset SetAt);

/// <summary>Sở Ngoại vụ proposed the NGO for commendation by UBND tỉnh, on its contribution record as it stood.</summary>
public sealed record CommendationProposed(
    Guid ProposalId, Guid NgoId, string? NgoName, string Reason, ContributionRecord Record, string ProposedBy, DateOnly ProposedOn);

public enum CommendationOutcome { Commended, NotCommended }

/// <summary>UBND tỉnh decided on the pending proposal.</summary>
public sealed record CommendationDecided(
    Guid ProposalId, CommendationOutcome Outcome, string? DecisionNumber, string? Note, string DecidedBy, DateOnly DecidedOn);
