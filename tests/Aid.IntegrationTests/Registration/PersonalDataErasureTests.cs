using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Aid.Audit;
using Aid.IntegrationTests.Infrastructure;
using Aid.Registration.Ngos;
using Aid.Registration.PersonalData;
using Marten;
using Npgsql;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>
/// NGO contact persons are sealed with a key per person; erasing a person destroys the key: the views show
/// "erased", every event and seal stays as it was, a full rebuild equals the live read models, and the auditor
/// reads the erasure record.
/// </summary>
public sealed class PersonalDataErasureTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task Erasing_a_former_contact_destroys_their_data_everywhere_and_keeps_the_history_verifiable()
    {
        var ngoId = await api.RegisterNgoAsync();
        await AmendContactAsync(ngoId, "Bùi Thị Hoa", "hoa@crw.example");
        var anna = await ViewAsync(ngoId);
        var former = Assert.Single(anna.FormerContacts);
        Assert.Equal(("Anna Schmidt", "anna@crw.example", false), (former.Name, former.Email, former.Erased));
        Assert.Equal("Bùi Thị Hoa", anna.Profile.Contact.Name);

        var eventsBefore = await RawEventsAsync(ngoId);
        Assert.Equal(2, eventsBefore.Count);
        Assert.All(eventsBefore, data => Assert.DoesNotContain("Anna", data));
        Assert.All(eventsBefore, data => Assert.DoesNotContain("anna@crw.example", data));
        Assert.All(eventsBefore, data => Assert.DoesNotContain("+49 30 123456", data));

        using var admin = api.As("admin");
        var erased = await admin.PostAsJsonAsync($"/personal-data/people/{former.PersonId}/erasure",
            new { reason = "Yêu cầu xoá dữ liệu của chủ thể dữ liệu ngày 01/12/2026." });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        var after = await ViewAsync(ngoId);
        var gone = Assert.Single(after.FormerContacts);
        Assert.Equal((former.PersonId, (string?)null, (string?)null, (string?)null, true), (gone.PersonId, gone.Name, gone.Email, gone.Phone, gone.Erased));
        Assert.Equal("Bùi Thị Hoa", after.Profile.Contact.Name);
        Assert.Equal(eventsBefore, await RawEventsAsync(ngoId));

        using var auditor = api.As("auditor");
        var records = await auditor.GetFromJsonAsync<List<ErasureRecord>>("/personal-data/erasures", RegistrationApi.Json);
        var record = Assert.Single(records!, r => r.PersonId == former.PersonId);
        Assert.Equal("admin", record.ErasedBy);
        Assert.StartsWith("Yêu cầu xoá", record.Reason);

        var rebuild = await (await auditor.PostAsync("/audit/rebuild", null)).Content.ReadFromJsonAsync<ReplayReport>(RegistrationApi.Json);
        Assert.True(rebuild!.Equal, string.Join("; ", rebuild.Differences));
        Assert.Equal(former.PersonId, (await ViewAsync(ngoId)).FormerContacts.Single(c => c.Erased).PersonId);
        var verified = await auditor.GetFromJsonAsync<VerificationReport>("/audit/verify", RegistrationApi.Json);
        Assert.True(verified!.Intact, verified.FirstBreak?.Detail);
    }

    [Fact]
    public async Task The_same_contact_typed_again_is_the_same_person_and_a_new_name_is_a_new_person()
    {
        var ngoId = await api.RegisterNgoAsync();
        var first = (await ViewAsync(ngoId)).Profile.Contact.PersonId;
        await AmendContactAsync(ngoId, "  anna   SCHMIDT ", "anna.schmidt@crw.example");
        var same = await ViewAsync(ngoId);
        Assert.Equal(first, same.Profile.Contact.PersonId);
        Assert.Empty(same.FormerContacts);

        await AmendContactAsync(ngoId, "Lê Văn Nam", null);
        var other = await ViewAsync(ngoId);
        Assert.NotEqual(first, other.Profile.Contact.PersonId);
        Assert.Equal(first, Assert.Single(other.FormerContacts).PersonId);
    }

    [Fact]
    public async Task Erasing_the_current_contact_shows_erased_and_a_new_contact_can_be_recorded()
    {
        var ngoId = await api.RegisterNgoAsync();
        var person = (await ViewAsync(ngoId)).Profile.Contact.PersonId;
        using var admin = api.As("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/personal-data/people/{person}/erasure", new { reason = "Rời tổ chức." })).StatusCode);
        var view = await ViewAsync(ngoId);
        Assert.True(view.Profile.Contact.Erased);
        Assert.Null(view.Profile.Contact.Name);

        // The same name typed again after an erasure is recorded as a new person with a new key.
        await AmendContactAsync(ngoId, "Anna Schmidt", null);
        var renewed = await ViewAsync(ngoId);
        Assert.NotEqual(person, renewed.Profile.Contact.PersonId);
        Assert.Equal("Anna Schmidt", renewed.Profile.Contact.Name);
        Assert.True(Assert.Single(renewed.FormerContacts).Erased);
    }

    [Fact]
    public async Task Only_an_administrator_erases_with_a_reason_once_and_an_unknown_person_is_not_found()
    {
        var ngoId = await api.RegisterNgoAsync();
        var person = (await ViewAsync(ngoId)).Profile.Contact.PersonId;
        foreach (var user in new[] { "intake.officer", "auditor" })
        {
            using var client = api.As(user);
            Assert.Equal(HttpStatusCode.Forbidden,
                (await client.PostAsJsonAsync($"/personal-data/people/{person}/erasure", new { reason = "x" })).StatusCode);
        }
        using var staff = api.AsNgo(ngoId);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await staff.PostAsJsonAsync($"/personal-data/people/{person}/erasure", new { reason = "x" })).StatusCode);

        using var admin = api.As("admin");
        var noReason = await admin.PostAsJsonAsync($"/personal-data/people/{person}/erasure", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound,
            (await admin.PostAsJsonAsync($"/personal-data/people/{Guid.NewGuid()}/erasure", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/personal-data/people/{person}/erasure", new { reason = "x" })).StatusCode);
        var again = await admin.PostAsJsonAsync($"/personal-data/people/{person}/erasure", new { reason = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already-erased", await again.Content.ReadAsStringAsync());
        Assert.False((await ViewAsync(ngoId)).Profile.Contact.Name is not null);
    }

    private async Task AmendContactAsync(Guid ngoId, string name, string? email)
    {
        var profile = (JsonObject)RegistrationApi.NgoBody()["profile"]!;
        profile["contact"] = new JsonObject { ["name"] = name, ["email"] = email };
        using var officer = api.As("intake.officer");
        var response = await officer.PutAsJsonAsync($"/ngos/{ngoId}/profile", profile);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<NgoView> ViewAsync(Guid ngoId)
    {
        using var officer = api.As("intake.officer");
        return (await officer.GetFromJsonAsync<NgoView>($"/ngos/{ngoId}", RegistrationApi.Json))!;
    }

    private async Task<List<string>> RawEventsAsync(Guid stream)
    {
        await using var connection = api.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select data::text from registration.mt_events where stream_id = @s order by version", connection);
        command.Parameters.AddWithValue("s", stream);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
