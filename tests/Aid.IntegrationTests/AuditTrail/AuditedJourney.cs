using Aid.Audit;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.Lifecycle;
using Xunit;

namespace Aid.IntegrationTests.AuditTrail;

/// <summary>The four services with one dossier taken through every stage, sealed in every service, for the audit tests.</summary>
public sealed class AuditedJourney : IAsyncLifetime
{
    public AidSystem System { get; } = new();
    public JourneyResult Journey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await System.InitializeAsync();
        Journey = await new DossierJourney(System).RunAsync();
        // Registration records the last hand-over from Monitoring asynchronously; then every log is sealed.
        using var cleared = Client("cleared.auditor");
        IReadOnlyList<VerificationReport> reports = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(200))
        {
            reports = await cleared.Audit.VerifyAsync();
            if (reports.All(r => r.SealedUpTo == r.LatestSequence && r.LatestSequence > 0))
                return;
        }
        throw new TimeoutException("Not every service's log was sealed: " + global::System.Text.Json.JsonSerializer.Serialize(reports));
    }

    public Task DisposeAsync() => System.DisposeAsync();

    /// <summary>An audit client calling the four in-process services as the given user.</summary>
    public AuditClients Client(string user) => new(new Dictionary<string, HttpClient>
    {
        ["registration"] = System.Registration.ClientAs(user),
        ["security"] = System.Security.ClientAs(user),
        ["appraisal"] = System.Appraisal.ClientAs(user),
        ["monitoring"] = System.Monitoring.ClientAs(user),
    });
}

public sealed class AuditClients(Dictionary<string, HttpClient> clients) : IDisposable
{
    public AuditClient Audit { get; } = new(clients);
    public HttpClient this[string service] => clients[service];

    public void Dispose()
    {
        foreach (var client in clients.Values) client.Dispose();
    }
}
