using System.Text.Json.Serialization;
using Aid.Security.Reviews;
using Aid.ServiceDefaults;
using Aid.Domain.Province;
using Aid.ServiceDefaults.Problems;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Aid.Security;

/// <summary>Công an tỉnh: the security check of every accepted dossier.</summary>
public static class SecurityService
{
    public const string Name = "security";
    public static readonly string Agency = Agencies.Police.Code;

    public static WebApplicationBuilder AddSecurityService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts =>
            {
                opts.Projections.Snapshot<SecurityReview>(SnapshotLifecycle.Inline);
                // The work queue filters and sorts on these (search, filters and pages run in the database).
                opts.Schema.For<SecurityReview>().Index(r => r.Status).Index(r => r.QueueDue);
                opts.Projections.Snapshot<ConfidentialFile>(SnapshotLifecycle.Inline);
                opts.Projections.Add<NgoSecurityHistoryProjection>(ProjectionLifecycle.Inline);
            })
            .AddSubscriptionWithServices<SecurityRelay>(ServiceLifetime.Singleton);
        builder.AddAidBus(Name, bus =>
        {
            bus.AddConsumer<OpenReviewWhenDossierAccepted>();
            bus.AddConsumer<CloseReviewWhenDossierWithdrawn>();
        });
        builder.Services.AddAuthorization(ReviewAccess.AddPolicies);
        builder.Services.AddSingleton<ReviewViews>();
        builder.Services.AddSingleton<Aid.ServiceDefaults.Audit.AuditedDossier, ReviewAudit>();
        builder.Services.AddHostedService<OverdueReviewScanner>();
        // Unreadable bodies (wrong JSON types, wrong content type) become problem details naming the JSON path.
        return builder;
    }

    public static WebApplication MapSecurityService(this WebApplication app)
    {
        app.UseUnreadableJsonAsInvalidField();
        app.MapSecurityReviews();
        return app;
    }
}
