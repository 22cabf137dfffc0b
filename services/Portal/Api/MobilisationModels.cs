namespace Aid.Portal.Api;

/// <summary>A bilingual label as the services send it.</summary>
public sealed record LabelVnEn(string Vi, string En)
{
    public override string ToString() => Texts.L(Vi, En);
}

public sealed record SectorOption(string Code, string Vi, string En)
{
    public string Label => Texts.L(Vi, En);
}

public sealed record CatalogueContact(string Name, string? Phone, string? Email);

/// <summary>A published catalogue entry (danh mục dự án kêu gọi viện trợ), from /public/catalogue.</summary>
public sealed record PublicCatalogueEntry(
    Guid Id, string Code, string TitleVi, string TitleEn, string? SummaryVi, string? SummaryEn,
    string Sector, LabelVnEn SectorLabel, string Commune, string Beneficiaries,
    decimal EstimatedCostVnd, decimal CounterpartFundsVnd, decimal AidNeededVnd, string Priority,
    string ProposingBody, CatalogueContact Contact, DateOnly PublishedOn, DateOnly ValidUntil, string Funding)
{
    public string Title => Texts.L(TitleVi, TitleEn);
    public string OtherTitle => Texts.L(TitleEn, TitleVi);
    public string? Summary => Texts.L(SummaryVi ?? SummaryEn ?? "", SummaryEn ?? SummaryVi ?? "") is { Length: > 0 } s ? s : null;
}

public sealed record SectorProgressRow(
    string Sector, LabelVnEn Label, decimal? TargetVnd, decimal CommittedVnd, decimal ReceivedVnd, double? CommittedShare, int Entries);

public sealed record MobilisationProgressView(
    int Year, int? Revision, IReadOnlyList<SectorProgressRow> Sectors, decimal TargetVnd, decimal CommittedVnd, decimal ReceivedVnd);
