using System.Text.Json.Serialization;
using Aid.Monitoring.Iati;
using Aid.Monitoring.PlanTasks;
using Aid.Monitoring.Projects;
using Aid.Monitoring.Recognition;
using Aid.Monitoring.Reporting;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Documents;
using Aid.ServiceDefaults.Problems;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Http.Json;

namespace Aid.Monitoring;

/// <summary>Approved projects, from approval until closure.</summary>
public static class MonitoringService
{
    public const string Name = "monitoring";
    public const string Agency = "SNV";

    public static WebApplicationBuilder AddMonitoringService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts =>
            {
                opts.Projections.Snapshot<MonitoredProject>(SnapshotLifecycle.Inline);
                // The work queue filters and sorts on these (search, filters and pages run in the database).
                opts.Schema.For<MonitoredProject>().Index(p => p.Status).Index(p => p.QueueDue);
                opts.Projections.Snapshot<PlanTask>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<CommendationCriteria>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<NgoCommendations>(SnapshotLifecycle.Inline);
            })
            .AddSubscriptionWithServices<MonitoringRelay>(ServiceLifetime.Singleton);
        builder.AddAidBus(Name, bus =>
        {
            bus.AddConsumer<StartMonitoringWhenDossierApproved>();
            bus.AddConsumer<RecordReportFacts>();
        });
        builder.Services.AddSingleton<Aid.ServiceDefaults.Audit.AuditedDossier>(new Aid.ServiceDefaults.Audit.SingleAggregateAudit<MonitoredProject>("project"));
        builder.Services.AddDocumentStorage(builder.Configuration, Name);
        builder.Services.Configure<MonitoringOptions>(builder.Configuration.GetSection("Monitoring"));
        builder.Services.Configure<IatiOptions>(builder.Configuration.GetSection("Monitoring:Iati"));
        builder.Services.AddAuthorization(o =>
        {
            ProjectAccess.AddPolicies(o);
            ReportAccess.AddPolicies(o);
            PlanTaskAccess.AddPolicies(o);
            IatiAccess.AddPolicies(o);
            RecognitionAccess.AddPolicies(o);
        });
        builder.Services.AddHostedService<OverdueScanner>();
        builder.Services.Configure<ReportingOptions>(builder.Configuration.GetSection("Reporting"));
        builder.Services.AddSingleton<ReminderScanner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReminderScanner>());
        // Statuses and verdicts read as names; a body that cannot be read is answered 400 naming the JSON path.
        return builder;
    }

    public static WebApplication MapMonitoringService(this WebApplication app)
    {
        app.UseUnreadableJsonAsInvalidField();
        app.MapProjects();
        app.MapProvinceReports();
        Quality.QualityEndpoints.MapQuality(app);
        app.MapPlanTasks();
        app.MapIati();
        app.MapRecognition();
        return app;
    }
}
