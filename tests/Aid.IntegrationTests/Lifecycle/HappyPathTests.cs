using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using JasperFx.Events;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.Lifecycle;

/// <summary>
/// One dossier from the NGO's registration to the project's closure, driven only through the four services' HTTP
/// APIs; every hand-over between agencies is a real integration event on the real broker.
/// </summary>
public sealed class HappyPathTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task A_dossier_goes_from_registration_to_closure_through_every_agency()
    {
        var (ngoId, id, _, acceptCorrelation, decisionCorrelation) = await new DossierJourney(system).RunAsync();

        // Every service's events for the dossier say who acted, in which operation and because of what.
        var registrationEvents = await EventsOf(AidSystem.StoreOf(system.Registration), id);
        var securityEvents = await EventsOf(AidSystem.StoreOf(system.Security), id);
        var appraisalEvents = await EventsOf(AidSystem.StoreOf(system.Appraisal), id);
        var monitoringEvents = await EventsOf(AidSystem.StoreOf(system.Monitoring), id);
        foreach (var (service, events) in new[]
                 {
                     ("Registration", registrationEvents), ("Security", securityEvents),
                     ("Appraisal", appraisalEvents), ("Monitoring", monitoringEvents),
                 })
        {
            Assert.NotEmpty(events);
            foreach (var e in events)
            {
                var what = $"{service} {e.EventTypeName} #{e.Version}";
                Assert.False(string.IsNullOrEmpty(e.UserName), $"{what}: no actor");
                Assert.False(string.IsNullOrEmpty(e.CorrelationId), $"{what}: no correlation id");
                Assert.False(string.IsNullOrEmpty(e.CausationId), $"{what}: no causation id");
                Assert.False(string.IsNullOrEmpty(Header(e, EventHeaders.Role)), $"{what}: no role");
                Assert.False(string.IsNullOrEmpty(Header(e, EventHeaders.Agency)), $"{what}: no agency");
                // What a service writes on its own is the system's act; the officer who caused it elsewhere is the origin.
                Assert.Equal(e.UserName == CommandContext.SystemActor, Header(e, EventHeaders.Role) == CommandContext.SystemActor);
            }
        }
        var securityConcluded = registrationEvents.Single(e => e.EventTypeName == "security_check_concluded");
        Assert.Equal((CommandContext.SystemActor, CommandContext.SystemActor, "SNV"),
            (securityConcluded.UserName, Header(securityConcluded, EventHeaders.Role), Header(securityConcluded, EventHeaders.Agency)));
        Assert.Equal(("security.officer", "CAT", "security"), (Header(securityConcluded, EventHeaders.OriginActor),
            Header(securityConcluded, EventHeaders.OriginAgency), Header(securityConcluded, EventHeaders.OriginService)));
        Assert.Equal("decision.maker", Header(monitoringEvents[0], EventHeaders.OriginActor));
        Assert.Equal(CommandContext.SystemActor, monitoringEvents[0].UserName);
        Assert.Contains(registrationEvents, e => e.UserName == DevelopmentUser.NgoStaff(ngoId).UserName);
        Assert.Contains(registrationEvents, e => e.UserName == "intake.officer" && e.CorrelationId == acceptCorrelation);
        Assert.Contains(securityEvents, e => e.UserName == "security.officer");
        Assert.Contains(appraisalEvents, e => e.UserName == "appraiser");
        Assert.Contains(appraisalEvents, e => e.UserName == "decision.maker" && e.CorrelationId == decisionCorrelation);
        Assert.Contains(monitoringEvents, e => e.UserName == "monitoring.officer");
        // Across services the operation's correlation travels with the integration event that caused the effect.
        Assert.Equal(acceptCorrelation, securityEvents[0].CorrelationId);
        Assert.Equal(decisionCorrelation, monitoringEvents[0].CorrelationId);
    }

    private static string? Header(IEvent e, string name) => e.GetHeader(name)?.ToString();

    private static async Task<IReadOnlyList<IEvent>> EventsOf(IDocumentStore store, Guid id)
    {
        await using var session = store.QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }
}
