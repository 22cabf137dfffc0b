using System.Net.Http.Json;
using Aid.Contracts.Desks;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.RegistrationTests;

/// <summary>The intake queue's query: search by receipt code, NGO name or title (any case, with or without
/// diacritics), the deadline filter and pages.</summary>
public sealed class IntakeQueueQueryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private readonly RegistrationApi api = new(system);

    [Fact]
    public async Task An_officer_finds_a_dossier_by_receipt_code_or_by_words_typed_without_diacritics_and_pages_through()
    {
        var ngoId = await api.RegisterNgoAsync();
        var token = Guid.NewGuid().ToString("N")[..8];
        var body = RegistrationApi.DossierBody();
        body["title"] = $"Nước sạch cho trường học Đồng Tháp {token}";
        var first = await api.SubmitAsync(ngoId, body);
        var second = await api.SubmitAsync(ngoId, RegistrationApi.DossierBody());
        using var officer = api.As("intake.officer");

        async Task<QueuePage<WorkItem>> Queue(string query) =>
            (await officer.GetFromJsonAsync<QueuePage<WorkItem>>($"/dossiers/queue?{query}", RegistrationApi.Json))!;

        var byReceipt = await Queue($"q={Uri.EscapeDataString(second.ReceiptCode.ToLowerInvariant())}");
        Assert.Equal([second.DossierId], byReceipt.Items.Select(i => i.DossierId));
        var item = byReceipt.Items[0];
        Assert.Equal((WorkStage.IntakeCheck, "Project", DeadlineFlag.OnTime, false), (item.Stage, item.AidKind, item.Flag, item.ApologyDue));
        Assert.Equal(api.Calendar.WorkingDaysBetween(api.Today, second.IntakeDueDate), item.WorkingDaysLeft);

        var byTitle = await Queue($"q={Uri.EscapeDataString("DONG THAP " + token)}");
        Assert.Equal([first.DossierId], byTitle.Items.Select(i => i.DossierId));
        var byNgo = await Queue($"q={Uri.EscapeDataString(byReceipt.Items[0].NgoName!.ToUpperInvariant())}&pageSize=1&page=2");
        Assert.Equal((2, 2, 1), (byNgo.Total, byNgo.Page, byNgo.PageSize));
        Assert.Single(byNgo.Items);

        Assert.Empty((await Queue($"q={second.ReceiptCode}&flag=Overdue")).Items);
        Assert.Empty((await Queue($"q={second.ReceiptCode}&aidKind=EmergencyRelief")).Items);
        Assert.Single((await Queue($"q={second.ReceiptCode}&aidKind=project&flag=onTime&sort=Receipt")).Items);
    }
}
