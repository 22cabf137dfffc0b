using Aid.Contracts.Security;
using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Security;
using Aid.Security.Reviews;
using Aid.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Published = Aid.Contracts.Registration;
using Xunit;

namespace Aid.IntegrationTests.SecurityReviews;

/// <summary>Reviews open from DossierAccepted (screened, with their due date) and close on DossierWithdrawn.</summary>
public sealed class ReviewOpeningTests(AidSystem system) : IClassFixture<AidSystem>
{
    private WorkingCalendar Calendar => system.Security.Services.GetRequiredService<WorkingCalendar>();

    [Fact]
    public async Task A_dossier_without_sensitive_areas_gets_a_standard_review_due_in_ten_working_days()
    {
        var accepted = await system.AcceptDossierAsync();

        var review = await system.ReviewAsync(accepted.DossierId, _ => true, "the review");
        Assert.Equal(ReviewTrack.Standard, review.Track);
        Assert.Empty(review.ScreeningReasons);
        Assert.Equal(ReviewStatus.Open, review.Status);
        Assert.Equal(accepted.ReceiptCode, review.ReceiptCode);
        Assert.Equal(accepted.NgoId, review.NgoId);
        Assert.Equal("Hope International", review.NgoName);
        Assert.Equal("Nước sạch cho xã Tân Lập", review.Title);
        Assert.Equal("Project", review.AidKind);
        Assert.Equal(new DateOnly(2027, 1, 15), review.AppointmentDate);
        var acceptedOn = accepted.Metadata.OccurredAt.VietnamDate();
        Assert.Equal(acceptedOn, review.StartedOn);
        Assert.Equal(Calendar.AddWorkingDays(acceptedOn, 10), review.DueOn);
        Assert.Null(review.EndedOn);

        var opened = Assert.Single(await system.EventsAsync(accepted.DossierId));
        Assert.Equal("system", opened.UserName);
        Assert.Equal("CAT", opened.GetHeader("agency")?.ToString());
        Assert.Equal(accepted.Metadata.CorrelationId, opened.CorrelationId);
        Assert.Equal(accepted.Metadata.EventId.ToString(), opened.CausationId);
    }

    [Fact]
    public async Task A_dossier_touching_a_sensitive_area_gets_a_full_review()
    {
        var accepted = await system.AcceptDossierAsync(sensitiveAreas: ["Religion", "Land"]);

        var review = await system.ReviewAsync(accepted.DossierId, _ => true, "the review");
        Assert.Equal(ReviewTrack.Full, review.Track);
        Assert.Equal(["sensitive-area:Religion", "sensitive-area:Land"], review.ScreeningReasons);
        Assert.Equal(["Religion", "Land"], review.SensitiveAreas);
    }

    [Fact]
    public async Task Emergency_relief_is_due_in_one_working_day()
    {
        var accepted = await system.AcceptDossierAsync(aidKind: "EmergencyRelief");

        var review = await system.ReviewAsync(accepted.DossierId, _ => true, "the review");
        Assert.Equal(Calendar.AddWorkingDays(accepted.Metadata.OccurredAt.VietnamDate(), 1), review.DueOn);
    }

    [Fact]
    public async Task A_redelivered_DossierAccepted_changes_nothing()
    {
        var accepted = await system.AcceptDossierAsync();

        await system.PublishAsync(accepted);
        await system.PublishAsync(accepted with { SensitiveAreas = ["Religion"] }); // same event id: still a duplicate
        await system.DrainAcceptancesAsync();

        Assert.Single(await system.EventsAsync(accepted.DossierId));
        var review = await system.ReviewAsync(accepted.DossierId, _ => true, "the review");
        Assert.Equal(ReviewTrack.Standard, review.Track);
    }

