using System.Net;
using System.Net.Http.Json;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Dossiers;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// Intake cannot accept a dossier whose required documents were listed at submission but whose files never arrived:
/// 409 with the missing documents in words; once the files are uploaded it can.
/// </summary>
public sealed class AcceptWithoutUploadsTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task A_dossier_whose_declared_files_never_arrived_is_refused_with_the_list_until_they_are_uploaded()
    {
        var ngoId = await api.RegisterNgoAsync();
        var receipt = await api.SubmitAsync(ngoId, upload: false);
        using var officer = api.As("intake.officer");
        using var staff = api.AsNgo(ngoId);
        await staff.PostAsync($"/dossiers/{receipt.DossierId}/documents",
            DocumentUploadTests.Form("%PDF-1.4\n"u8.ToArray(), "ProjectDocument.pdf", RequiredDocuments.ProjectDocument));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/dossiers/{receipt.DossierId}/accept") { Headers = { { "Accept-Language", "en" } } };
        var refused = await officer.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await RegistrationApi.Read(refused);
        Assert.Equal("documents-not-uploaded", problem["code"]!.GetValue<string>());
        Assert.Contains("Donor's commitment letter (CommitmentLetter.pdf)", problem["detail"]!.GetValue<string>());
        var missing = Assert.Single(problem["missingDocuments"]!.AsArray());
        Assert.Equal("Thư cam kết của nhà tài trợ", missing!["vi"]!.GetValue<string>());
        Assert.Equal("Donor's commitment letter", missing["en"]!.GetValue<string>());
        Assert.Equal("CommitmentLetter.pdf", missing["name"]!.GetValue<string>());
        Assert.DoesNotContain(await api.EventsOf(receipt.DossierId), e => e is DossierAccepted);

        // The intake view lists it too.
        var view = await RegistrationApi.Read(await officer.GetAsync($"/dossiers/{receipt.DossierId}/intake"));
        Assert.Equal("CommitmentLetter", Assert.Single(view["notUploaded"]!.AsArray())!["kind"]!.GetValue<string>());

        await staff.PostAsync($"/dossiers/{receipt.DossierId}/documents",
            DocumentUploadTests.Form("%PDF-1.4\n"u8.ToArray(), "CommitmentLetter.pdf", RequiredDocuments.CommitmentLetter));
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/dossiers/{receipt.DossierId}/accept", null)).StatusCode);
    }
}
