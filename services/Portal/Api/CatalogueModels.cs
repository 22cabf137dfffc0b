namespace Aid.Portal.Api;

/// <summary>What a commune/ward or department proposed for the catalogue, as Registration keeps it.</summary>
public sealed record EntryContentView(
    string TitleVi, string TitleEn, string? SummaryVi, string? SummaryEn, string Sector, string Commune, string Beneficiaries,
    decimal EstimatedCostVnd, decimal CounterpartFundsVnd, string Priority, string ProposingBody, CatalogueContact Contact)
{
    public decimal AidNeededVnd => Math.Max(0, EstimatedCostVnd - CounterpartFundsVnd);
}

public sealed record EntryReturnView(string Comments, DateTimeOffset At);

public sealed record EntryInterestView(Guid NgoId, string NgoName, string? Message, DateTimeOffset At);

/// <summary>A proposal or entry from /catalogue/entries/{id} (its proposer's agency and Sở Ngoại vụ read it).</summary>
public sealed record CatalogueEntryView(
    Guid Id, string? Code, EntryContentView Content, string Status, string ProposingAgency, DateTimeOffset ProposedAt,
    IReadOnlyList<EntryReturnView> Returns, DateOnly? PublishedOn, DateOnly? ValidUntil, IReadOnlyList<EntryInterestView> Interests,
    decimal FundedVnd, string Funding)
{
    public EntryReturnView? LastReturn => Returns.Count > 0 ? Returns[^1] : null;
}

public sealed record EntrySummaryView(
    Guid Id, string? Code, string TitleVi, string TitleEn, string Sector, string Commune, string ProposingAgency,
    string Status, DateOnly? ValidUntil, string Funding, int Interests)
{
    public string Title => Texts.L(TitleVi, TitleEn);
}

public sealed record EntryChangedView(Guid EntryId, string Status, long Version);

/// <summary>An interest the signed-in NGO expressed (/catalogue/interests).</summary>
public sealed record OwnInterestView(Guid EntryId, string? Code, string TitleVi, string TitleEn, string? Message, DateTimeOffset At);

/// <summary>A catalogue entry's state in words, naming who has it next.</summary>
public static class EntryStates
{
    public static string Words(string status, DateOnly? validUntil = null) => status switch
    {
        "Proposed" => Texts.L("Đang chờ Sở Ngoại vụ xem xét", "Waiting for review by the Department of Foreign Affairs"),
        "Returned" => Texts.L("Sở Ngoại vụ đã trả lại để chỉnh sửa", "Returned for changes by the Department of Foreign Affairs"),
        "Published" => Texts.L($"Đã công bố, hiệu lực đến {Texts.Date(validUntil)}", $"Published, open until {Texts.Date(validUntil)}"),
        _ => Labels.CodeLabels.Of("entryStatus", status),
    };
}

public static class CataloguePlaces
{
    /// <summary>The communes and wards already named in the catalogue (published, and the reader's own proposals), to choose from.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(ServiceApi api)
    {
        var published = (await api.GetAsync<List<PublicCatalogueEntry>>(Service.Registration, "/public/catalogue")).Value ?? [];
        var own = (await api.GetAsync<List<EntrySummaryView>>(Service.Registration, "/catalogue/entries")).Value ?? [];
        return published.Select(e => e.Commune).Concat(own.Select(e => e.Commune))
            .Distinct(StringComparer.CurrentCultureIgnoreCase).Order(StringComparer.Create(System.Globalization.CultureInfo.CurrentUICulture, true)).ToList();
    }
}
