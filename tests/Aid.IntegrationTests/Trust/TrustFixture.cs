using Aid.Appraisal.Appraisals;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.Lifecycle;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Registration.Dossiers;
using Aid.Security.Reviews;
using Marten;

namespace Aid.IntegrationTests.Trust;

/// <summary>
/// All four services with fast retries, and two real dossiers: one taken through every agency to closure, one
/// accepted (its security review open, its summary at Appraisal and Monitoring).
/// </summary>
public sealed class TrustFixture : AidSystem
{
    public static readonly string[] Services = ["registration", "security", "appraisal", "monitoring"];

    /// <summary>A dossier id no one ever submitted.</summary>
    public static readonly Guid Nobody = Guid.Parse("00000000-0000-7000-8000-0000000009a9");

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Bus:RetryIntervalsMs:0"] = "50",
        ["Bus:RetryIntervalsMs:1"] = "100",
    };

    public JourneyResult Closed { get; private set; } = null!;
    public DossierReceipt Accepted { get; private set; } = null!;
    public Guid AcceptedNgo { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Closed = await new DossierJourney(this).RunAsync();
        (AcceptedNgo, Accepted) = await new RegistrationApi(this).AcceptedDossierAsync();
        await Eventually.Returns(async () =>
        {
            await using var security = StoreOf(Security).QuerySession();
            await using var appraisal = StoreOf(Appraisal).QuerySession();
            await using var monitoring = StoreOf(Monitoring).QuerySession();
            return await security.LoadAsync<SecurityReview>(Accepted.DossierId) is not null
                && (await appraisal.LoadAsync<DossierAppraisal>(Accepted.DossierId))?.Summary is not null
                && await monitoring.Events.QueryRawEventDataOnly<Contracts.Registration.DossierAccepted>()
                    .AnyAsync(e => e.DossierId == Accepted.DossierId) ? "settled" : null;
        }, "the accepted dossier to reach every service");
    }

    /// <summary>Every store's event count and stream versions of the two dossiers: equal before and after means nothing changed.</summary>
    public async Task<string> SnapshotAsync()
    {
        var lines = new List<string>();
        foreach (var name in Services)
        {
            await using var session = DeadLetterProbe.Store(Service(name)).QuerySession();
            var events = await session.Events.QueryAllRawEvents().CountAsync();
            var closed = (await session.Events.FetchStreamStateAsync(Closed.DossierId))?.Version;
            var accepted = (await session.Events.FetchStreamStateAsync(Accepted.DossierId))?.Version;
            var nobody = (await session.Events.FetchStreamStateAsync(Nobody))?.Version;
            lines.Add($"{name}: {events} events; closed v{closed}, accepted v{accepted}, nobody v{nobody}");
        }
        return string.Join("\n", lines);
    }
}
