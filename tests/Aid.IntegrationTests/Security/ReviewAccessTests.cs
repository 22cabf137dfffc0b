using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Xunit;

namespace Aid.IntegrationTests.SecurityReviews;

/// <summary>Who may do what in the security service, and who may read the confidential findings.</summary>
public sealed class ReviewAccessTests(AidSystem system) : IClassFixture<AidSystem>
{
    private const string Finding = "Phát hiện mật: nguồn tài trợ liên quan tổ chức X.";
    private const string Reasons = "Lý do phản đối mật.";

    /// <summary>Every named user, an NGO's staff, and a security officer of another agency.</summary>
    public static TheoryData<string> Users => [.. DevelopmentUser.Named.Select(u => u.UserName), "ngo.staff", "foreign.security.officer"];

    private static DevelopmentUser User(string name) => name switch
    {
        "ngo.staff" => DevelopmentUser.NgoStaff(Guid.NewGuid()),
        "foreign.security.officer" => new DevelopmentUser("foreign.security.officer", "Officer of another agency",
            Roles.SecurityOfficer, Agencies.Finance.Code),
        _ => DevelopmentUser.ByName(name),
    };

    private static bool IsOfficer(string user) => user == "security.officer";
    private static bool IsAuditor(string user) => user is "auditor" or "cleared.auditor";

    private async Task<Guid> ConcludedReviewWithFindingAsync()
    {
        var accepted = await system.AcceptDossierAsync(sensitiveAreas: ["HumanRights"]);
        await system.AssignAsync(accepted.DossierId);
        using var officer = system.Security.ClientAs("security.officer");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync(
            $"/security-reviews/{accepted.DossierId}/findings", new { text = Finding, severity = "Critical" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync(
            $"/security-reviews/{accepted.DossierId}/conclusion", new { verdict = "Objection", reasons = Reasons })).StatusCode);
        return accepted.DossierId;
    }

    [Theory, MemberData(nameof(Users))]
    public async Task Reads_are_for_security_officers_and_auditors_findings_for_officers_and_cleared_auditors(string user)
    {
        var id = await ConcludedReviewWithFindingAsync();
        using var client = system.Security.ClientAs(User(user));
        var reader = IsOfficer(user) || IsAuditor(user);
        var findingReader = IsOfficer(user) || user == "cleared.auditor";

        var review = await client.GetAsync($"/security-reviews/{id}");
        var queue = await client.GetAsync("/security-reviews/queue");
        var statistics = await client.GetAsync("/security-reviews/statistics?from=2026-01-01&to=2026-12-31");
        var findings = await client.GetAsync($"/security-reviews/{id}/findings");

        var expected = reader ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
        Assert.Equal(expected, review.StatusCode);
        Assert.Equal(expected, queue.StatusCode);
        Assert.Equal(expected, statistics.StatusCode);
        Assert.Equal(findingReader ? HttpStatusCode.OK : HttpStatusCode.Forbidden, findings.StatusCode);

        var reviewText = await review.Content.ReadAsStringAsync();
        var findingsText = await findings.Content.ReadAsStringAsync();
        if (findingReader)
        {
            Assert.Contains(Finding, findingsText);
            Assert.Contains(Reasons, findingsText);
            Assert.Contains(Finding, reviewText);
        }
        else
        {
            // Never a trace of the confidential content, whatever the answer.
            Assert.DoesNotContain(Finding, reviewText + findingsText);
            Assert.DoesNotContain(Reasons, reviewText + findingsText);
        }
        if (reader && !findingReader)
        {
            var view = JsonDocument.Parse(reviewText).RootElement;
            Assert.Equal(JsonValueKind.Null, view.GetProperty("confidential").ValueKind);
            Assert.Equal("Objection", view.GetProperty("verdict").GetString());
        }
    }

    [Theory, MemberData(nameof(Users))]
    public async Task Only_security_officers_of_the_police_act_on_a_review(string user)
    {
        var accepted = await system.AcceptDossierAsync();
        var id = accepted.DossierId;
        using var client = system.Security.ClientAs(User(user));
        var expected = IsOfficer(user) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        var assigned = await client.PostAsJsonAsync($"/security-reviews/{id}/assignments", new { officers = new[] { "security.officer" } });
        var finding = await client.PostAsJsonAsync($"/security-reviews/{id}/findings", new { text = "x", severity = "Low" });
        var concluded = await client.PostAsJsonAsync($"/security-reviews/{id}/conclusion", new { verdict = "Cleared" });

        Assert.Equal(expected, assigned.StatusCode);
        Assert.Equal(IsOfficer(user) ? HttpStatusCode.Created : HttpStatusCode.Forbidden, finding.StatusCode);
        Assert.Equal(expected, concluded.StatusCode);
        Assert.Equal(IsOfficer(user) ? 4 : 1, (await system.EventsAsync(id)).Count);
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401()
    {
        var id = (await system.AcceptDossierAsync()).DossierId;
        using var anonymous = system.Security.CreateClient();

        foreach (var url in new[] { $"/security-reviews/{id}", $"/security-reviews/{id}/findings", "/security-reviews/queue",
                     "/security-reviews/statistics?from=2026-01-01&to=2026-12-31" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        foreach (var command in new[] { "assignments", "findings", "conclusion" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/security-reviews/{id}/{command}", new { })).StatusCode);
        Assert.Single(await system.EventsAsync(id));
    }

    [Fact]
    public async Task An_unknown_review_answers_404_to_readers()
    {
        using var auditor = system.Security.ClientAs("cleared.auditor");
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/security-reviews/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/security-reviews/{Guid.NewGuid()}/findings")).StatusCode);
    }
}
