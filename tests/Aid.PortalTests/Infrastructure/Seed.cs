using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;

namespace Aid.PortalTests.Infrastructure;

/// <summary>What a journey needs before it starts (an NGO on the registry) and files to upload.</summary>
public static class Seed
{
    /// <summary>Registers an NGO through the API as Sở Ngoại vụ would; its certificate expires in 60 days.</summary>
    public static async Task<Guid> RegisterNgoAsync(RunningSystem system)
    {
        using var http = await system.ClientAsync("Registration", "intake.officer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var response = await http.PostAsJsonAsync("/ngos", new
        {
            profile = new
            {
                nameOwnLanguage = "Hilfswerk für Kinder", nameEnglish = "Children's Relief Works", acronym = "CRW", country = "Germany",
                headOfficeAddress = "Hauptstraße 1, Berlin",
                contact = new { name = "Anna Schmidt", email = "anna@crw.example", phone = "+49 30 123456" },
                fields = new[] { "Education", "Health" }, provinces = new[] { "DNA", "HCM" },
            },
            certificate = new { kind = "OperationRegistration", number = $"{Random.Shared.Next(100, 999)}/BNG-VPDA", issueDate = "2024-01-15", expiryDate = today.AddDays(60).ToString("yyyy-MM-dd") },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("ngoId").GetGuid();
    }

    /// <summary>A project dossier with its two required documents, as the NGO submits it through the API.</summary>
    public static object ProjectDossier(string title, string[] sensitiveAreas) => new
    {
        kind = "Project", title, aidOwner = "UBND huyện Tân Phú", managingAgency = "Sở Nội vụ",
        fields = new[] { "Education" }, locations = new[] { "Xã Phú Lộc" },
        budget = new { amount = 40_000m, currency = "USD", exchangeRate = 25_400m, counterpartFundingVnd = 0m },
        startDate = "2027-01-01", endDate = "2027-12-31", objectives = "Trùng tu.", beneficiaries = "Cộng đồng",
        documents = new[]
        {
            new { kind = "ProjectDocument", name = "ProjectDocument.pdf", sizeBytes = 1000, sha256 = new string('a', 64) },
            new { kind = "CommitmentLetter", name = "CommitmentLetter.pdf", sizeBytes = 1000, sha256 = new string('b', 64) },
        },
        sensitiveAreas,
    };

    public static FilePayload Pdf(string name) => new()
    {
        Name = name, MimeType = "application/pdf", Buffer = "%PDF-1.4\n% Aid portal test document\n%%EOF\n"u8.ToArray(),
    };
}
