using Aid.Contracts.Security;
using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Aid.Security.Reviews;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Published = Aid.Contracts.Registration;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Accepting at the intake check (published to the security service), withdrawal, stage ownership, roles.</summary>
public sealed class IntakeCheckTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task Accepting_a_dossier_hands_it_to_the_security_service_with_its_public_summary()
    {
        var (ngoId, receipt) = await api.AcceptedDossierAsync(sensitive: ["Religion"]);

        var review = await Eventually.Returns(async () =>
        {
            await using var query = AidSystem.StoreOf(system.Security).QuerySession();
            return await query.LoadAsync<SecurityReview>(receipt.DossierId);
        }, "the security review to open");
        Assert.Equal(receipt.ReceiptCode, review.ReceiptCode);
        Assert.Equal(ngoId, review.NgoId);
        Assert.Equal(ReviewTrack.Full, review.Track);

        var accepted = Assert.IsType<DossierAccepted>((await api.EventsOf(receipt.DossierId)).Last());
        Assert.Equal("Clean water for Tân Phú schools", accepted.Title);
        Assert.Equal(120000m * 25400m, accepted.AmountVnd);
        Assert.Equal(receipt.AppointmentDate, accepted.AppointmentDate);
        Assert.True(accepted.IntakeOnTime);

        await using var events = api.Store.QuerySession();
        var stored = (await events.Events.FetchStreamAsync(receipt.DossierId)).Last();
        Assert.Equal("intake.officer", stored.UserName);
        Assert.NotNull(stored.CorrelationId);
        Assert.NotNull(stored.CausationId);

        var status = await api.StatusAsync(receipt.DossierId);
        Assert.Equal("SecurityCheck", status.Stage);
        Assert.Equal("CAT", status.HoldingAgency!.Code);
        Assert.Equal("Công an tỉnh", status.HoldingAgency.NameVi);
    }

    [Fact]
    public async Task The_published_DossierAccepted_carries_the_full_public_summary()
    {
        // Other tests of this class publish too: keep every message and pick ours.
        var published = new System.Collections.Concurrent.ConcurrentDictionary<Guid, Published.DossierAccepted>();
        var bus = system.Registration.Services.GetRequiredService<IBus>();
        var listener = bus.ConnectReceiveEndpoint($"test-accepted-{Guid.NewGuid():N}", e => e.Handler<Published.DossierAccepted>(context =>
        {
            published[context.Message.DossierId] = context.Message;
            return Task.CompletedTask;
        }));
        await listener.Ready;
        try
        {
            var (ngoId, receipt) = await api.AcceptedDossierAsync(sensitive: ["Land", "Ethnicity"]);
            var message = await Eventually.Returns(() => Task.FromResult(published.GetValueOrDefault(receipt.DossierId)),
                "DossierAccepted to be published");
            Assert.Equal(receipt.ReceiptCode, message.ReceiptCode);
            Assert.Equal(ngoId, message.NgoId);
            Assert.Equal("Project", message.AidKind);
            Assert.Equal(["Land", "Ethnicity"], message.SensitiveAreas);
            Assert.Equal("Children's Relief Works", message.NgoName);
            Assert.Equal("Clean water for Tân Phú schools", message.Title);
            Assert.Equal(["Education", "Water"], message.Fields);
            Assert.Equal(["Xã Phú Lộc", "Xã Tà Lài"], message.Locations);
            Assert.Equal(120000m, message.Amount);
            Assert.Equal("USD", message.Currency);
            Assert.Equal(120000m * 25400m, message.AmountVnd);
            Assert.Equal(new DateOnly(2027, 1, 1), message.StartDate);
            Assert.Equal(new DateOnly(2028, 12, 31), message.EndDate);
            Assert.Equal(receipt.AppointmentDate, message.AppointmentDate);
            Assert.Equal("intake.officer", message.Metadata.Actor);
            Assert.Equal("SNV", message.Metadata.Agency);
            Assert.Equal("registration", message.Metadata.SourceService);
        }
        finally
        {
            await listener.StopAsync();
        }
    }

    [Fact]
    public async Task Two_intake_officers_accepting_at_once_give_one_success_and_one_409()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        using var first = api.As("intake.officer");
        using var second = system.Registration.ClientAs(Aid.ServiceDefaults.Identity.DevelopmentUser.ByName("intake.officer") with { UserName = "intake.officer.2" });
        var seen = (await api.StatusAsync(receipt.DossierId, "intake.officer")).Version;
        HttpRequestMessage Accept() => new(HttpMethod.Post, $"/dossiers/{receipt.DossierId}/accept") { Headers = { { "If-Match", $"\"{seen}\"" } } };

        var results = await Task.WhenAll(first.SendAsync(Accept()), second.SendAsync(Accept()));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        Assert.Single((await api.EventsOf(receipt.DossierId)).OfType<DossierAccepted>());

        // Repeating the command without a version is refused by the rule, not by the version.
        var again = await first.PostAsync($"/dossiers/{receipt.DossierId}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("wrong-stage", (await RegistrationApi.Read(again))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_intake_officers_accept_or_request_supplements()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId, upload: false);
        foreach (var client in new[] { api.AsNgo(ngoId), api.As("auditor"), api.As("cleared.auditor"), api.As("security.officer"),
                     api.As("appraiser"), api.As("decision.maker"), api.As("monitoring.officer"), api.As("admin") })
        {
            using (client)
            {
                Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
                    new { missingItems = new[] { "x" } })).StatusCode);
            }
        }
        foreach (var user in new[] { "intake.officer", "auditor", "security.officer" })
        {
            using var officer = api.As(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/withdraw", new { reason = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/resubmit", new { })).StatusCode);
        }
        using var anonymous = system.Registration.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
        Assert.Single(await api.EventsOf(receipt.DossierId));
    }

    [Fact]
    public async Task The_NGO_withdraws_its_dossier_and_the_withdrawal_is_published()
    {
        var withdrawn = new System.Collections.Concurrent.ConcurrentDictionary<Guid, Published.DossierWithdrawn>();
        var bus = system.Registration.Services.GetRequiredService<IBus>();
        var listener = bus.ConnectReceiveEndpoint($"test-withdrawn-{Guid.NewGuid():N}", e => e.Handler<Published.DossierWithdrawn>(context =>
        {
            withdrawn[context.Message.DossierId] = context.Message;
            return Task.CompletedTask;
        }));
        await listener.Ready;
        try
        {
            var (ngoId, receipt) = await api.AcceptedDossierAsync();
            using var staff = api.AsNgo(ngoId);
            await RegistrationApi.AssertInvalid(await staff.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/withdraw", new { reason = "" }), "reason");
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/withdraw",
                new { reason = "Funding was cancelled by the donor" })).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await staff.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/withdraw",
                new { reason = "again" })).StatusCode);

            var message = await Eventually.Returns(() => Task.FromResult(withdrawn.GetValueOrDefault(receipt.DossierId)),
                "DossierWithdrawn to be published");
            Assert.Equal(receipt.ReceiptCode, message.ReceiptCode);
            Assert.Equal("Funding was cancelled by the donor", message.Reason);

            var status = await api.StatusAsync(receipt.DossierId, "intake.officer");
            Assert.Equal("Withdrawn", status.Stage);
            Assert.Null(status.HoldingAgency);
            Assert.Equal("Dossier withdrawn by the NGO", status.Timeline.Last().Label.En);
            using var officer = api.As("intake.officer");
            Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
            Assert.Single((await api.EventsOf(receipt.DossierId)).OfType<DossierWithdrawn>());
        }
        finally
        {
            await listener.StopAsync();
        }
    }

    [Fact]
    public async Task Malformed_supplement_requests_answer_400_and_change_nothing()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId, upload: false);
        using var officer = api.As("intake.officer");
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = Array.Empty<string>() }), "missingItems");
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = new[] { "ok", "bad\u001b[31m" } }), "missingItems[1]");
        await RegistrationApi.AssertInvalid(await officer.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/supplement-request",
            new { missingItems = Enumerable.Range(0, 51).Select(i => $"item {i}") }), "missingItems");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"/dossiers/{Guid.NewGuid()}/supplement-request",
            new { missingItems = new[] { "x" } })).StatusCode);
        Assert.Single(await api.EventsOf(receipt.DossierId));
    }
}
