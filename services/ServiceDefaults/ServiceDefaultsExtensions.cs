using System.Text.Json.Serialization;
using Aid.ServiceDefaults.Audit;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Messaging;
using Aid.ServiceDefaults.Problems;
using Aid.Domain.Rules;
using Aid.ServiceDefaults.Refusals;
using Aid.ServiceDefaults.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aid.ServiceDefaults;

/// <summary>The name of the service this process runs (registration, security, appraisal, monitoring).</summary>
public sealed record AidServiceName(string Value);

/// <summary>What every Aid service has: logs, telemetry, health, OpenAPI, problem details, graceful shutdown.</summary>
public static class ServiceDefaultsExtensions
{
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddHostDefaults(serviceName);
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.AddAidAuthentication();
        builder.Services.AddSingleton(new AidServiceName(serviceName));
        builder.Services.Configure<RefusalOptions>(builder.Configuration.GetSection("Refusals"));
        builder.Services.AddSingleton<RefusalRecorder>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusalAuthorizationHandler>();
        builder.Services.AddHostedService<RefusalWriter>();
        builder.Services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            AuditAccess.AddPolicies(o);
            DeadLetterAccess.AddPolicies(o);
            RefusalAccess.AddPolicies(o);
            OpenApiAccess.AddPolicies(o);
        });
        builder.Services.AddSingleton(_ => WorkingCalendar.FromFile(builder.Configuration["Calendar:DaysOffFile"]
            ?? Path.Combine(AppContext.BaseDirectory, "reference-data", "vn-days-off.csv")));
        builder.Services.AddSingleton(builder.Configuration.GetSection("StageDeadlines").Get<StageDeadlines>() ?? new StageDeadlines());
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize =
            builder.Configuration.GetValue<long?>("Limits:MaxRequestBodyBytes") ?? 1_048_576);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            // Two values for one key would let a proxy or a log see one and the service act on the other; a key the
            // command does not know is a mistake (or a probe), never silently dropped: {"a":1,"a":2} once bound as
            // an empty resubmission.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Enum values by name only: 2 is not a verdict.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        });
        // A request that does not bind is a 400 problem (InputRejected / ProblemMapping), never a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>The part a web front end shares with the services (it has no database, bus or bearer tokens):
    /// logs, telemetry, problem details, health checks, graceful shutdown.</summary>
    public static WebApplicationBuilder AddHostDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.AddAidTelemetry(serviceName);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<IDeveloperPageExceptionFilter, NoDeveloperExceptionPage>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders(app.Configuration);
        app.UseSecurityHeaders(SecurityHeaders.ApiPolicy);
        app.UseExceptionHandler();
        // A bare 401/404/405 becomes problem details too, whatever the Accept header asked for.
        app.UseStatusCodePages(context => Results.Problem(statusCode: context.HttpContext.Response.StatusCode).ExecuteAsync(context.HttpContext));
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().RequireAuthorization(OpenApiAccess.Read);
        app.MapRefusals();
        if (app.Services.GetService<DeadLetters>() is not null)
            app.MapDeadLetters();
        app.MapHealthEndpoints();
        app.MapAudit();
        if (app.Services.GetService<DevelopmentIssuer>() is { } issuer)
            app.MapGet("/dev/token", (string? user, Guid? ngo) => DevelopmentUser.Find(user ?? "", ngo) is { } found
                    ? Results.Text(issuer.Mint(found))
                    : throw new RuleViolation("unknown-development-user", new Bilingual(
                        "Không có người dùng thử này (tên của cán bộ không dùng được cho tổ chức).",
                        "No such development user (an officer's name is never NGO staff)."), 404))
                .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Live: the process answers. Ready: its dependencies (checks tagged "ready") answer too.</summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
