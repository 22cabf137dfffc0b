namespace Aid.Registration.Catalogue;

public enum EntryPriority { High, Medium, Low }

public sealed record EntryContact(string Name, string? Phone, string? Email);

/// <summary>What a commune/ward or department proposes: bilingual, so the published entry can be read by donors.</summary>
public sealed record EntryContent(
    string TitleVi,
    string TitleEn,
    string? SummaryVi,
    string? SummaryEn,
    string Sector,
    string Commune,
    string Beneficiaries,
    decimal EstimatedCostVnd,
    decimal CounterpartFundsVnd,
    EntryPriority Priority,
    string ProposingBody,
    EntryContact Contact)
{
    /// <summary>What aid has to cover: the estimated cost less the counterpart funds the province puts in.</summary>
    public decimal AidNeededVnd => Math.Max(0, EstimatedCostVnd - CounterpartFundsVnd);
}

public sealed record CatalogueEntryProposed(Guid EntryId, EntryContent Content, string ProposingAgency, DateTimeOffset ProposedAt);

/// <summary>Sở Ngoại vụ sent the proposal back with its comments.</summary>
public sealed record CatalogueEntryReturned(Guid EntryId, string Comments, DateTimeOffset ReturnedAt);

public sealed record CatalogueEntryResubmitted(Guid EntryId, EntryContent Content, DateTimeOffset ResubmittedAt);

/// <summary>Published into the province's catalogue, public until <see cref="ValidUntil"/> (one year).</summary>
public sealed record CatalogueEntryPublished(
    Guid EntryId, string Code, EntryContent Content, DateOnly PublishedOn, DateOnly ValidUntil, DateTimeOffset PublishedAt);

public sealed record InterestExpressed(Guid EntryId, Guid NgoId, string NgoName, string? Message, DateTimeOffset ExpressedAt);

/// <summary>
/// An approved dossier citing the entry funds it: <see cref="FundedVnd"/> is all approved aid so far; fully funded
/// once it covers the aid needed (estimated cost less counterpart funds).
/// </summary>
public sealed record CatalogueEntryFunded(
    Guid EntryId, Guid DossierId, decimal ApprovedVnd, DateOnly DecidedOn, decimal FundedVnd, bool Fully, DateTimeOffset FundedAt);

/// <summary>Monitoring recorded a tranche of aid reaching a project that answers the entry.</summary>
public sealed record AidReceivedForEntry(Guid EntryId, Guid DossierId, Guid TrancheId, decimal AmountVnd, DateOnly ReceivedOn, DateTimeOffset RecordedAt);
