using Aid.ServiceDefaults.Documents;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Aid.Registration.Dossiers;
using Aid.Registration.Ngos;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Problems;
using Aid.Domain.Rules;
using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Http.Json;

namespace Aid.Registration;

/// <summary>Sở Ngoại vụ: the foreign NGO registry and dossier intake.</summary>
public static class RegistrationService
{
    public const string Name = "registration";
    public const string Agency = "SNV";

    public static WebApplicationBuilder AddRegistrationService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts =>
            {
                opts.Projections.Snapshot<Ngo>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Dossier>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Catalogue.CatalogueEntry>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Mobilisation.MobilisationPlan>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Donors.Donor>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<Donors.Dialogue>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<PersonalData.Erasure>(SnapshotLifecycle.Inline);
                opts.Schema.For<PersonalData.PersonalDataKey>();
                opts.Projections.Add<DossierStatusProjection>(ProjectionLifecycle.Inline);
                opts.Schema.For<DossierStatus>().Identity(s => s.DossierId).Index(s => s.ReceiptCode);
                opts.Schema.For<Dossier>().Index(d => d.ReceiptCode).Index(d => d.NgoId).Index(d => d.Stage).Index(d => d.QueueDue);
                opts.Storage.ExtendedSchemaObjects.Add(ReceiptNumbers.Table(opts.DatabaseSchemaName));
            })
            .AddSubscriptionWithServices<RegistrationRelay>(ServiceLifetime.Singleton);
        builder.AddAidBus(Name, bus =>
        {
            bus.AddConsumer<ProgressFromOtherAgencies, ProgressFromOtherAgenciesDefinition>();
            bus.AddConsumer<Catalogue.AidReceivedForCatalogue, Catalogue.AidReceivedForCatalogueDefinition>();
        });

        builder.Services.Configure<ProvinceOptions>(builder.Configuration.GetSection("Province"));
        builder.Services.AddAuthorization(o =>
        {
            DossierAccess.AddPolicies(o);
            NgoAccess.AddPolicies(o);
            Catalogue.CatalogueAccess.AddPolicies(o);
            Mobilisation.MobilisationAccess.AddPolicies(o);
            Donors.DonorAccess.AddPolicies(o);
            PersonalData.PersonalDataAccess.AddPolicies(o);
        });
        builder.Services.AddDocumentStorage(builder.Configuration, Name);
        builder.Services.AddSingleton<ReceiptNumbers>();
        builder.Services.AddSingleton<Aid.ServiceDefaults.Audit.AuditedDossier, DossierAudit>();
        builder.Services.AddHostedService<IntakeOverdueScanner>();
        // Malformed bodies and parameters become problem details naming the field (see ProblemMapping).
        builder.Services.Configure<PublicLookupOptions>(builder.Configuration.GetSection("PublicLookup"));
        builder.Services.AddSingleton<LookupLockout>();
        builder.Services.AddRateLimiter(o =>
        {
            var permits = builder.Configuration.GetSection("PublicLookup").Get<PublicLookupOptions>()?.PermitsPerMinute ?? 10;
            // Per client: the caller's address, which is the user's behind a trusted proxy (UseTrustedForwardedHeaders).
            o.AddPolicy(DossierEndpoints.PublicLookupPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Thrown, so that the exception handler answers it as every other refusal: bilingual problem details.
            o.OnRejected = (_, _) => throw TooManyLookups();
        });
        return builder;
    }

    private static RuleViolation TooManyLookups() => new("too-many-lookups", new Bilingual(
        "Bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng thử lại sau một phút.",
        "Too many lookups in one minute. Please try again in a minute."), StatusCodes.Status429TooManyRequests);
}
