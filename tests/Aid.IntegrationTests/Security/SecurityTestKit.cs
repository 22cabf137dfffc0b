using Aid.Contracts.Security;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Aid.Contracts;
using Aid.IntegrationTests.Infrastructure;
using Aid.Security.Reviews;
using Aid.Domain.Calendar;
using JasperFx.Events;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Published = Aid.Contracts.Registration;
using RabbitMQ.Client;
using Xunit;

namespace Aid.IntegrationTests.SecurityReviews;

/// <summary>Drives the security service the way Registration and the officers do, and reads what it recorded.</summary>
public static class SecurityTestKit
{
    /// <summary>Publishes DossierAccepted on the real broker (as Registration's relay would) and waits for the review.</summary>
    public static async Task<Published.DossierAccepted> AcceptDossierAsync(
        this AidSystem system, Guid? ngoId = null, string[]? sensitiveAreas = null, string aidKind = "Project")
    {
        var dossierId = Guid.NewGuid();
        var message = new Published.DossierAccepted(
            Metadata("registration"), dossierId, TestCodes.Receipt(TimeProvider.System.VietnamToday()),
            ngoId ?? Guid.NewGuid(), aidKind, sensitiveAreas ?? [])
        {
            NgoName = "Hope International", Title = "Nước sạch cho xã Tân Lập", AppointmentDate = new DateOnly(2027, 1, 15),
        };
        await system.PublishAsync(message);
        await system.ReviewAsync(dossierId, r => true, "the review to open");
        return message;
    }

    public static EventMetadata Metadata(string source) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "intake.officer", "SNV", "corr-" + Guid.NewGuid(), null, source, 1);

    public static Task PublishAsync(this AidSystem system, object message) =>
        system.Security.Services.GetRequiredService<IBus>().Publish(message);

    public static Task<SecurityReview> ReviewAsync(
        this AidSystem system, Guid id, Func<SecurityReview, bool> condition, string what) =>
        Eventually.Returns(async () =>
        {
            await using var query = AidSystem.StoreOf(system.Security).QuerySession();
            return await query.LoadAsync<SecurityReview>(id) is { } r && condition(r) ? r : null;
        }, what);

    public static async Task<IReadOnlyList<IEvent>> EventsAsync(this AidSystem system, Guid id)
    {
        await using var query = AidSystem.StoreOf(system.Security).QuerySession();
        return await query.Events.FetchStreamAsync(id);
    }

    /// <summary>A marker DossierAccepted published after others: once it is handled, the ones before it were too
    /// (each consumer has its own ordered queue).</summary>
    public static async Task DrainAcceptancesAsync(this AidSystem system) => await system.AcceptDossierAsync();

    /// <summary>The same for the DossierWithdrawn queue: a marker withdrawal, awaited until its review closes.</summary>
    public static async Task DrainWithdrawalsAsync(this AidSystem system)
    {
        var marker = await system.AcceptDossierAsync();
        await system.PublishAsync(new Published.DossierWithdrawn(Metadata("registration"), marker.DossierId, marker.ReceiptCode, "marker"));
        await system.ReviewAsync(marker.DossierId, r => r.Status == ReviewStatus.Withdrawn, "the marker withdrawal");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task AssignAsync(this AidSystem system, Guid id, string officer = "security.officer")
    {
        using var client = system.Security.ClientAs("security.officer");
        var response = await client.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { officer } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        if (code is not null)
            Assert.Equal(code, problem.GetProperty("code").GetString());
        if (field is not null)
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
                || body.Contains(field, StringComparison.OrdinalIgnoreCase), $"The problem should name '{field}': {body}");
    }
}

/// <summary>
/// A queue of the test's own bound to the exchange MassTransit publishes a contract to, on the system's real
/// vhost: it sees exactly what other services would receive.
/// </summary>
public sealed class PublishedMessages : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue;

    private PublishedMessages(IConnection connection, IChannel channel, string queue)
    {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    public static async Task<PublishedMessages> ListenAsync<TContract>(AidSystem system)
    {
        var uri = system.Security.Services.GetRequiredService<IConfiguration>().GetConnectionString("RabbitMq")!;
        var connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var exchange = $"{typeof(TContract).Namespace}:{typeof(TContract).Name}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = (await channel.QueueDeclareAsync($"test-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, exchange, "");
        return new PublishedMessages(connection, channel, queue);
    }

    /// <summary>Waits for a published message whose "message" part satisfies the condition; returns that part.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> condition, string what)
    {
        var found = await Eventually.Returns(async () =>
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
                Received.Add(JsonDocument.Parse(delivery.Body.ToArray()).RootElement.GetProperty("message").Clone());
            return Received.Where(condition).Select(m => (object)m).FirstOrDefault();
        }, what);
        return (JsonElement)found;
    }

    public List<JsonElement> Received { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
