using Aid.Registration.Catalogue;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Mobilisation;

public sealed record SectorTargetInput(string? Sector, decimal? TargetVnd);

public sealed record AdoptPlanRequest(IReadOnlyList<SectorTargetInput?>? Targets, string? Note);

public sealed record PlanChanged(Guid PlanId, int Year, int Revision, long Version);

public sealed record AdoptPlan(int Year, IReadOnlyList<SectorTarget> Targets, string? Note, DateTimeOffset Now)
{
    public const int FirstYear = 2020, LastYear = 2100;

    public static AdoptPlan From(int year, AdoptPlanRequest? request, TimeProvider clock)
    {
        var check = new InputCheck();
        if (year is < FirstYear or > LastYear)
            check.Fail("year", $"Năm phải từ {FirstYear} đến {LastYear}.", $"The year must be between {FirstYear} and {LastYear}.");
        var inputs = request?.Targets ?? [];
        if (inputs.Count == 0)
            check.Fail("targets", "Cần ít nhất một lĩnh vực ưu tiên.", "At least one priority sector is required.");
        if (inputs.Count > Sectors.All.Count)
            check.Fail("targets", $"Tối đa {Sectors.All.Count} lĩnh vực.", $"At most {Sectors.All.Count} sectors.");
        var targets = inputs.Select((t, i) => new SectorTarget(
            check.Sector($"targets[{i}].sector", t?.Sector), check.Amount($"targets[{i}].targetVnd", t?.TargetVnd))).ToList();
        if (targets.Where(t => t.Sector.Length > 0).GroupBy(t => t.Sector).Any(g => g.Count() > 1))
            check.Fail("targets", "Mỗi lĩnh vực chỉ được nêu một lần.", "Each sector may appear only once.");
        var note = check.Paragraphs("note", request?.Note, required: false);
        check.ThrowIfInvalid();
        return new AdoptPlan(year, targets, InputCheck.Optional(note), clock.GetUtcNow());
    }

    /// <summary>Adopts the year's plan, or revises it (a new revision); an identical plan is refused.</summary>
    public static IReadOnlyList<object> Decide(AdoptPlan command, MobilisationPlan? current)
    {
        if (current is not null && current.Note == command.Note && current.Targets.SequenceEqual(command.Targets))
            throw new RuleViolation("plan-unchanged", new Bilingual("Kế hoạch không thay đổi.", "The plan is unchanged."));
        return [new MobilisationPlanAdopted(MobilisationPlan.IdOf(command.Year), command.Year, command.Targets, command.Note,
            (current?.Revision ?? 0) + 1, command.Now)];
    }
}

public static class AdoptPlanEndpoint
{
    /// <summary>
    /// The year's first plan starts its stream, a revision runs on it; both answer 200 (the PUT of the year's plan), so
    /// the first is not <see cref="CommandSlice.StartAsync{TState,TAnswer}"/>'s 201. If-Match on a plan not adopted yet
    /// is a conflict unless it is "0".
    /// </summary>
    public static async Task<Versioned<PlanChanged>> Handle(
        int year, AdoptPlanRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = AdoptPlan.From(year, request, time);
        var id = MobilisationPlan.IdOf(year);
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null)
            return await session.RunAsync<MobilisationPlan, PlanChanged>(http, id, plan => AdoptPlan.Decide(command, plan),
                d => Changed(d.Events, d.Version));
        if (http.Request.ExpectedVersion() is > 0)
            throw new JasperFx.ConcurrencyException(typeof(MobilisationPlan), id);
        var events = AdoptPlan.Decide(command, null);
        session.ActingAs(Actor.From(http.User), http);
        session.Events.StartStream<MobilisationPlan>(id, events.ToArray());
        await session.SaveChangesAsync(ct);
        return Versioned.Ok(Changed(events, events.Count), events.Count);
    }

    private static PlanChanged Changed(IReadOnlyList<object> events, long version)
    {
        var adopted = (MobilisationPlanAdopted)events[0];
        return new PlanChanged(adopted.PlanId, adopted.Year, adopted.Revision, version);
    }
}
