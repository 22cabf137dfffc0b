using System.Text.Json.Serialization;
using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.Appraisal.Decisions;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Documents;
using Aid.ServiceDefaults.Problems;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;

namespace Aid.Appraisal;

/// <summary>Sở Tài chính's appraisal, and the decision of UBND tỉnh.</summary>
public static class AppraisalService
{
    public const string Name = "appraisal";
    public const string Agency = "STC";

    public static WebApplicationBuilder AddAppraisalService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts =>
            {
                opts.Projections.Snapshot<DossierAppraisal>(SnapshotLifecycle.Inline);
                // The work queue filters and sorts on these (search, filters and pages run in the database).
                opts.Schema.For<DossierAppraisal>().Index(a => a.Status).Index(a => a.QueueDue);
            })
            .AddSubscriptionWithServices<AppraisalRelay>(ServiceLifetime.Singleton);
        builder.AddAidBus(Name, bus =>
        {
            bus.AddConsumer<RecordDossierSummary>();
            bus.AddConsumer<RecordSecurityConclusion>();
            bus.AddConsumer<CloseWhenDossierWithdrawn>();
        });
        builder.Services.AddSingleton<DeadlinePlanner>();
        builder.Services.AddDocumentStorage(builder.Configuration, Name);
        builder.Services.AddSingleton<Aid.ServiceDefaults.Audit.AuditedDossier>(new Aid.ServiceDefaults.Audit.SingleAggregateAudit<DossierAppraisal>("appraisal"));
        builder.Services.AddAuthorization(o =>
        {
            AppraisalAccess.AddPolicies(o);
            DecisionAccess.AddPolicies(o);
        });
        builder.Services.AddHostedService<OverdueScanner>();
        // A body that cannot be read becomes a problem-details 400 naming the JSON path, not a bare 400.
        return builder;
    }

    public static WebApplication MapAppraisalService(this WebApplication app)
    {
        app.UseUnreadableJsonAsInvalidField();
        app.MapAppraisals();
        app.MapDecisions();
        return app;
    }
}
