using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Aid.Domain.Calendar;
using Marten;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Submission: the receipt, the appointment date, automatic refusals, malformed input, NGO scoping.</summary>
public sealed class DossierSubmissionTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task A_submitted_dossier_gets_a_receipt_code_an_appointment_date_and_a_lookup_secret()
    {
        var ngoId = await api.RegisterNgoAsync();
        var today = api.Today;
        var receipt = await api.SubmitAsync(ngoId, upload: false);

        Assert.Matches(new Regex(@"^SNV-\d{8}-\d{3}$"), receipt.ReceiptCode);
        Assert.StartsWith($"SNV-{today:yyyyMMdd}-", receipt.ReceiptCode);
        Assert.Equal(today, receipt.ReceiptDate);
        Assert.Equal(api.Calendar.AddWorkingDays(today, api.Deadlines.TotalFor("Project")), receipt.AppointmentDate);
        Assert.Equal(api.Calendar.AddWorkingDays(today, 3), receipt.IntakeDueDate);
        Assert.Matches(new Regex("^[A-Z2-9]{8}$"), receipt.LookupSecret);

        var submitted = Assert.IsType<DossierSubmitted>(Assert.Single(await api.EventsOf(receipt.DossierId)));
        Assert.NotEqual(receipt.LookupSecret, submitted.LookupSecretHash);
        Assert.DoesNotContain(receipt.LookupSecret, submitted.LookupSecretHash);
        Assert.Equal(120000m * 25400m, submitted.Content.Budget.AmountVnd);

        var status = await api.StatusAsync(receipt.DossierId, "intake.officer");
        Assert.Equal("IntakeCheck", status.Stage);
        Assert.Equal("SNV", status.HoldingAgency!.Code);
        Assert.Equal("Sở Ngoại vụ", status.HoldingAgency.NameVi);
        Assert.Equal("Dossier submitted", Assert.Single(status.Timeline).Label.En);
    }

    [Fact]
    public async Task Emergency_relief_has_its_own_short_deadlines_and_needs_only_the_commitment_letter()
    {
        var ngoId = await api.RegisterNgoAsync();
        var today = api.Today;
        var receipt = await api.SubmitAsync(ngoId, RegistrationApi.DossierBody("EmergencyRelief", ["CommitmentLetter"]));
        Assert.Equal(api.Calendar.AddWorkingDays(today, api.Deadlines.TotalFor("EmergencyRelief")), receipt.AppointmentDate);
        Assert.Equal(api.Calendar.AddWorkingDays(today, api.Deadlines.WorkingDaysFor("EmergencyRelief", Stage.IntakeCheck)), receipt.IntakeDueDate);
    }

    [Fact]
    public async Task Concurrent_submissions_get_distinct_consecutive_receipt_codes()
    {
        var ngoId = await api.RegisterNgoAsync();
        using var client = api.AsNgo(ngoId);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostAsJsonAsync("/dossiers", RegistrationApi.DossierBody())));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = new List<string>();
        foreach (var response in responses)
            codes.Add((await response.Content.ReadFromJsonAsync<DossierReceipt>(RegistrationApi.Json))!.ReceiptCode);
        Assert.Equal(8, codes.Distinct().Count());
    }

    [Fact]
    public async Task A_repeated_submission_with_the_same_id_is_refused_with_409()
    {
        var ngoId = await api.RegisterNgoAsync();
        var body = RegistrationApi.DossierBody();
        body["id"] = Guid.NewGuid().ToString();
        using var client = api.AsNgo(ngoId);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/dossiers", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync("/dossiers", body)).StatusCode);
        Assert.Single(await api.EventsOf(Guid.Parse(body["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task An_expired_certificate_is_refused_with_reasons_in_both_languages()
    {
        var ngoId = await api.RegisterNgoAsync(RegistrationApi.NgoBody(expiry: api.Today.AddDays(-1)));
        var problem = await RefusedAsync(ngoId, RegistrationApi.DossierBody());
        var reason = Assert.Single(problem["reasons"]!.AsArray());
        Assert.Contains("expired", reason!["en"]!.GetValue<string>());
        Assert.Contains("hết hạn", reason["vi"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_suspended_NGO_outside_the_province_without_documents_gets_every_reason_at_once()
    {
        var ngoId = await api.RegisterNgoAsync(RegistrationApi.NgoBody(provinces: ["HCM"]));
        using (var officer = api.As("intake.officer"))
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/ngos/{ngoId}/suspend", new { reason = "Audit" })).StatusCode);

        var problem = await RefusedAsync(ngoId, RegistrationApi.DossierBody(documentKinds: []));
        var reasons = problem["reasons"]!.AsArray().Select(r => r!["en"]!.GetValue<string>()).ToList();
        Assert.Equal(4, reasons.Count);
        Assert.Contains(reasons, r => r.Contains("suspended"));
        Assert.Contains(reasons, r => r.Contains("province"));
        Assert.Contains(reasons, r => r.Contains("ProjectDocument"));
        Assert.Contains(reasons, r => r.Contains("CommitmentLetter"));
    }

    [Fact]
    public async Task A_missing_required_document_and_an_unknown_NGO_are_refused()
    {
        var ngoId = await api.RegisterNgoAsync();
        var missing = await RefusedAsync(ngoId, RegistrationApi.DossierBody(documentKinds: ["CommitmentLetter"]));
        Assert.Contains("ProjectDocument", Assert.Single(missing["reasons"]!.AsArray())!["en"]!.GetValue<string>());

        var unknown = await RefusedAsync(Guid.NewGuid(), RegistrationApi.DossierBody());
        Assert.Contains("not in the registry", Assert.Single(unknown["reasons"]!.AsArray())!["en"]!.GetValue<string>());
    }

    private async Task<JsonObject> RefusedAsync(Guid ngoId, JsonObject body)
    {
        using var client = api.AsNgo(ngoId);
        var response = await client.PostAsJsonAsync("/dossiers", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await RegistrationApi.Read(response);
        Assert.Equal("intake-refused", problem["code"]!.GetValue<string>());
        Assert.Empty(await DossiersOf(ngoId));
        return problem;
    }

    public static TheoryData<string, string> MalformedDossiers => new()
    {
        { Set(b => b.Remove("title")), "title" },
        { Set(b => b["title"] = new string('t', 501)), "title" },
        { Set(b => b["title"] = "Water\u0000 for all"), "title" },
        { Set(b => b["kind"] = null), "kind" },
        { Set(b => b["kind"] = "Loan"), "kind" },
        { Set(b => b["budget"]!["amount"] = -5), "budget.amount" },
        { Set(b => b["budget"]!["amount"] = 0), "budget.amount" },
        { Set(b => b["budget"]!["amount"] = 1e16), "budget.amount" },
        { Set(b => b["budget"]!["amount"] = "lots"), "amount" },
        { Set(b => b["budget"]!["currency"] = "XBT"), "budget.currency" },
        { Set(b => b["budget"]!["currency"] = "usd'; DROP TABLE mt_doc_dossier;--"), "budget.currency" },
        { Set(b => b["endDate"] = "2026-01-01"), "endDate" },
        { Set(b => b["startDate"] = "1999-12-31"), "startDate" },
        { Set(b => b["startDate"] = "31/12/2027"), "startDate" },
        { Set(b => b["fields"] = new JsonArray()), "fields" },
        { Set(b => b["locations"] = new JsonArray("ok", new string('l', 201))), "locations[1]" },
        { Set(b => b["documents"]![0]!["sha256"] = "abc"), "documents[0].sha256" },
        { Set(b => b["documents"]![0]!["sizeBytes"] = -1), "documents[0].sizeBytes" },
        { Set(b => b["sensitiveAreas"] = new JsonArray("Weather")), "sensitiveAreas" },
        { Set(b => b["objectives"] = new string('o', 4001)), "objectives" },
        { Set(b => b["ownerName"] = "Hilfswerk"), "ownerName" },
        { Set(b => b["budget"]!["rate"] = 25400), "budget.rate" },
        { "{\"title\":\"Twice\"," + RegistrationApi.DossierBody().ToJsonString()[1..], "title" },
        { "{\"title\": \"unterminated", "" },
        { "null", "" },
    };

    private static string Set(Action<JsonObject> change)
    {
        var body = RegistrationApi.DossierBody();
        change(body);
        return body.ToJsonString();
    }

    [Theory, MemberData(nameof(MalformedDossiers))]
    public async Task Malformed_dossiers_answer_400_naming_the_field_and_write_nothing(string body, string field)
    {
        var ngoId = await api.RegisterNgoAsync();
        using var client = api.AsNgo(ngoId);
        var response = await client.PostAsync("/dossiers", new StringContent(body, Encoding.UTF8, "application/json"));
        await RegistrationApi.AssertInvalid(response, field);
        Assert.Empty(await DossiersOf(ngoId));
    }

    [Fact]
    public async Task Another_NGO_cannot_see_or_touch_a_dossier_and_officers_cannot_submit()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId, upload: false);
        var otherNgo = await api.RegisterNgoAsync();
        using var stranger = api.AsNgo(otherNgo);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/dossiers/{receipt.DossierId}/status")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/dossiers/by-receipt/{receipt.ReceiptCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/dossiers/by-receipt/SNV-20000101-999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/withdraw", new { reason = "mine now" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/dossiers/{receipt.DossierId}/resubmit", new { answers = new[] { new { item = "Budget", note = "mine now" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/ngos/{ngoId}/dossiers")).StatusCode);

        using var own = api.AsNgo(ngoId);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/dossiers/by-receipt/{receipt.ReceiptCode}")).StatusCode);
        var list = await own.GetFromJsonAsync<List<DossierSummary>>($"/ngos/{ngoId}/dossiers", RegistrationApi.Json);
        Assert.Equal(receipt.ReceiptCode, Assert.Single(list!).ReceiptCode);

        foreach (var user in new[] { "intake.officer", "auditor", "admin", "security.officer" })
        {
            using var client = api.As(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/dossiers", RegistrationApi.DossierBody())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/dossiers/by-receipt/{receipt.ReceiptCode}")).StatusCode);
        }
        Assert.Single(await api.EventsOf(receipt.DossierId));
    }

    private async Task<IReadOnlyList<Dossier>> DossiersOf(Guid ngoId)
    {
        await using var session = api.Store.QuerySession();
        return await session.Query<Dossier>().Where(d => d.NgoId == ngoId).ToListAsync();
    }
}
