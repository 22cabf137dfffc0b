using Aid.Security.Reviews;
using Aid.ServiceDefaults;
using JasperFx.Events.Projections;
using Marten;

namespace Aid.Security;

/// <summary>Công an tỉnh: the security check of every accepted dossier.</summary>
public static class SecurityService
{
    public const string Name = "security";
    public const string Agency = "CA";

    public static WebApplicationBuilder AddSecurityService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts =>
        {
            opts.Projections.Snapshot<SecurityReview>(SnapshotLifecycle.Inline);
        });
        builder.AddAidBus(Name, bus => bus.AddConsumer<OpenReviewWhenDossierAccepted>());
        return builder;
    }
}
