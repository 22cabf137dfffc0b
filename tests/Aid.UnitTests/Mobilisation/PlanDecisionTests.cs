using Aid.Registration.Catalogue;
using Aid.Registration.Mobilisation;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.MobilisationTests;

public sealed class PlanDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private static AdoptPlan Plan(decimal health = 10_000m) =>
        new(2027, [new SectorTarget("Health", health), new SectorTarget("GreenGrowth", 5_000m)], null, Now);

    [Fact]
    public void A_plan_is_adopted_then_revised_and_an_unchanged_one_is_refused()
    {
        var adopted = Assert.IsType<MobilisationPlanAdopted>(Assert.Single(AdoptPlan.Decide(Plan(), null)));
        Assert.Equal(1, adopted.Revision);
        Assert.Equal(MobilisationPlan.IdOf(2027), adopted.PlanId);
        var plan = MobilisationPlan.Create(adopted);
        Assert.Equal("plan-unchanged", Assert.Throws<RuleViolation>(() => AdoptPlan.Decide(Plan(), plan)).Code);
        var revised = Assert.IsType<MobilisationPlanAdopted>(Assert.Single(AdoptPlan.Decide(Plan(12_000m), plan)));
        Assert.Equal(2, revised.Revision);
        Assert.NotEqual(MobilisationPlan.IdOf(2027), MobilisationPlan.IdOf(2028));
    }

    [Fact]
    public void Malformed_plans_name_every_field()
    {
        var rejected = Assert.Throws<InputRejected>(() => AdoptPlan.From(1990, new AdoptPlanRequest(
            [new SectorTargetInput("Health", 1m), new SectorTargetInput("health", 2m), new SectorTargetInput("Casinos", 0m)], null), TimeProvider.System));
        Assert.Contains("year", rejected.Errors.Keys);
        Assert.Contains("targets", rejected.Errors.Keys);
        Assert.Contains("targets[2].sector", rejected.Errors.Keys);
        Assert.Contains("targets[2].targetVnd", rejected.Errors.Keys);
    }

    [Fact]
    public void Progress_counts_committed_by_decision_year_and_received_by_receipt_year_per_sector()
    {
        var plan = MobilisationPlan.Create(AdoptPlan.Decide(Plan(), null).OfType<MobilisationPlanAdopted>().Single());
        var health = CatalogueDecisionTests.Published() with
        {
            Fundings = [new ApprovedFunding(Guid.NewGuid(), 4_000m, new DateOnly(2027, 3, 1)), new ApprovedFunding(Guid.NewGuid(), 9_000m, new DateOnly(2026, 12, 30))],
            Tranches = [new ReceivedTranche(Guid.NewGuid(), Guid.NewGuid(), 1_000m, new DateOnly(2027, 5, 1))],
        };
        var education = CatalogueDecisionTests.Published(CatalogueDecisionTests.Content() with { Sector = "Education" }) with
        {
            Fundings = [new ApprovedFunding(Guid.NewGuid(), 700m, new DateOnly(2027, 1, 2))],
        };

        var progress = PlanProgress.Compute(2027, plan, [health, education]);

        var h = progress.Sectors.Single(s => s.Sector == "Health");
        Assert.Equal((10_000m, 4_000m, 1_000m), (h.TargetVnd!.Value, h.CommittedVnd, h.ReceivedVnd));
        Assert.Equal(0.4, h.CommittedShare!.Value, 3);
        var green = progress.Sectors.Single(s => s.Sector == "GreenGrowth");
        Assert.Equal(0m, green.CommittedVnd);
        var outside = progress.Sectors.Single(s => s.Sector == "Education");
        Assert.Null(outside.TargetVnd);
        Assert.Equal(700m, outside.CommittedVnd);
        Assert.Equal((15_000m, 4_700m, 1_000m), (progress.TargetVnd, progress.CommittedVnd, progress.ReceivedVnd));
    }
}
