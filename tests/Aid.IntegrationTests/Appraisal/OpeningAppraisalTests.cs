using System.Net;
using System.Net.Http.Json;
using Aid.Appraisal.Appraisals;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.IntegrationTests.Infrastructure;
using Aid.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Published = Aid.Contracts.Appraisal;
using Aid.Contracts.Appraisal;

namespace Aid.IntegrationTests.AppraisalTests;

/// <summary>The sequence: the appraisal opens only when security concluded and the dossier summary is known.</summary>
public sealed class OpeningAppraisalTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly AppraisalDriver driver = new(system);

    [Fact]
    public async Task No_appraisal_command_is_accepted_before_security_concluded()
    {
        var id = Guid.NewGuid();
        await driver.Publish(AppraisalDriver.Accepted(id));
        var pending = await driver.UntilAsync(id, a => a.Summary is not null, "the summary to be kept");
        Assert.Equal(AppraisalStatus.Pending, pending.Status);

        using var appraiser = system.Appraisal.ClientAs("appraiser");
        var response = await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Ngoại vụ" } });
        await AppraisalDriver.Problem(response, HttpStatusCode.Conflict, "appraisal-not-open");
        Assert.Equal(AppraisalStatus.Pending, (await driver.LoadAsync(id))!.Status);
        Assert.Single(await driver.EventsAsync(id));

        var view = (await AppraisalDriver.ViewAsync(appraiser, id))!;
        Assert.Equal((AppraisalStatus.Pending, "Nước sạch cho xã Tân Lập", "Project"), (view.Status, view.Dossier!.Title, view.Dossier.AidKind));
        Assert.Null(view.AppraisalStage);
    }

    [Fact]
    public async Task Opens_when_security_concluded_after_acceptance_and_publishes_AppraisalOpened()
    {
        var opened = await driver.ListenAsync<Published.AppraisalOpened>();
        var id = Guid.NewGuid();
        await driver.Publish(AppraisalDriver.Accepted(id));
        await driver.UntilAsync(id, a => a.Summary is not null, "the summary to be kept");
        await driver.Publish(AppraisalDriver.Concluded(id, SecurityVerdict.ClearedWithConditions, ["No work in border areas"]));

        var appraisal = await driver.UntilAsync(id, a => a.Status == AppraisalStatus.Appraising, "the appraisal to open");
        var calendar = system.Appraisal.Services.GetRequiredService<WorkingCalendar>();
        var today = AppraisalDriver.Today;
        Assert.Equal(today, appraisal.AppraisalStage!.StartedOn);
        Assert.Equal(calendar.AddWorkingDays(today, 10 + 20), appraisal.AppraisalStage.DueDate);
        Assert.Equal(["No work in border areas"], appraisal.Security!.PublicConditions);

        var message = await AppraisalDriver.Received(opened, m => m.DossierId == id, "AppraisalOpened on the bus");
        Assert.Equal(appraisal.AppraisalStage.DueDate, message.DueDate);
        Assert.Equal(AppraisalDriver.ReceiptCode(id), message.ReceiptCode);
        Assert.Equal("appraisal", message.Metadata.SourceService);
    }

    [Fact]
    public async Task Opens_when_the_security_conclusion_overtakes_the_dossier_summary()
    {
        // The conclusion is about a dossier not known here yet: the bus retries it until the summary has arrived.
        var id = Guid.NewGuid();
        await driver.Publish(AppraisalDriver.Concluded(id));
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        Assert.Null(await driver.LoadAsync(id));

        await driver.Publish(AppraisalDriver.Accepted(id));
        var open = await driver.UntilAsync(id, a => a.Status == AppraisalStatus.Appraising, "the appraisal to open");
        Assert.Equal("Nước sạch cho xã Tân Lập", open.Summary!.Title);
        Assert.Equal(2_600_000_000m, open.Summary.AmountVnd);
    }

    [Fact]
    public async Task Duplicate_deliveries_change_nothing()
    {
        var id = Guid.NewGuid();
        var accepted = AppraisalDriver.Accepted(id);
        var concluded = AppraisalDriver.Concluded(id);
        await driver.Publish(accepted);
        await driver.Publish(concluded);
        await driver.UntilAsync(id, a => a.Status == AppraisalStatus.Appraising, "the appraisal to open");
        var before = await driver.EventsAsync(id);
        Assert.Equal(3, before.Count); // summary, verdict, opened

        await driver.Publish(accepted);
        await driver.Publish(concluded);
        await driver.Publish(accepted);
        // A different verdict for the same dossier (another event id) is refused: it does not overwrite the first.
        await driver.Publish(AppraisalDriver.Concluded(id, SecurityVerdict.Objection));
        var withdrawn = new DossierWithdrawn(AppraisalDriver.Metadata(), id, accepted.ReceiptCode, "Changed plans");
        await driver.Publish(withdrawn);
        await driver.UntilAsync(id, a => a.Status == AppraisalStatus.Withdrawn, "the withdrawal to be handled");
        await driver.Publish(withdrawn);
        // Markers: once later messages on each queue are handled, the duplicates before them were too.
        var marker = Guid.NewGuid();
        await driver.Publish(AppraisalDriver.Accepted(marker));
        await driver.Publish(AppraisalDriver.Concluded(marker));
        // A conclusion arriving after the withdrawal would be refused: the marker withdrawal waits for it.
        await driver.UntilAsync(marker, a => a.Security is not null, "the marker conclusion");
        await driver.Publish(new DossierWithdrawn(AppraisalDriver.Metadata(), marker, AppraisalDriver.ReceiptCode(marker), "marker"));
        await driver.UntilAsync(marker, a => a.Status == AppraisalStatus.Withdrawn && a.Summary is not null && a.Security is not null,
            "the markers to be handled");

        var after = await driver.EventsAsync(id);
        Assert.Equal(4, after.Count);
        Assert.IsType<AppraisalClosedByWithdrawal>(after[^1].Data);
        Assert.Equal(SecurityVerdict.Cleared, (await driver.LoadAsync(id))!.Security!.Verdict);
    }

    [Fact]
    public async Task A_withdrawn_dossier_refuses_every_further_command()
    {
        var id = await driver.OpenAppraisalAsync();
        await driver.Publish(new DossierWithdrawn(AppraisalDriver.Metadata(), id, AppraisalDriver.ReceiptCode(id), "The donor withdrew"));
        await driver.UntilAsync(id, a => a.Status == AppraisalStatus.Withdrawn, "the case to close");

        using var appraiser = system.Appraisal.ClientAs("appraiser");
        await AppraisalDriver.Problem(
            await appraiser.PostAsJsonAsync($"/appraisals/{id}/opinion-requests", new { departments = new[] { "Sở Ngoại vụ" } }),
            HttpStatusCode.Conflict, "dossier-withdrawn");
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Problem(await decisionMaker.PostAsJsonAsync($"/decisions/{id}/refuse", new { reasons = "x" }),
            HttpStatusCode.Conflict, "dossier-withdrawn");
        Assert.Equal("The donor withdrew", (await driver.LoadAsync(id))!.WithdrawalReason);
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_without_blocking_or_writing_anything()
    {
        var poison = Guid.NewGuid();
        await driver.Publish(AppraisalDriver.Accepted(poison) with { ReceiptCode = "", AidKind = "" });
        var marker = Guid.NewGuid();
        await driver.Publish(AppraisalDriver.Accepted(marker));
        await driver.UntilAsync(marker, a => a.Summary is not null, "the message after the poison one to be handled");

        var errorQueue = await Eventually.Returns(async () =>
        {
            var queues = await ManagementQueuesAsync();
            return queues.FirstOrDefault(q => q.Name.EndsWith("_error") && q.Name.Contains("dossier-summary") && q.Messages > 0) is { Name: not null } q
                ? q.Name : null;
        }, "the poison message in an _error queue", TimeSpan.FromSeconds(60));
        Assert.Contains("record-dossier-summary", errorQueue);
        Assert.Null(await driver.LoadAsync(poison));
        Assert.Empty(await driver.EventsAsync(poison));
    }

    private async Task<List<(string Name, long Messages)>> ManagementQueuesAsync()
    {
        var amqp = new Uri(system.Appraisal.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()
            ["ConnectionStrings:RabbitMq"]!);
        using var http = (await TestServers.Instance).ManagementClient();
        var vhost = Uri.EscapeDataString(Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/')));
        var queues = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/queues/{vhost}");
        return queues.EnumerateArray()
            .Select(q => (q.GetProperty("name").GetString()!, q.TryGetProperty("messages", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Number ? m.GetInt64() : 0))
            .ToList();
    }
}
