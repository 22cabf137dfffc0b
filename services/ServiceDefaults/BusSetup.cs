using Aid.Contracts;
using Aid.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aid.ServiceDefaults;

public static class BusSetup
{
    /// <summary>
    /// MassTransit over RabbitMQ (ConnectionStrings:RabbitMq, an amqp:// URI with user, password and vhost).
    /// Queues are durable quorum queues named after the service; publishes wait for broker confirms; a message
    /// that still fails after bounded retries (Bus:RetryIntervalsMs) moves to the queue's "_error" queue with the exception
    /// attached; one that breaks <see cref="IntegrationEventRules"/>, cannot be deserialised or is refused against the
    /// receiver's state (<see cref="RefusedMessage"/>) goes there at once, and
    /// one of a type no consumer here knows goes to "_skipped". Both are shown and re-driven by <see cref="DeadLetters"/>.
    /// Each service logs in as its own broker user, which may publish only to its own contracts' exchanges
    /// (deploy/broker-permissions): so no Fault events (MassTransit's shared fault exchanges, which nobody consumes;
    /// the _error queue keeps the failure) and no exchange for <see cref="IIntegrationEvent"/> that every service's
    /// events would be bound into (nor for <see cref="IDossierEvent"/>, which only orders consumption: <see cref="DeliveryGate"/>).
    /// </summary>
    public static WebApplicationBuilder AddAidBus(
        this WebApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var uri = BrokerUri(builder.Configuration);
        var (user, password) = UserInfo(uri);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } v ? v : "/";

        var queues = new BusQueues(serviceName, uri);
        builder.Services.AddSingleton(queues);
        builder.Services.AddSingleton<DeadLetters>();
        builder.Services.AddSingleton<DeliveryGate>();
        var retryIntervals = builder.Configuration.GetSection("Bus:RetryIntervalsMs").Get<int[]>() is { Length: > 0 } configured
            ? configured : [200, 1_000, 3_000, 10_000];

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            consumers?.Invoke(x);
            x.AddConfigureEndpointsCallback((_, queue, endpoint) =>
            {
                queues.Add(queue);
                endpoint.PublishFaults = false;
                endpoint.UseMessageRetry(r =>
                {
                    r.Intervals(retryIntervals);
                    // Retrying cannot mend a broken or unreadable message.
                    r.Ignore<InvalidMessage>();
                    r.Ignore<RefusedMessage>(e => !e.MayArriveLater);
                    r.Ignore<System.Text.Json.JsonException>();
                    r.Ignore<System.Runtime.Serialization.SerializationException>();
                });
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    rabbit.SetQuorumQueue();
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(uri.Host, uri.IsDefaultPort ? (ushort)5672 : (ushort)uri.Port, vhost, h =>
                {
                    h.Username(user);
                    h.Password(password);
                    h.PublisherConfirmation = true;
                });
                cfg.Publish<IIntegrationEvent>(p => p.Exclude = true);
                cfg.Publish<IDossierEvent>(p => p.Exclude = true);
                cfg.UseConsumeFilter(typeof(IntegrationEventCheck<>), context);
                cfg.ConfigureEndpoints(context);
            });
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            // How long a stop waits for messages in hand, retries included (the retry intervals add up to 14.2 s).
            o.StopTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Bus:StopTimeoutSeconds", 20));
        });
        return builder;
    }

    /// <summary>ConnectionStrings:RabbitMq, with the password of the file Bus:PasswordFile names when that is set (a secret
    /// mounted into a container rather than written into its environment).</summary>
    public static Uri BrokerUri(IConfiguration configuration)
    {
        var uri = new Uri(configuration.GetConnectionString("RabbitMq")
            ?? throw new InvalidOperationException("ConnectionStrings:RabbitMq is not configured."));
        return configuration["Bus:PasswordFile"] is { Length: > 0 } file
            ? new UriBuilder(uri) { Password = Uri.EscapeDataString(File.ReadAllText(file).Trim()) }.Uri
            : uri;
    }

    private static (string User, string Password) UserInfo(Uri uri)
    {
        var parts = uri.UserInfo.Split(':', 2);
        return parts.Length == 2 && parts[0].Length > 0
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