    [Fact]
    public async Task A_withdrawal_closes_the_review_once_and_refuses_further_commands()
    {
        var accepted = await system.AcceptDossierAsync();
        await system.AssignAsync(accepted.DossierId);
        var withdrawn = new Published.DossierWithdrawn(
            SecurityTestKit.Metadata("registration"), accepted.DossierId, accepted.ReceiptCode, "Donor cancelled");

        await system.PublishAsync(withdrawn);
        var closed = await system.ReviewAsync(accepted.DossierId, r => r.Status == ReviewStatus.Withdrawn, "the review to close");
        Assert.NotNull(closed.EndedOn);
        await system.PublishAsync(withdrawn);
        await system.PublishAsync(withdrawn);
        await system.DrainWithdrawalsAsync();

        var events = await system.EventsAsync(accepted.DossierId);
        Assert.Single(events, e => e.Data is SecurityReviewClosedOnWithdrawal);

        using var officer = system.Security.ClientAs("security.officer");
        var conclusion = await officer.PostAsJsonAsync($"/security-reviews/{accepted.DossierId}/conclusion", new { verdict = "Cleared" });
        await SecurityTestKit.AssertProblemAsync(conclusion, HttpStatusCode.Conflict, code: "dossier-withdrawn");
        var finding = await officer.PostAsJsonAsync($"/security-reviews/{accepted.DossierId}/findings", new { text = "x", severity = "Low" });
        await SecurityTestKit.AssertProblemAsync(finding, HttpStatusCode.Conflict, code: "dossier-withdrawn");
        var assignment = await officer.PostAsJsonAsync($"/security-reviews/{accepted.DossierId}/assignments", new { officers = new[] { "other.officer" } });
        await SecurityTestKit.AssertProblemAsync(assignment, HttpStatusCode.Conflict, code: "dossier-withdrawn");
        Assert.Equal(events.Count, (await system.EventsAsync(accepted.DossierId)).Count);
    }

    [Fact]
    public async Task A_withdrawal_during_intake_is_consumed_without_effect()
    {
        var dossierId = Guid.NewGuid();
        await system.PublishAsync(new Published.DossierWithdrawn(
            SecurityTestKit.Metadata("registration"), dossierId, "SNV-X", "never accepted") { WasAccepted = false });
        await system.DrainWithdrawalsAsync();

        Assert.Empty(await system.EventsAsync(dossierId));
    }

    [Fact]
    public async Task A_withdrawal_that_overtakes_its_acceptance_closes_the_review_once_it_opens()
    {
        var dossierId = Guid.NewGuid();
        await system.PublishAsync(new Published.DossierWithdrawn(
            SecurityTestKit.Metadata("registration"), dossierId, "SNV-20261123-077", "Withdrawn at once") { WasAccepted = true });
        // The review is not there yet: the bus retries the withdrawal until the acceptance has opened it.

        await system.PublishAsync(new Published.DossierAccepted(
            SecurityTestKit.Metadata("registration"), dossierId, "SNV-20261123-077", Guid.NewGuid(), "Project", []));

        var review = await system.ReviewAsync(dossierId, r => r.Status == ReviewStatus.Withdrawn, "the review to open closed");
        Assert.NotNull(review.EndedOn);
        Assert.Equal([typeof(SecurityReviewOpened), typeof(SecurityReviewClosedOnWithdrawal)],
            (await system.EventsAsync(dossierId)).Select(e => e.Data.GetType()));
        using var officer = system.Security.ClientAs("security.officer");
        var queue = await (await officer.GetAsync("/security-reviews/queue?pageSize=100")).JsonAsync();
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), i => i.GetProperty("dossierId").GetGuid() == dossierId);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_security_review_endpoint()
    {
        using var auditor = system.Security.ClientAs("auditor");
        var document = await (await auditor.GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = document.GetProperty("paths");
        foreach (var (path, method, operation) in new[]
                 {
                     ("/security-reviews/{id}", "get", "GetSecurityReview"),
                     ("/security-reviews/{id}/findings", "get", "GetSecurityFindings"),
                     ("/security-reviews/{id}/findings", "post", "RecordSecurityFinding"),
                     ("/security-reviews/{id}/assignments", "post", "AssignSecurityOfficers"),
                     ("/security-reviews/{id}/conclusion", "post", "ConcludeSecurityReview"),
                     ("/security-reviews/queue", "get", "GetSecurityWorkQueue"),
                     ("/security-reviews/statistics", "get", "GetSecurityReviewStatistics"),
                 })
            Assert.Equal(operation, paths.GetProperty(path).GetProperty(method).GetProperty("operationId").GetString());
    }
}
