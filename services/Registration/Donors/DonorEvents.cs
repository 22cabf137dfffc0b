namespace Aid.Registration.Donors;

/// <summary>Donors beyond the registered NGOs.</summary>
public enum DonorKind { ForeignInvestedEnterprise, Individual, FriendshipAssociation, InternationalOrganisation, Other }

public sealed record DonorDetails(
    DonorKind Kind, string Name, string? Country, string? ContactPerson, string? Email, string? Phone,
    IReadOnlyList<string> Sectors, string? Notes);

public sealed record DonorContactRecorded(Guid DonorId, DonorDetails Details, DateTimeOffset RecordedAt);

public sealed record DonorContactUpdated(Guid DonorId, DonorDetails Details, DateTimeOffset UpdatedAt);

public sealed record FollowUp(string Action, string? Owner, DateOnly? DueDate);

/// <summary>A meeting or dialogue with NGOs and donors: when, who took part, what was discussed, what follows.</summary>
public sealed record DialogueRecorded(
    Guid DialogueId, DateOnly HeldOn, string Title, IReadOnlyList<Guid> NgoIds, IReadOnlyList<Guid> DonorIds,
    IReadOnlyList<string> Participants, IReadOnlyList<string> Topics, IReadOnlyList<FollowUp> FollowUps, string? Notes,
    DateTimeOffset RecordedAt);

public sealed record FollowUpCompleted(Guid DialogueId, int Index, string? Outcome, DateTimeOffset CompletedAt);
