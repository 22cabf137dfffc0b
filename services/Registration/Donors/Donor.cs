namespace Aid.Registration.Donors;

/// <summary>A donor contact kept by Sở Ngoại vụ; its stream id is the donor id.</summary>
public sealed record Donor
{
    public Guid Id { get; init; }
    public required DonorDetails Details { get; init; }
    public DateTimeOffset RecordedAt { get; init; }

    public static Donor Create(DonorContactRecorded e) => new() { Id = e.DonorId, Details = e.Details, RecordedAt = e.RecordedAt };

    public Donor Apply(DonorContactUpdated e) => this with { Details = e.Details };
}

public sealed record FollowUpState(string Action, string? Owner, DateOnly? DueDate, bool Done = false, string? Outcome = null);

/// <summary>A recorded meeting or dialogue; its stream id is the dialogue id.</summary>
public sealed record Dialogue
{
    public Guid Id { get; init; }
    public DateOnly HeldOn { get; init; }
    public string Title { get; init; } = "";
    public IReadOnlyList<Guid> NgoIds { get; init; } = [];
    public IReadOnlyList<Guid> DonorIds { get; init; } = [];
    public IReadOnlyList<string> Participants { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<FollowUpState> FollowUps { get; init; } = [];
    public string? Notes { get; init; }

    public static Dialogue Create(DialogueRecorded e) => new()
    {
        Id = e.DialogueId, HeldOn = e.HeldOn, Title = e.Title, NgoIds = e.NgoIds, DonorIds = e.DonorIds,
        Participants = e.Participants, Topics = e.Topics, Notes = e.Notes,
        FollowUps = e.FollowUps.Select(f => new FollowUpState(f.Action, f.Owner, f.DueDate)).ToList(),
    };

    public Dialogue Apply(FollowUpCompleted e) => this with
    {
        FollowUps = FollowUps.Select((f, i) => i == e.Index ? f with { Done = true, Outcome = e.Outcome } : f).ToList(),
    };
}
