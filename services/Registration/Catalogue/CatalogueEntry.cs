namespace Aid.Registration.Catalogue;

public enum EntryStatus { Proposed, Returned, Published }

public enum EntryFunding { None, Partly, Fully }

public sealed record ReviewComment(string Comments, DateTimeOffset At);

public sealed record EntryInterest(Guid NgoId, string NgoName, string? Message, DateTimeOffset At);

public sealed record ApprovedFunding(Guid DossierId, decimal ApprovedVnd, DateOnly DecidedOn);

public sealed record ReceivedTranche(Guid DossierId, Guid TrancheId, decimal AmountVnd, DateOnly ReceivedOn);

/// <summary>A catalogue entry (danh mục dự án kêu gọi viện trợ); its stream id is the entry id. Also its read model.</summary>
public sealed record CatalogueEntry
{
    public Guid Id { get; init; }
    public string? Code { get; init; }
    public required EntryContent Content { get; init; }
    public EntryStatus Status { get; init; }
    public string ProposingAgency { get; init; } = "";
    public DateTimeOffset ProposedAt { get; init; }
    public IReadOnlyList<ReviewComment> Returns { get; init; } = [];
    public DateOnly? PublishedOn { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public IReadOnlyList<EntryInterest> Interests { get; init; } = [];
    public IReadOnlyList<ApprovedFunding> Fundings { get; init; } = [];
    public IReadOnlyList<ReceivedTranche> Tranches { get; init; } = [];
    public decimal FundedVnd { get; init; }
    public EntryFunding Funding { get; init; }

    public bool IsPublicOn(DateOnly day) => Status == EntryStatus.Published && ValidUntil >= day;

    public static CatalogueEntry Create(CatalogueEntryProposed e) => new()
    {
        Id = e.EntryId, Content = e.Content, Status = EntryStatus.Proposed, ProposingAgency = e.ProposingAgency, ProposedAt = e.ProposedAt,
    };

    public CatalogueEntry Apply(CatalogueEntryReturned e) => this with
    {
        Status = EntryStatus.Returned, Returns = [.. Returns, new ReviewComment(e.Comments, e.ReturnedAt)],
    };

    public CatalogueEntry Apply(CatalogueEntryResubmitted e) => this with { Status = EntryStatus.Proposed, Content = e.Content };

    public CatalogueEntry Apply(CatalogueEntryPublished e) => this with
    {
        Status = EntryStatus.Published, Code = e.Code, Content = e.Content, PublishedOn = e.PublishedOn, ValidUntil = e.ValidUntil,
    };

    public CatalogueEntry Apply(InterestExpressed e) => this with
    {
        Interests = [.. Interests, new EntryInterest(e.NgoId, e.NgoName, e.Message, e.ExpressedAt)],
    };

    public CatalogueEntry Apply(CatalogueEntryFunded e) => this with
    {
        Fundings = [.. Fundings, new ApprovedFunding(e.DossierId, e.ApprovedVnd, e.DecidedOn)],
        FundedVnd = e.FundedVnd,
        Funding = e.Fully ? EntryFunding.Fully : EntryFunding.Partly,
    };

    public CatalogueEntry Apply(AidReceivedForEntry e) => this with
    {
        Tranches = [.. Tranches, new ReceivedTranche(e.DossierId, e.TrancheId, e.AmountVnd, e.ReceivedOn)],
    };
}
