namespace Aid.Benchmark.Driving;

/// <summary>The request bodies the flow sends: valid, small, and the same shape as deploy/demo's.</summary>
public static class Bodies
{
    public static object Ngo(int number) => new
    {
        profile = new
        {
            nameOwnLanguage = $"Hilfswerk für Kinder {number}", nameEnglish = $"Children's Relief Works {number}",
            acronym = "CRW", country = "Germany", headOfficeAddress = "Hauptstraße 1, Berlin",
            contact = new { name = "Anna Schmidt", email = "anna@crw.example", phone = "+49 30 123456" },
            fields = new[] { "Education", "Health" }, provinces = new[] { "DNA", "HCM" },
        },
        certificate = new { kind = "OperationRegistration", number = $"{number}/BNG-VPDA", issueDate = "2024-01-15", expiryDate = "2099-01-15" },
    };

    public static object Dossier(Guid id) => new
    {
        id,
        kind = "Project", title = "Clean water for Tân Phú schools", aidOwner = "UBND huyện Tân Phú",
        managingAgency = "Sở Giáo dục và Đào tạo", fields = new[] { "Education", "Water" }, locations = new[] { "Xã Phú Lộc" },
        budget = new { amount = 120000, currency = "USD", exchangeRate = 25400, counterpartFundingVnd = 50000000 },
        startDate = "2027-01-01", endDate = "2028-12-31",
        objectives = "Safe drinking water for 12 schools.", beneficiaries = "4,000 pupils and teachers",
        documents = new[] { Document("ProjectDocument"), Document("CommitmentLetter") },
        sensitiveAreas = Array.Empty<string>(),
    };

    private static object Document(string kind) =>
        new { kind, name = kind + ".pdf", sizeBytes = 123456, sha256 = new string('a', 64) };

    public static string Today() =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
}
