using Aid.Notifications.Dossiers;
using Aid.Notifications.Inbox;
using Aid.Notifications.Mail;
using Aid.Notifications.Notices;
using Aid.Notifications.Recipients;
using Aid.Notifications.Reminders;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Problems;

namespace Aid.Notifications;

/// <summary>
/// Tells people what happened: consumes the integration events, decides who must be told, keeps each user's inbox and
/// sends e-mail through the outbox. Calls no other service: what it needs travels on the contracts.
/// </summary>
public static class NotificationsService
{
    public const string Name = "notifications";
    public const string Agency = "SNV";

    public static WebApplicationBuilder AddNotificationsService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts =>
        {
            opts.Schema.For<Notification>().Index(n => n.Audience).Index(n => n.CreatedAt);
            opts.Schema.For<Delivery>().UseOptimisticConcurrency(true).Index(d => d.NextAttemptAt);
            opts.Schema.For<DossierFile>();
            opts.Schema.For<NgoContact>();
            opts.Schema.For<Preferences>();
        });
        builder.AddAidBus(Name, bus =>
        {
            bus.AddConsumer<NotifyDossierProgress>();
            bus.AddConsumer<RecordNgoContacts>();
        });
        builder.Services.AddSingleton<Aid.ServiceDefaults.Audit.AuditedDossier, NoDossierStream>();
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection("Notifications"));
        builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Notifications:Mail"));
        builder.Services.AddSingleton<Notifier>();
        builder.Services.AddSingleton<INotificationChannel, EmailChannel>();
        builder.Services.AddSingleton<DeliverySender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliverySender>());
        builder.Services.AddSingleton<ReminderScanner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderScanner>());
        builder.Services.AddAuthorization(o =>
        {
            OutboxAccess.AddPolicies(o);
            InboxAccess.AddPolicies(o);
        });
        builder.Services.AddHealthChecks().AddCheck<OutboxHealthCheck>("outbox", tags: [ServiceDefaultsExtensions.ReadyTag]);
        return builder;
    }

    public static WebApplication MapNotificationsService(this WebApplication app)
    {
        app.UseUnreadableJsonAsInvalidField();
        app.MapInbox();
        app.MapOutbox();
        return app;
    }
}
