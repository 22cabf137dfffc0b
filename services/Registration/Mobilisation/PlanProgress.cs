using Aid.Registration.Catalogue;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Mobilisation;

public sealed record SectorProgress(
    string Sector, Bilingual Label, decimal? TargetVnd, decimal CommittedVnd, decimal ReceivedVnd, double? CommittedShare, int Entries);

public sealed record PlanProgressView(int Year, int? Revision, IReadOnlyList<SectorProgress> Sectors, decimal TargetVnd, decimal CommittedVnd, decimal ReceivedVnd);

/// <summary>
/// The plan against what came of the catalogue: committed = aid approved in the year for dossiers citing an entry of
/// the sector (by decision date); received = tranches received in the year for those projects (by receipt date).
/// Sectors outside the plan that still drew aid are listed without a target.
/// </summary>
public static class PlanProgress
{
    public static PlanProgressView Compute(int year, MobilisationPlan? plan, IReadOnlyList<CatalogueEntry> entries)
    {
        var targets = plan?.Targets ?? [];
        var sectors = targets.Select(t => t.Sector)
            .Concat(entries.Where(e => e.Fundings.Any(f => f.DecidedOn.Year == year) || e.Tranches.Any(t => t.ReceivedOn.Year == year))
                .Select(e => e.Content.Sector))
            .Distinct().ToList();
        var rows = sectors.Select(sector =>
        {
            var ofSector = entries.Where(e => e.Content.Sector == sector).ToList();
            var committed = ofSector.SelectMany(e => e.Fundings).Where(f => f.DecidedOn.Year == year).Sum(f => f.ApprovedVnd);
            var received = ofSector.SelectMany(e => e.Tranches).Where(t => t.ReceivedOn.Year == year).Sum(t => t.AmountVnd);
            var target = targets.FirstOrDefault(t => t.Sector == sector)?.TargetVnd;
            return new SectorProgress(sector, Sectors.Label(sector), target, committed, received,
                target is > 0 ? (double)(committed / target.Value) : null,
                ofSector.Count(e => e.Status == EntryStatus.Published));
        }).ToList();
        return new PlanProgressView(year, plan?.Revision, rows, targets.Sum(t => t.TargetVnd), rows.Sum(r => r.CommittedVnd), rows.Sum(r => r.ReceivedVnd));
    }

    public static async Task<IResult> Get(int year, IQuerySession session, CancellationToken ct)
    {
        var plan = await session.LoadAsync<MobilisationPlan>(MobilisationPlan.IdOf(year), ct);
        var entries = await session.Query<CatalogueEntry>().Where(e => e.Status == EntryStatus.Published).ToListAsync(ct);
        return Results.Ok(Compute(year, plan, entries));
    }

    public static async Task<Versioned<MobilisationPlan>> GetPlan(int year, IQuerySession session, CancellationToken ct)
    {
        var plan = await session.LoadAsync<MobilisationPlan>(MobilisationPlan.IdOf(year), ct) ?? throw new NotFound("MobilisationPlan");
        var version = (await session.Events.FetchStreamStateAsync(plan.Id, ct))?.Version ?? 0;
        return Versioned.Ok(plan, version);
    }
}
