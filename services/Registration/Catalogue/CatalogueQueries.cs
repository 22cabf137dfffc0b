using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Catalogue;

/// <summary>A published entry as anyone may read it, without sign-in: bilingual, no contact of the proposer's staff beyond the one given.</summary>
public sealed record PublicEntry(
    Guid Id, string Code, string TitleVi, string TitleEn, string? SummaryVi, string? SummaryEn,
    string Sector, Bilingual SectorLabel, string Commune, string Beneficiaries,
    decimal EstimatedCostVnd, decimal CounterpartFundsVnd, decimal AidNeededVnd, EntryPriority Priority,
    string ProposingBody, EntryContact Contact, DateOnly PublishedOn, DateOnly ValidUntil, EntryFunding Funding)
{
    public static PublicEntry Of(CatalogueEntry e) => new(
        e.Id, e.Code!, e.Content.TitleVi, e.Content.TitleEn, e.Content.SummaryVi, e.Content.SummaryEn,
        e.Content.Sector, Sectors.Label(e.Content.Sector), e.Content.Commune, e.Content.Beneficiaries,
        e.Content.EstimatedCostVnd, e.Content.CounterpartFundsVnd, e.Content.AidNeededVnd, e.Content.Priority,
        e.Content.ProposingBody, e.Content.Contact, e.PublishedOn!.Value, e.ValidUntil!.Value, e.Funding);
}

public sealed record EntrySummary(
    Guid Id, string? Code, string TitleVi, string TitleEn, string Sector, string Commune, string ProposingAgency,
    EntryStatus Status, Bilingual StatusLabel, DateOnly? ValidUntil, EntryFunding Funding, int Interests);

/// <summary>An interest the caller's NGO expressed, with the entry it concerns.</summary>
public sealed record OwnInterest(Guid EntryId, string? Code, string TitleVi, string TitleEn, string? Message, DateTimeOffset At);

public static class CatalogueQueries
{
    public const int MaxResults = 200;

    /// <summary>The public catalogue: published, unexpired entries, by sector and commune/ward (part of its name, any case, diacritics optional).</summary>
    public static async Task<IResult> Search(
        string? sector, string? commune, IQuerySession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var sectorCode = string.IsNullOrWhiteSpace(sector) ? null : check.Sector("sector", sector);
        var place = check.Line("commune", commune, 200, required: false);
        check.ThrowIfInvalid();
        var today = time.VietnamToday();
        var query = session.Query<CatalogueEntry>().Where(e => e.Status == EntryStatus.Published);
        if (sectorCode is not null)
            query = query.Where(e => e.Content.Sector == sectorCode);
        var entries = await query.ToListAsync(ct);
        return Results.Ok(entries
            .Where(e => e.IsPublicOn(today))
            .Where(e => PlaceSearch.Matches(e.Content.Commune, place))
            .OrderBy(e => e.Content.Priority).ThenByDescending(e => e.PublishedOn).ThenBy(e => e.Code)
            .Take(MaxResults)
            .Select(PublicEntry.Of)
            .ToList());
    }

    public static async Task<IResult> PublicById(Guid id, IQuerySession session, TimeProvider time, CancellationToken ct)
    {
        var entry = await session.LoadAsync<CatalogueEntry>(id, ct);
        return entry is not null && entry.IsPublicOn(time.VietnamToday())
            ? Results.Ok(PublicEntry.Of(entry))
            : throw new NotFound("CatalogueEntry");
    }

    public static IResult SectorList() => Results.Ok(Sectors.All);

    /// <summary>Proposals and entries for the people who handle them; proposers see only their own agency's.</summary>
    public static async Task<IResult> List(EntryStatus? status, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        var query = session.Query<CatalogueEntry>().AsQueryable();
        if (actor.Role == Roles.LocalProposer)
            query = query.Where(e => e.ProposingAgency == actor.Agency);
        if (status is { } s)
            query = query.Where(e => e.Status == s);
        var entries = await query.OrderByDescending(e => e.ProposedAt).Take(MaxResults).ToListAsync(ct);
        return Results.Ok(entries.Select(e => new EntrySummary(
            e.Id, e.Code, e.Content.TitleVi, e.Content.TitleEn, e.Content.Sector, e.Content.Commune, e.ProposingAgency,
            e.Status, CatalogueRules.StatusLabel(e.Status), e.ValidUntil, e.Funding, e.Interests.Count)).ToList());
    }

    public static async Task<Versioned<CatalogueEntry>> ById(Guid id, HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var entry = await session.LoadVisibleAsync(id, Actor.From(http.User), ct);
        var version = (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0;
        return Versioned.Ok(entry, version);
    }

    /// <summary>What the caller's NGO has expressed interest in (only published entries take interest; the catalogue is small).</summary>
    public static async Task<IResult> OwnInterests(HttpContext http, IQuerySession session, CancellationToken ct)
    {
        var ngo = Actor.From(http.User).NgoId;
        var entries = await session.Query<CatalogueEntry>().Where(e => e.Status == EntryStatus.Published).ToListAsync(ct);
        return Results.Ok(entries
            .SelectMany(e => e.Interests.Where(i => i.NgoId == ngo)
                .Select(i => new OwnInterest(e.Id, e.Code, e.Content.TitleVi, e.Content.TitleEn, i.Message, i.At)))
            .OrderByDescending(i => i.At)
            .ToList());
    }
}
