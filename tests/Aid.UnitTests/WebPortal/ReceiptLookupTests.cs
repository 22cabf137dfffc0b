using System.Globalization;
using System.Text;
using System.Text.Json;
using Aid.Portal;
using Aid.Portal.Api;
using Xunit;

namespace Aid.UnitTests.WebPortal;

/// <summary>The receipt code's format, the lookup address and its QR code, the dates, and the receipt and stage
/// fields of Registration's answers as the portal reads them.</summary>
public sealed class ReceiptLookupTests
{
    [Theory]
    [InlineData("SNV-20261204-001", true)]
    [InlineData("snv-20261204-012", true)]
    [InlineData("", false)]
    [InlineData("12345-abc", false)]
    [InlineData("SNV-2026-001", false)]
    [InlineData("SNV-20261204-001 x", false)]
    public void A_receipt_code_is_agency_date_and_number(string code, bool valid) =>
        Assert.Equal(valid, ReceiptLookup.CodeFormat().IsMatch(code));

    [Fact]
    public void The_QR_code_is_an_SVG_of_the_lookup_address_of_the_code()
    {
        var url = ReceiptLookup.UrlFor("https://aid.example.gov.vn/", "SNV-20261204-001");
        Assert.Equal("https://aid.example.gov.vn/lookup?code=SNV-20261204-001", url);
        var uri = ReceiptLookup.QrDataUri(url);
        Assert.StartsWith("data:image/svg+xml;base64,", uri);
        Assert.Contains("<svg", Encoding.UTF8.GetString(Convert.FromBase64String(uri["data:image/svg+xml;base64,".Length..])));
        Assert.Equal(uri, ReceiptLookup.QrDataUri(url));
        Assert.NotEqual(uri, ReceiptLookup.QrDataUri(ReceiptLookup.UrlFor("https://aid.example.gov.vn", "SNV-20261204-002")));
    }

    [Theory]
    [InlineData("vi-VN", "04/12/2026", "Đồng Nai, ngày 04 tháng 12 năm 2026")]
    [InlineData("en-GB", "4 Dec 2026", "Đồng Nai, 4 Dec 2026")]
    public void Dates_read_as_each_language_writes_them(string culture, string day, string placeAndDate)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(day, Texts.Date(new DateOnly(2026, 12, 4)));
            Assert.Equal(placeAndDate, ReceiptLookup.PlaceAndDate("Đồng Nai", new DateOnly(2026, 12, 4)));
            Assert.Equal("—", Texts.Date(null));
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void The_portal_reads_the_receipt_fields_and_the_stages_Registration_sends()
    {
        var label = new Aid.Contracts.Desks.Label("Thẩm tra an ninh", "Security check");
        var police = new Registration.Dossiers.HoldingAgency("CAT", "Công an tỉnh", "Provincial Police");
        var sentStatus = new Registration.Dossiers.DossierStatus(Guid.NewGuid(), "SNV-20261204-001", Guid.NewGuid(), "CRW", "Water",
            "Project", "SecurityCheck", label, police, new DateOnly(2026, 12, 4), new DateOnly(2027, 2, 18), null, [], [], 3)
        {
            Province = "Đồng Nai", SubmittedOnline = true, ReceivedBy = "Nguyễn Văn An (Sở Ngoại vụ)",
            Documents = [new Registration.Dossiers.ReceivedDocument("ProjectDocument", "ProjectDocument.pdf")],
        };
        var status = JsonSerializer.SerializeToElement(sentStatus, ServiceApi.Json).Deserialize<DossierStatus>(ServiceApi.Json)!;
        Assert.Equal(("Đồng Nai", true, "Nguyễn Văn An (Sở Ngoại vụ)"), (status.Province, status.SubmittedOnline, status.ReceivedBy));
        Assert.Equal(new ReceivedDocument("ProjectDocument", "ProjectDocument.pdf"), Assert.Single(status.Documents));

        var sentPublic = new Registration.Dossiers.PublicStatus("SNV-20261204-001", "CRW", "Water", "SecurityCheck", label, police,
            new DateOnly(2026, 12, 4), new DateOnly(2027, 2, 18), [])
        {
            Stages = [new Registration.Dossiers.PublicStage("SecurityCheck", label, police, new DateOnly(2026, 12, 23), null, "Current")],
        };
        var stage = Assert.Single(JsonSerializer.SerializeToElement(sentPublic, ServiceApi.Json).Deserialize<PublicStatus>(ServiceApi.Json)!.Stages);
        Assert.Equal(("SecurityCheck", "Current", new DateOnly(2026, 12, 23), "Công an tỉnh"), (stage.Stage, stage.State, stage.DueDate!.Value, stage.Agency.NameVi));
    }
}
