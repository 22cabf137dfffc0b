using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Appraisal.Appraisals;
using Aid.Contracts;
using Aid.Contracts.Desks;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using Aid.Domain.Calendar;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Aid.Contracts.Appraisal;

namespace Aid.IntegrationTests.AppraisalTests;

/// <summary>
/// Drives the appraisal service the way the other services will: by publishing their contracts on the real bus
/// (Registration's DossierAccepted, Security's SecurityReviewConcluded), then calling its HTTP API.
/// </summary>
public sealed class AppraisalDriver(AidSystem system)
{
    private static int sequence;

    public IBus Bus => system.Registration.Services.GetRequiredService<IBus>();

    /// <summary>Metadata as the agency's service publishes it (Sở Ngoại vụ: Registration, unless a source is named).</summary>
    public static EventMetadata Metadata(string agency = "SNV", string? source = null) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "test", agency, "corr-" + Guid.NewGuid(), null, source ?? SourceOf(agency),
            Interlocked.Increment(ref sequence));

    public static string SourceOf(string agency) => agency switch
    {
        "CAT" => "security",
        "STC" or "UBND" => "appraisal",
        _ => "registration",
    };

    public static DossierAccepted Accepted(Guid dossierId, string aidKind = "Project", IReadOnlyList<string>? areas = null,
        IReadOnlyList<string>? fields = null, DossierClassification? classification = null) =>
        new(Metadata(), dossierId, ReceiptCode(dossierId), Guid.NewGuid(), aidKind, areas ?? [])
        {
            NgoName = "Save the Rivers",
            Title = "Nước sạch cho xã Tân Lập",
            TitleEn = "Clean water for Tân Lập commune",
            Fields = fields ?? ["Water"],
            Amount = 100_000m,
            Currency = "USD",
            AmountVnd = 2_600_000_000m,
            StartDate = new DateOnly(2027, 1, 1),
            EndDate = new DateOnly(2028, 12, 31),
            NgoCountry = "Vương quốc Anh",
            Locations = ["Xã Tân Lập"],
            Objectives = "Nước sạch cho 2.000 hộ dân.",
            CatalogueEntryId = CatalogueEntryId,
            Classification = classification,
        };

    public static readonly Guid CatalogueEntryId = Guid.Parse("6d1f5a52-4c1e-4c8e-9a57-2b0f6e1c0a01");

    public static SecurityReviewConcluded Concluded(Guid dossierId, SecurityVerdict verdict = SecurityVerdict.Cleared,
        IReadOnlyList<string>? conditions = null) =>
        new(Metadata("CAT"), dossierId, ReceiptCode(dossierId), verdict, conditions ?? []);

    public static string ReceiptCode(Guid dossierId) => "SNV-20261123-" + dossierId.ToString("N")[..6];

    public Task Publish<T>(T message) where T : class => Bus.Publish(message);

    /// <summary>A dossier whose appraisal is open (accepted, then security concluded).</summary>
    public async Task<Guid> OpenAppraisalAsync(SecurityVerdict verdict = SecurityVerdict.Cleared, string aidKind = "Project",
        IReadOnlyList<string>? areas = null, IReadOnlyList<string>? fields = null, DossierClassification? classification = null)
    {
        var id = Guid.NewGuid();
        await Publish(Accepted(id, aidKind, areas, fields, classification));
        await Publish(Concluded(id, verdict, verdict == SecurityVerdict.ClearedWithConditions ? ["No work in border areas"] : []));
        await UntilAsync(id, a => a.Status == AppraisalStatus.Appraising, "the appraisal to open");
        return id;
    }

    /// <summary>An open appraisal with one opinion requested and recorded, and the report issued.</summary>
    public async Task<Guid> ReportedAsync(SecurityVerdict verdict = SecurityVerdict.Cleared, IReadOnlyList<string>? areas = null,
        IReadOnlyList<string>? fields = null, string recommendation = "Approve", DossierClassification? classification = null)
    {
        var id = await OpenAppraisalAsync(verdict, areas: areas, fields: fields, classification: classification);
        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Ngoại vụ" } }));
        await Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/opinions", Opinion("Sở Ngoại vụ")));
        await Ok(appraiser.PostAsJsonAsync($"/appraisals/{id}/report", new
        {
            recommendation,
            conditions = recommendation == "ApproveWithConditions" ? new[] { "Quarterly reports" } : null,
            reasons = recommendation == "Refuse" ? "Not in the province's priorities" : null,
        }));
        return id;
    }

    public object Opinion(string department, string stance = "Supports") => new
    {
        department,
        opinionDate = Today.ToString("yyyy-MM-dd"),
        text = $"{department} đồng ý với dự án.",
        stance,
    };

    public static object Approval(string? overrideReason = null) => new
    {
        decisionNumber = "1234/QĐ-UBND",
        decisionDate = Today.ToString("yyyy-MM-dd"),
        signer = "Nguyễn Văn Chủ tịch",
        conditions = new[] { "Báo cáo 6 tháng" },
        securityOverrideReason = overrideReason,
    };

    public static DateOnly Today => TimeProvider.System.VietnamToday();

    public async Task<DossierAppraisal?> LoadAsync(Guid id)
    {
        await using var query = AidSystem.StoreOf(system.Appraisal).QuerySession();
        return await query.LoadAsync<DossierAppraisal>(id);
    }

    public async Task<IReadOnlyList<JasperFx.Events.IEvent>> EventsAsync(Guid id)
    {
        await using var query = AidSystem.StoreOf(system.Appraisal).QuerySession();
        return await query.Events.FetchStreamAsync(id);
    }

    public Task<DossierAppraisal> UntilAsync(Guid id, Func<DossierAppraisal, bool> condition, string what) =>
        Eventually.Returns(async () => await LoadAsync(id) is { } a && condition(a) ? a : null, what);

    public static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>The appraisal as GET /appraisals/{id} answers it (the desks' shared record), or null while there is none.</summary>
    public static async Task<AppraisalDeskView?> ViewAsync(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/appraisals/{id}");
        return response.StatusCode == HttpStatusCode.OK
            ? await response.Content.ReadFromJsonAsync<AppraisalDeskView>(Aid.IntegrationTests.Desks.QueueSeed.Json)
            : null;
    }

    /// <summary>Asserts a problem-details answer and returns its code (and the body for more checks).</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        if (code is not null)
            Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    /// <summary>Listens on the bus for the messages of one contract the service publishes.</summary>
    public async Task<ConcurrentQueue<T>> ListenAsync<T>() where T : class
    {
        var received = new ConcurrentQueue<T>();
        var handle = Bus.ConnectReceiveEndpoint($"test-{typeof(T).Name}-{Guid.NewGuid():N}", e =>
            e.Handler<T>(context =>
            {
                received.Enqueue(context.Message);
                return Task.CompletedTask;
            }));
        await handle.Ready;
        return received;
    }

    public static Task<T> Received<T>(ConcurrentQueue<T> queue, Func<T, bool> match, string what) where T : class =>
        Eventually.Returns(() => Task.FromResult(queue.FirstOrDefault(match)), what);
}
