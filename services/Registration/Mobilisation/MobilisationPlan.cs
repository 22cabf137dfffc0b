namespace Aid.Registration.Mobilisation;

public sealed record SectorTarget(string Sector, decimal TargetVnd);

/// <summary>Sở Ngoại vụ adopted (revision 1) or revised the year's mobilisation plan: priority sectors with targets.</summary>
public sealed record MobilisationPlanAdopted(
    Guid PlanId, int Year, IReadOnlyList<SectorTarget> Targets, string? Note, int Revision, DateTimeOffset AdoptedAt);

/// <summary>The year's aid mobilisation plan (kế hoạch vận động viện trợ); one stream per year (see <see cref="IdOf"/>).</summary>
public sealed record MobilisationPlan
{
    public Guid Id { get; init; }
    public int Year { get; init; }
    public IReadOnlyList<SectorTarget> Targets { get; init; } = [];
    public string? Note { get; init; }
    public int Revision { get; init; }
    public DateTimeOffset AdoptedAt { get; init; }

    /// <summary>The plan's stream id is derived from its year, so "the plan of 2027" needs no lookup and cannot be doubled.</summary>
    public static Guid IdOf(int year) => new(year, 0x504c, 0x414e, [0x6d, 0x6f, 0x62, 0x69, 0x6c, 0x69, 0x73, 0x65]);

    public static MobilisationPlan Create(MobilisationPlanAdopted e) => new MobilisationPlan { Id = e.PlanId, Year = e.Year }.Apply(e);

    public MobilisationPlan Apply(MobilisationPlanAdopted e) => this with
    {
        Targets = e.Targets, Note = e.Note, Revision = e.Revision, AdoptedAt = e.AdoptedAt,
    };
}
