using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Aid.Appraisal.Appraisals;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.RegistrationTests;
using Aid.ServiceDefaults.Documents;
using Aid.ServiceDefaults.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Aid.IntegrationTests.AppraisalTests;

/// <summary>
/// The Prime Minister's decision document: UBND tỉnh attaches it to a forwarded dossier; officers, auditors and the NGO
/// whose dossier it is download it; nobody else; a recorded decision's document is not replaced.
/// </summary>
public sealed class PrimeMinisterDocumentTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly AppraisalDriver driver = new(system);
    private static readonly byte[] Pdf = "%PDF-1.4\n% Quyết định của Thủ tướng Chính phủ\n"u8.ToArray().Concat(RandomNumberGenerator.GetBytes(1024)).ToArray();

    private static MultipartFormDataContent Form(byte[] content, string fileName) => DocumentUploadTests.Form(content, fileName, kind: null);

    private async Task<Guid> ForwardedAsync()
    {
        var id = await driver.ReportedAsync(areas: ["Religion"]);
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/forward", new { note = "Kèm báo cáo thẩm định" }));
        return id;
    }

    private int FilesOf(Guid id)
    {
        var folder = Path.Combine(Path.GetFullPath(system.Appraisal.Services.GetRequiredService<IOptions<DocumentStorageOptions>>().Value.Folder),
            id.ToString("N"));
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    [Fact]
    public async Task The_decision_maker_attaches_the_pdf_and_those_who_may_see_the_dossier_download_it()
    {
        var id = await ForwardedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");

        var response = await decisionMaker.PostAsync($"/decisions/{id}/prime-minister-document", Form(Pdf, "../../QĐ 1520-TTg.pdf"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var appraisal = await driver.LoadAsync(id);
        var document = appraisal!.PrimeMinisterDocument!;
        Assert.Equal(("QĐ 1520-TTg.pdf", "application/pdf", (long)Pdf.Length), (document.Name, document.ContentType, document.SizeBytes));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), document.Sha256);
        var attached = (await driver.EventsAsync(id)).Last();
        Assert.IsType<PrimeMinisterDocumentAttached>(attached.Data);
        Assert.Equal("decision.maker", attached.UserName);
        var view = (await AppraisalDriver.ViewAsync(decisionMaker, id))!.PrimeMinister;
        Assert.Equal((document.Id, "QĐ 1520-TTg.pdf", true), (view.Document!.Id, view.Document.Name, view.TakesDocument));

        foreach (var reader in new[]
        {
            DevelopmentUser.ByName("decision.maker"), DevelopmentUser.ByName("auditor"), DevelopmentUser.ByName("appraiser"),
            DevelopmentUser.NgoStaff(appraisal.Summary!.NgoId),
        })
        {
            using var client = system.Appraisal.ClientAs(reader);
            using var download = await client.GetAsync($"/decisions/{id}/prime-minister-document");
            Assert.True(download.StatusCode == HttpStatusCode.OK, $"{reader.UserName}: {(int)download.StatusCode}");
            Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        }

        // Another NGO is told the dossier does not exist; an officer of another agency is refused; nobody anonymous.
        using (var stranger = system.Appraisal.ClientAs(DevelopmentUser.NgoStaff(Guid.NewGuid())))
            await AppraisalDriver.Problem(await stranger.GetAsync($"/decisions/{id}/prime-minister-document"), HttpStatusCode.NotFound);
        using (var intake = system.Appraisal.ClientAs("intake.officer"))
            Assert.Equal(HttpStatusCode.Forbidden, (await intake.GetAsync($"/decisions/{id}/prime-minister-document")).StatusCode);
        using (var anonymous = system.Appraisal.CreateClient())
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/decisions/{id}/prime-minister-document")).StatusCode);
        // Only UBND tỉnh attaches it.
        using (var appraiser = system.Appraisal.ClientAs("appraiser"))
            Assert.Equal(HttpStatusCode.Forbidden, (await appraiser.PostAsync($"/decisions/{id}/prime-minister-document", Form(Pdf, "x.pdf"))).StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_an_allowed_type_is_refused_and_nothing_is_kept()
    {
        var id = await ForwardedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        var events = (await driver.EventsAsync(id)).Count;

        var disguised = await decisionMaker.PostAsync($"/decisions/{id}/prime-minister-document", Form("MZ\x90\0 not a pdf"u8.ToArray(), "decision.pdf"));
        var problem = await AppraisalDriver.Problem(disguised, HttpStatusCode.UnsupportedMediaType, "unsupported-file-type");
        Assert.Contains("pdf", problem.GetProperty("detail").GetString());
        await AppraisalDriver.Problem(await decisionMaker.PostAsync($"/decisions/{id}/prime-minister-document", Form(Pdf, "decision.exe")),
            HttpStatusCode.UnsupportedMediaType, "unsupported-file-type");
        await AppraisalDriver.Problem(await decisionMaker.PostAsync($"/decisions/{id}/prime-minister-document", new MultipartFormDataContent
        {
            { new StringContent("x"), "note" },
        }), HttpStatusCode.BadRequest);

        Assert.Equal(events, (await driver.EventsAsync(id)).Count);
        Assert.Equal(0, FilesOf(id));
        using var download = await decisionMaker.GetAsync($"/decisions/{id}/prime-minister-document");
        await AppraisalDriver.Problem(download, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_a_forwarded_dossier_takes_it_and_a_recorded_decisions_document_is_not_replaced()
    {
        var local = await driver.ReportedAsync();
        using var decisionMaker = system.Appraisal.ClientAs("decision.maker");
        await AppraisalDriver.Problem(await decisionMaker.PostAsync($"/decisions/{local}/prime-minister-document", Form(Pdf, "x.pdf")),
            HttpStatusCode.Conflict, "not-forwarded");
        Assert.Equal(0, FilesOf(local));

        var id = await ForwardedAsync();
        await AppraisalDriver.Ok(decisionMaker.PostAsync($"/decisions/{id}/prime-minister-document", Form(Pdf, "wrong-scan.pdf")));
        await AppraisalDriver.Ok(decisionMaker.PostAsync($"/decisions/{id}/prime-minister-document", Form(Pdf, "QĐ 1520.pdf")));
        Assert.Equal("QĐ 1520.pdf", (await driver.LoadAsync(id))!.PrimeMinisterDocument!.Name);

        await AppraisalDriver.Ok(decisionMaker.PostAsJsonAsync($"/decisions/{id}/prime-minister-decision", new
        {
            outcome = "Approved", documentNumber = "1520/TTg-QHQT", documentDate = AppraisalDriver.Today.ToString("yyyy-MM-dd"),
        }));
        var files = FilesOf(id);
        await AppraisalDriver.Problem(await decisionMaker.PostAsync($"/decisions/{id}/prime-minister-document", Form(Pdf, "other.pdf")),
            HttpStatusCode.Conflict, "decision-document-on-file");
        Assert.Equal(files, FilesOf(id)); // the refused file is not kept
        Assert.Equal("QĐ 1520.pdf", (await driver.LoadAsync(id))!.PrimeMinisterDocument!.Name);
    }
}
