using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Playwright;
using Xunit;

namespace Aid.PortalTests.Infrastructure;

/// <summary>What a journey needs before it starts (an NGO on the registry) and files to upload.</summary>
public static class Seed
{
    /// <summary>Today in Vietnam (UTC+7), the services' calendar day.</summary>
    public static DateOnly VietnamToday => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

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

    public static readonly string[] ProjectDocuments = ["ProjectDocument", "CommitmentLetter"];

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
    /// <summary>An emergency relief dossier submitted through the API by the NGO's staff; its id and receipt code.</summary>
    public static async Task<(Guid Id, string Code)> SubmitDossierAsync(RunningSystem system, Guid ngoId)
    {
        using var http = await system.ClientAsync("Registration", "ngo.staff", ngoId);
        var receipt = await ServiceCalls.Ok(await http.PostAsJsonAsync("/dossiers", new
        {
            kind = "EmergencyRelief", title = "Cứu trợ lũ lụt", aidOwner = "UBND huyện Tân Phú", managingAgency = "Sở Lao động",
            fields = new[] { "Relief" }, locations = new[] { "Xã Phú Lộc" },
            budget = new { amount = 10000, currency = "USD", exchangeRate = 25400, counterpartFundingVnd = 0 },
            startDate = "2027-01-01", endDate = "2027-03-31", objectives = "Lương thực.", beneficiaries = "500 hộ",
            documents = new[] { new { kind = "CommitmentLetter", name = "CommitmentLetter.pdf", sizeBytes = 1000, sha256 = new string('a', 64) } },
            sensitiveAreas = Array.Empty<string>(),
        }));
        var id = receipt.GetProperty("dossierId").GetGuid();
        await UploadAsync(system, ngoId, id, "CommitmentLetter");
        return (id, receipt.GetProperty("receiptCode").GetString()!);
    }

    /// <summary>The NGO uploads the file of each listed document kind (named "{kind}.pdf"), as the portal does after
    /// submitting: intake accepts a dossier only once the files of its required documents arrived.</summary>
    public static async Task UploadAsync(RunningSystem system, Guid ngoId, Guid dossierId, params string[] kinds)
    {
        using var http = await system.ClientAsync("Registration", "ngo-staff", ngoId);
        foreach (var kind in kinds)
        {
            var file = new ByteArrayContent("%PDF-1.4\n% Aid portal test document\n%%EOF\n"u8.ToArray());
            file.Headers.ContentType = new("application/pdf");
            await ServiceCalls.Ok(await http.PostAsync($"/dossiers/{dossierId}/documents",
                new MultipartFormDataContent { { file, "file", kind + ".pdf" }, { new StringContent(kind), "kind" } }));
        }
    }

    /// <summary>Publishes on the system's bus what another service would (the receivers check the metadata names the owner).</summary>
    public static async Task PublishAsync(RunningSystem system, params object[] messages)
    {
        var uri = new Uri(system.RabbitMq);
        var credentials = uri.UserInfo.Split(':');
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(uri.Host, (ushort)uri.Port, Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), h =>
        {
            h.Username(Uri.UnescapeDataString(credentials[0]));
            h.Password(Uri.UnescapeDataString(credentials[1]));
        }));
        await bus.StartAsync();
        try
        {
            foreach (var message in messages)
                await bus.Publish(message);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public static FilePayload Pdf(string name) => new()
    {
        Name = name, MimeType = "application/pdf", Buffer = "%PDF-1.4\n% Aid portal test document\n%%EOF\n"u8.ToArray(),
    };
}
