using System.Net.Http.Json;
using Aid.ServiceDefaults.Messaging;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>A service's store, queues and dead letters as its operators see them (GET /operations/dead-letters).</summary>
public static class DeadLetterProbe
{
    public static IServiceProvider Services(IServiceClient service) => service switch
    {
        ServiceFactory<Registration.Program> s => s.Services,
        ServiceFactory<Security.Program> s => s.Services,
        ServiceFactory<Appraisal.Program> s => s.Services,
        ServiceFactory<Monitoring.Program> s => s.Services,
        _ => throw new ArgumentException("unknown service"),
    };

    public static IDocumentStore Store(IServiceClient service) => Services(service).GetRequiredService<IDocumentStore>();

    public static string QueueOf(IServiceClient service, string consumer) =>
        Services(service).GetRequiredService<BusQueues>().Receive.Single(q => q.EndsWith(consumer, StringComparison.Ordinal));

    public static async Task<IReadOnlyList<DeadLetters.DeadLetterQueue>> ListAsync(IServiceClient service)
    {
        using var admin = service.ClientAs("admin");
        return (await admin.GetFromJsonAsync<List<DeadLetters.DeadLetterQueue>>("/operations/dead-letters?max=200"))!;
    }

    public sealed record Parked(string Queue, DeadLetters.Letter Letter);

    /// <summary>
    /// Waits for a message whose body or reason mentions <paramref name="text"/> in one of the service's dead-letter
    /// queues (a refused message's reason names its event id).
    /// </summary>
    public static Task<Parked> ParkedAsync(IServiceClient service, string text, Func<Parked, bool>? also = null) =>
        Eventually.Returns(async () => (await ListAsync(service))
            .SelectMany(q => q.Messages.Select(l => new Parked(q.Queue, l)))
            .FirstOrDefault(p => (p.Letter.BodyPreview.Contains(text) || p.Letter.FaultMessage?.Contains(text) == true)
                && (also?.Invoke(p) ?? true)), $"a message with {text} set aside");
}
