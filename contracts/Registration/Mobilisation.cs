namespace Aid.Contracts.Registration;

public sealed record SectorTarget(string Sector, decimal TargetVnd);

/// <summary>Sở Ngoại vụ adopted (or revised) the year's aid mobilisation plan: priority sectors and their targets.</summary>
public sealed record MobilisationPlanAdopted(
    EventMetadata Metadata, Guid PlanId, int Year, IReadOnlyList<SectorTarget> Targets) : IIntegrationEvent;

/// <summary>An entry was published into the province's catalogue of projects calling for aid, for a year.</summary>
public sealed record CatalogueEntryPublished(
    EventMetadata Metadata,
    Guid EntryId,
    string Code,
    string TitleVi,
    string TitleEn,
    string Sector,
    string Commune,
    decimal EstimatedCostVnd,
    DateOnly PublishedOn,
    DateOnly ValidUntil) : IIntegrationEvent;

public enum FundingLevel { Partly, Fully }

/// <summary>An approved dossier citing the entry funds it, fully or in part (FundedVnd: all approved aid so far).</summary>
public sealed record CatalogueEntryFunded(
    EventMetadata Metadata, Guid EntryId, Guid DossierId, FundingLevel Level, decimal FundedVnd) : IDossierEvent;
