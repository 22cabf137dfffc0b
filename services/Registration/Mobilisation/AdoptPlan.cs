using Aid.Registration.Catalogue;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Mobilisation;

public sealed record SectorTargetInput(string? Sector, decimal? TargetVnd);

public sealed record AdoptPlanRequest(IReadOnlyList<SectorTargetInput?>? Targets, string? Note);

public sealed record AdoptPlan(int Year, IReadOnlyList<SectorTarget> Targets, string? Note, DateTimeOffset Now);

public sealed record PlanChanged(Guid PlanId, int Year, int Revision, long Version);

public static class AdoptPlanCommand
{
    public const int FirstYear = 2020, LastYear = 2100;

    /// <summary>Adopts the year's plan, or revises it (a new revision); an identical plan is refused.</summary>
    public static IReadOnlyList<object> Decide(AdoptPlan command, MobilisationPlan? current)
    {
        if (current is not null && current.Note == command.Note && current.Targets.SequenceEqual(command.Targets))
            throw new RuleViolation("plan-unchanged", new Bilingual("Kế hoạch không thay đổi.", "The plan is unchanged."));
        return [new MobilisationPlanAdopted(MobilisationPlan.IdOf(command.Year), command.Year, command.Targets, command.Note,
            (current?.Revision ?? 0) + 1, command.Now)];
    }

    public static AdoptPlan Validate(int year, AdoptPlanRequest? request, DateTimeOffset now)
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
        return new AdoptPlan(year, targets, InputCheck.Optional(note), now);
    }

    public static async Task<IResult> Handle(
        int year, AdoptPlanRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = Validate(year, request, time.GetUtcNow());
        var id = MobilisationPlan.IdOf(year);
        var expected = http.Request.ExpectedVersion();
        var stream = expected is { } v
            ? await session.Events.FetchForWriting<MobilisationPlan>(id, v, ct)
            : await session.Events.FetchForWriting<MobilisationPlan>(id, ct);
        var versionBefore = stream.CurrentVersion ?? 0;
        var events = Decide(command, stream.Aggregate);
        session.ActingAs(Actor.From(http.User), http);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        var version = versionBefore + events.Count;
        var adopted = (MobilisationPlanAdopted)events[0];
        http.Response.Headers.ETag = $"\"{version}\"";
        return Results.Ok(new PlanChanged(id, year, adopted.Revision, version));
    }
}
