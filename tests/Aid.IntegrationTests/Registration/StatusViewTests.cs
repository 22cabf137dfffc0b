using System.Net;
using System.Net.Http.Json;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Monitoring;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The NGO status view, fed by the other agencies' integration events (each delivered twice), and the
/// public lookup by receipt code and secret.</summary>
public sealed class StatusViewTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    private static EventMetadata Metadata(string agency, string source) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "someone", agency, "corr", null, source, 1);

    [Fact]
    public async Task Every_consumed_event_moves_the_status_once_even_when_delivered_twice()
    {
        var (ngoId, receipt) = await api.AcceptedDossierAsync();
        var id = receipt.DossierId;
        var code = receipt.ReceiptCode;
        var today = api.Today;
        IIntegrationEvent[] messages =
        [
            new SecurityReviewConcluded(Metadata("CAT", "security"), id, code, SecurityVerdict.ClearedWithConditions, ["Quarterly reports"]),
            new AppraisalOpened(Metadata("STC", "appraisal"), id, code, today.AddDays(30)),
            new AppraisalReportIssued(Metadata("STC", "appraisal"), id, code, Recommendation.Approve, today.AddDays(40)),
            new DossierDecided(Metadata("UBND", "appraisal"), id, code, DecisionOutcome.Approved) { DecisionNumber = "123/QĐ-UBND", DecisionDate = today },
            new ProjectMonitoringStarted(Metadata("SNV", "monitoring"), id, code, today.AddMonths(6)),
            new ProjectStatusChanged(Metadata("SNV", "monitoring"), id, code, ProjectStatus.Closed, "Finished"),
        ];
        var bus = system.Registration.Services.GetRequiredService<IBus>();
        foreach (var message in messages)
        {
            await bus.Publish(message, message.GetType());
            await bus.Publish(message, message.GetType());
        }

        var closed = await Eventually.Returns(async () =>
        {
            var status = await api.StatusAsync(id);
            return status.Timeline.Any(s => s.Step == "ProjectClosed") && status.Timeline.Any(s => s.Step == "SecurityConcluded") ? status : null;
        }, "the last step to be recorded");
        // Redeliveries are handled by the same queue; give them time to land before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));

        var events = await api.EventsOf(id);
        foreach (var message in messages)
            Assert.Single(events, e => SourceOf(e) == message.Metadata.EventId);
        var status = await api.StatusAsync(id);
        Assert.Equal("Closed", status.Stage);
        Assert.Null(status.HoldingAgency);
        // The real Appraisal service also reacts to the published verdict and opens its own appraisal, so one more
        // AppraisalOpened may arrive late; it never moves the stage back. The steps in order of first appearance:
        Assert.Equal(["Submitted", "Accepted", "SecurityConcluded", "AppraisalOpened", "AppraisalReportIssued", "DecidedApproved",
            "MonitoringStarted", "ProjectClosed"], status.Timeline.Select(s => s.Step).Distinct());
        Assert.All(status.Timeline, s => Assert.False(string.IsNullOrEmpty(s.Label.Vi)));
        Assert.Equal(closed.Timeline.Count(s => s.Step != "AppraisalOpened"), status.Timeline.Count(s => s.Step != "AppraisalOpened"));

        using var staff = api.AsNgo(ngoId);
        var withdraw = await staff.PostAsJsonAsync($"/dossiers/{id}/withdraw", new { reason = "too late" });
        Assert.Equal(HttpStatusCode.Conflict, withdraw.StatusCode);
        Assert.Equal("already-decided", (await RegistrationApi.Read(withdraw))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_for_an_unknown_dossier_are_set_aside_and_record_nothing()
    {
        var unknown = Guid.NewGuid();
        var bus = system.Registration.Services.GetRequiredService<IBus>();
        await bus.Publish(new SecurityReviewConcluded(Metadata("CAT", "security"), unknown, "SNV-20000101-001", SecurityVerdict.Cleared, []));
        var (_, receipt) = await api.AcceptedDossierAsync();
        await bus.Publish(new AppraisalOpened(Metadata("STC", "appraisal"), receipt.DossierId, receipt.ReceiptCode, api.Today.AddDays(20)));
        await Eventually.Returns(async () => (await api.StatusAsync(receipt.DossierId)).Stage == "Appraisal" ? "ok" : null, "the marker");
        Assert.Empty(await api.EventsOf(unknown));
        var (queue, letter) = await DeadLetterProbe.ParkedAsync(system.Registration, unknown.ToString());
        Assert.EndsWith("progress-from-other-agencies_error", queue);
        Assert.Contains($"dossier {unknown} is unknown here", letter.FaultMessage);
    }

    [Fact]
    public async Task The_public_lookup_needs_the_code_and_the_secret_and_shows_only_the_public_summary()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var anonymous = system.Registration.CreateClient();

        var response = await anonymous.GetAsync($"/public/status?code={receipt.ReceiptCode.ToLowerInvariant()}&secret={receipt.LookupSecret}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(receipt.ReceiptCode, body);
        Assert.Contains("Kiểm tra hồ sơ tiếp nhận", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("stageLabel").GetProperty("vi").GetString());
        Assert.DoesNotContain(ngoId.ToString(), body);
        Assert.DoesNotContain("lookupSecret", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("budget", body, StringComparison.OrdinalIgnoreCase);

        var wrongSecret = await anonymous.GetAsync($"/public/status?code={receipt.ReceiptCode}&secret=AAAAAAAA");
        var wrongCode = await anonymous.GetAsync($"/public/status?code=SNV-20000101-001&secret={receipt.LookupSecret}");
        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);
        Assert.Equal(await wrongSecret.Content.ReadAsStringAsync().ContinueWith(t => t.Result.Length > 0),
            await wrongCode.Content.ReadAsStringAsync().ContinueWith(t => t.Result.Length > 0));
    }

    private static Guid? SourceOf(object e) => e switch
    {
        SecurityCheckConcluded x => x.SourceEventId,
        AppraisalStarted x => x.SourceEventId,
        AppraisalReportReceived x => x.SourceEventId,
        DecisionReceived x => x.SourceEventId,
        MonitoringStarted x => x.SourceEventId,
        ProjectStatusReceived x => x.SourceEventId,
        _ => null,
    };
}
