using System.Net;
using System.Xml.Linq;
using Aid.Contracts.Appraisal;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.ProjectMonitoring;
using Aid.ServiceDefaults.Identity;
using Xunit;

namespace Aid.IntegrationTests.IatiExport;

/// <summary>GET /projects/{id}/iati: one approved project as an IATI 2.03 activity, valid against the schema.</summary>
public sealed class IatiActivityExportTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly MonitoringScenario scenario = new(system);

    private async Task<DossierDecided> Approved(Guid? ngoId = null)
    {
        var today = scenario.Today;
        var decision = MonitoringScenario.Decision(DecisionOutcome.Approved, today.AddDays(-10), today.AddDays(-10), today.AddDays(400), ngoId) with
        {
            Fields = ["Nước sạch và vệ sinh môi trường", "Primary education", "Xây dựng nhà văn hóa cộng đồng thôn"],
            Locations = ["Xã Tân Lập", "Xã Phú Hòa"],
        };
        await scenario.Publish(decision);
        await scenario.WaitForProject(decision.DossierId);
        return decision;
    }

    private async Task<XElement> Export(Guid id, string user = "monitoring.officer")
    {
        using var client = system.Monitoring.ClientAs(user);
        var document = await IatiSchema.ValidExport(await client.GetAsync($"/projects/{id}/iati"));
        Assert.Equal("2.03", (string?)document.Root!.Attribute("version"));
        return Assert.Single(document.Root.Elements("iati-activity"));
    }

    [Fact]
    public async Task An_approved_project_exports_its_identity_organisations_texts_sectors_locations_and_budget()
    {
        var decision = await Approved();
        var activity = await Export(decision.DossierId);

        Assert.Equal("vi", (string?)activity.Attribute(IatiSchema.Xml + "lang"));
        Assert.Equal("USD", (string?)activity.Attribute("default-currency"));
        Assert.Equal($"VN-DNI-SNV-{decision.ReceiptCode}", activity.Element("iati-identifier")!.Value);
        var reporting = activity.Element("reporting-org")!;
        Assert.Equal(("VN-DNI-SNV", "10"), ((string?)reporting.Attribute("ref"), (string?)reporting.Attribute("type")));
        Assert.Equal("Sở Ngoại vụ", IatiSchema.Narratives(reporting)["vi"]);
        Assert.Equal("Department of Foreign Affairs", IatiSchema.Narratives(reporting)["en"]);

        var title = IatiSchema.Narratives(activity.Element("title")!);
        Assert.Equal(decision.Title, title["vi"]);
        Assert.Equal("Clean water for schools", title["en"]);
        var general = IatiSchema.Narratives(activity.Elements("description").Single(d => (string?)d.Attribute("type") == "1"));
        Assert.Contains(decision.DecisionNumber!, general["vi"]);
        Assert.Contains("Clean Water Foundation", general["en"]);
        Assert.Contains("Basic drinking water supply and basic sanitation", general["en"]);
        Assert.Contains("Cấp nước sạch", general["vi"]);
        Assert.Equal(decision.Objectives,
            IatiSchema.Narratives(activity.Elements("description").Single(d => (string?)d.Attribute("type") == "2"))["vi"]);

        Assert.Equal([("1", "21", "Clean Water Foundation"), ("2", "10", "Ủy ban nhân dân tỉnh"), ("4", "21", "Clean Water Foundation")],
            activity.Elements("participating-org").Select(o =>
                ((string?)o.Attribute("role"), (string?)o.Attribute("type"), IatiSchema.Narratives(o)["vi"])));
        Assert.Equal("1", (string?)activity.Element("activity-status")!.Attribute("code"));
        Assert.Equal([("1", decision.StartDate!.Value), ("3", decision.EndDate!.Value)], Dates(activity));
        Assert.Equal("VN", (string?)activity.Element("recipient-country")!.Attribute("code"));
        Assert.Equal(decision.Locations, activity.Elements("location").Select(l => l.Element("name")!.Element("narrative")!.Value));

        // Water and sanitation, primary education; a community cultural house matches "văn hóa" (culture).
        var sectors = activity.Elements("sector").Select(s =>
            ((string?)s.Attribute("vocabulary"), (string?)s.Attribute("code"), (decimal)s.Attribute("percentage")!)).ToList();
        Assert.Equal([("1", "14030", 33.33m), ("1", "11220", 33.33m), ("1", "16061", 33.34m)], sectors);

        // A budget per year of the project's period (a year at most each), consecutive, adding up to the approved amount.
        var budgets = activity.Elements("budget").ToList();
        Assert.All(budgets, b => Assert.Equal(("1", "2"), ((string?)b.Attribute("type"), (string?)b.Attribute("status"))));
        var periods = budgets.Select(b => (Start: IsoDate(b.Element("period-start")!), End: IsoDate(b.Element("period-end")!))).ToList();
        Assert.Equal(decision.StartDate.Value, periods[0].Start);
        Assert.Equal(decision.EndDate!.Value, periods[^1].End);
        Assert.All(periods, p => Assert.True(p.End < p.Start.AddYears(1), $"{p.Start}..{p.End} is longer than a year"));
        Assert.All(periods.Zip(periods.Skip(1)), pair => Assert.Equal(pair.First.End.AddDays(1), pair.Second.Start));
        Assert.Equal(100_000m, budgets.Sum(b => (decimal)b.Element("value")!));
        Assert.All(budgets.Select(b => b.Element("value")!), value => Assert.Equal(("USD", decision.DecisionDate!.Value.ToString("yyyy-MM-dd")),
            ((string?)value.Attribute("currency"), (string?)value.Attribute("value-date"))));
        Assert.Empty(activity.Elements("transaction"));
    }

    [Fact]
    public async Task Recorded_tranches_become_incoming_funds_and_the_status_follows_the_project()
    {
        var decision = await Approved();
        var id = decision.DossierId;
        var started = scenario.Today.AddDays(-8);
        await Ok(MonitoringScenario.Post(scenario.Officer, $"/projects/{id}/implementation-started", new { startedOn = started }));
        await Ok(MonitoringScenario.Post(scenario.Officer, $"/projects/{id}/tranches",
            new { amount = 40_000m, currency = "USD", receivedOn = scenario.Today.AddDays(-7), note = "Đợt 1" }));
        await Ok(MonitoringScenario.Post(scenario.Officer, $"/projects/{id}/tranches",
            new { amount = 150_000_000m, currency = "VND", receivedOn = scenario.Today.AddDays(-2) }));

        var implementing = await Export(id);
        Assert.Equal("2", (string?)implementing.Element("activity-status")!.Attribute("code"));
        Assert.Contains(("2", started), Dates(implementing));
        var transactions = implementing.Elements("transaction").Select(t => (
            (string?)t.Element("transaction-type")!.Attribute("code"),
            (string?)t.Element("transaction-date")!.Attribute("iso-date"),
            (decimal)t.Element("value")!,
            (string?)t.Element("value")!.Attribute("currency"),
            (string?)t.Element("value")!.Attribute("value-date"),
            t.Element("provider-org")!.Element("narrative")!.Value)).ToList();
        string Day(int ago) => scenario.Today.AddDays(-ago).ToString("yyyy-MM-dd");
        Assert.Equal([
            ("1", Day(7), 40_000m, "USD", Day(7), "Clean Water Foundation"),
            ("1", Day(2), 150_000_000m, "VND", Day(2), "Clean Water Foundation"),
        ], transactions);
        Assert.Equal("Đợt 1", implementing.Element("transaction")!.Element("description")!.Element("narrative")!.Value);

        await Ok(MonitoringScenario.Post(scenario.Officer, $"/projects/{id}/suspend", new { reason = "Thanh tra" }));
        Assert.Equal("6", (string?)(await Export(id)).Element("activity-status")!.Attribute("code"));
        await Ok(MonitoringScenario.Post(scenario.Officer, $"/projects/{id}/resume", new { note = "Xong" }));
        await Ok(MonitoringScenario.Post(scenario.Officer, $"/projects/{id}/complete", new { completedOn = scenario.Today }));
        var completed = await Export(id);
        Assert.Equal("3", (string?)completed.Element("activity-status")!.Attribute("code"));
        Assert.Contains(("4", scenario.Today), Dates(completed));
    }

    [Fact]
    public async Task A_project_with_an_unmapped_field_and_no_summary_still_exports_a_valid_activity()
    {
        var today = scenario.Today;
        // As an approval published before the summary was passed on: no NGO name, currency, fields or locations.
        var bare = MonitoringScenario.Decision(DecisionOutcome.Approved, today, today, today.AddDays(30)) with
        {
            NgoName = null, NgoCountry = null, Fields = [], Locations = [], Amount = null, Currency = null, Objectives = null,
            TitleEn = null,
        };
        await scenario.Publish(bare);
        await scenario.WaitForProject(bare.DossierId);

        var activity = await Export(bare.DossierId);
        Assert.Equal("VND", (string?)activity.Attribute("default-currency"));
        var sector = Assert.Single(activity.Elements("sector"));
        Assert.Equal(("99810", 100m), ((string?)sector.Attribute("code"), (decimal)sector.Attribute("percentage")!));
        var budget = Assert.Single(activity.Elements("budget")); // a project of 30 days
        Assert.Equal((2_500_000_000m, "VND"), ((decimal)budget.Element("value")!, (string?)budget.Element("value")!.Attribute("currency")));
        Assert.Empty(activity.Elements("location"));
        // No English title given: the English says what the project is, naming its receipt.
        Assert.Contains(bare.ReceiptCode, IatiSchema.Narratives(activity.Element("title")!)["en"]);
    }

    [Theory]
    [InlineData("monitoring.officer")]
    [InlineData("mobilisation.officer")]
    [InlineData("admin")]
    [InlineData("auditor")]
    [InlineData("cleared.auditor")]
    public async Task Sở_Ngoại_vụ_officers_administrators_and_auditors_read_the_export(string user) =>
        Assert.NotNull(await Export((await Approved()).DossierId, user));

    [Theory]
    [InlineData("intake.officer")]
    [InlineData("security.officer")]
    [InlineData("appraiser")]
    [InlineData("decision.maker")]
    [InlineData("commune.proposer")]
    [InlineData("health.proposer")]
    public async Task Other_agencies_are_refused(string user)
    {
        var id = (await Approved()).DossierId;
        using var client = system.Monitoring.ClientAs(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/projects/{id}/iati")).StatusCode);
    }

    [Fact]
    public async Task NGO_staff_read_their_own_projects_only_and_an_unknown_project_is_not_found()
    {
        var ngoId = Guid.NewGuid();
        var own = await Approved(ngoId);
        var other = await Approved();
        using var staff = system.Monitoring.ClientAs(DevelopmentUser.NgoStaff(ngoId));

        await IatiSchema.ValidExport(await staff.GetAsync($"/projects/{own.DossierId}/iati"));
        var refused = await staff.GetAsync($"/projects/{other.DossierId}/iati");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Officer.GetAsync($"/projects/{Guid.NewGuid()}/iati")).StatusCode);
    }

    private static List<(string?, DateOnly)> Dates(XElement activity) =>
        activity.Elements("activity-date").Select(d => ((string?)d.Attribute("type"), DateOnly.Parse((string)d.Attribute("iso-date")!))).ToList();

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static DateOnly IsoDate(XElement element) => DateOnly.Parse((string)element.Attribute("iso-date")!);
}
