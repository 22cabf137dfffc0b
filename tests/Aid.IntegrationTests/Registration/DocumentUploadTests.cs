using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Aid.Contracts.Desks;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>Uploaded documents: type and size limits, hash computed, served only to those who may see the dossier.</summary>
public sealed class DocumentUploadTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    /// <summary>A multipart upload as a browser sends it (the Appraisal tests send the Prime Minister's document with it, no kind).</summary>
    internal static MultipartFormDataContent Form(byte[] content, string fileName, string? kind = "ProjectDocument")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        return form;
    }

    [Fact]
    public async Task The_NGO_uploads_a_pdf_whose_hash_is_recorded_and_only_allowed_people_can_download_it()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId);
        var pdf = "%PDF-1.4\n% test document\n"u8.ToArray().Concat(RandomNumberGenerator.GetBytes(2048)).ToArray();
        using var staff = api.AsNgo(ngoId);

        var response = await staff.PostAsync($"/dossiers/{receipt.DossierId}/documents", Form(pdf, "../../etc/project.pdf"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await response.Content.ReadFromJsonAsync<StoredDocument>(RegistrationApi.Json))!;
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), stored.Sha256);
        Assert.Equal("project.pdf", stored.Name);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(pdf.Length, stored.SizeBytes);
        Assert.IsType<DocumentUploaded>((await api.EventsOf(receipt.DossierId)).Last());
        // Windows separators too: the name is reduced to its base name whatever the client's platform.
        var windows = await staff.PostAsync($"/dossiers/{receipt.DossierId}/documents", Form(pdf, "..\\..\\budget.pdf"));
        Assert.Equal("budget.pdf", (await windows.Content.ReadFromJsonAsync<StoredDocument>(RegistrationApi.Json))!.Name);

        using (var officer = api.As("intake.officer"))
        {
            var download = await officer.GetAsync($"/dossiers/{receipt.DossierId}/documents/{stored.Id}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        }
        using var stranger = api.AsNgo(await api.RegisterNgoAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/dossiers/{receipt.DossierId}/documents/{stored.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/dossiers/{receipt.DossierId}/documents", Form(pdf, "x.pdf"))).StatusCode);
        using var anonymous = system.Registration.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/dossiers/{receipt.DossierId}/documents/{stored.Id}")).StatusCode);
    }

    [Fact]
    public async Task Wrong_types_oversized_or_incomplete_uploads_are_refused_and_record_nothing()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId, upload: false);
        using var staff = api.AsNgo(ngoId);
        var url = $"/dossiers/{receipt.DossierId}/documents";

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await staff.PostAsync(url, Form("MZ\x90\0executable"u8.ToArray(), "evil.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await staff.PostAsync(url, Form("%PDF-1.4"u8.ToArray(), "notes.txt"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await staff.PostAsJsonAsync(url, new { file = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await staff.PostAsync(url,
            Form([.. "%PDF"u8, .. new byte[10 * 1024 * 1024]], "big.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await staff.PostAsync(url, Form([], "empty.pdf"))).StatusCode);
        await RegistrationApi.AssertInvalid(await staff.PostAsync(url, Form("%PDF-1.4"u8.ToArray(), "a.pdf", kind: null)), "kind");
        using (var officer = api.As("intake.officer"))
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync(url, Form("%PDF-1.4"u8.ToArray(), "a.pdf"))).StatusCode);

        Assert.Single(await api.EventsOf(receipt.DossierId));
    }
}
