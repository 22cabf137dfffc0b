using System.Net.Http.Json;
using Aid.Contracts.Desks;
using Aid.IntegrationTests.Desks;
using Aid.IntegrationTests.Infrastructure;
using Aid.Domain.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.SecurityReviews;

/// <summary>The security queue's query, run in the database: search, deadline and aid-kind filters, sorts and pages.
/// Every test searches its own token, so the tests of this class do not see each other's lines.</summary>
public sealed class SecurityQueueQueryTests(AidSystem system) : IClassFixture<AidSystem>
{
    private DateOnly Today => system.Clock.VietnamToday();

    private WorkingCalendar Calendar => system.Security.Services.GetRequiredService<WorkingCalendar>();

    private static string Token() => Guid.NewGuid().ToString("N")[..8];

    private async Task<QueuePage<WorkItem>> Queue(string query)
    {
        using var officer = system.Security.ClientAs("security.officer");
        return (await officer.GetFromJsonAsync<QueuePage<WorkItem>>($"/security-reviews/queue?{query}", QueueSeed.Json))!;
    }

    [Fact]
    public async Task A_search_matches_receipt_code_NGO_name_or_title_in_any_case_with_or_without_diacritics()
    {
        var token = Token();
        var due = Calendar.AddWorkingDays(Today, 8);
        var vietnamese = QueueSeed.Review($"SNV-{token}-001", "Hội Hữu nghị Đồng Nai", $"Nhà văn hóa {token}", due, Today);
        var german = QueueSeed.Review($"SNV-{token}-002", "Hilfswerk für Kinder", $"Clean water {token}", due, Today);
        await QueueSeed.StoreAsync(AidSystem.StoreOf(system.Security), [vietnamese, german]);

        Assert.Equal([german.Id], (await Queue($"q=snv-{token}-002")).Items.Select(i => i.DossierId));
        Assert.Equal([vietnamese.Id], (await Queue($"q={Uri.EscapeDataString("huu nghi dong nai")}&pageSize=100")).Items
            .Where(i => i.ReceiptCode.Contains(token)).Select(i => i.DossierId));
        Assert.Equal([vietnamese.Id], (await Queue($"q={Uri.EscapeDataString($"NHÀ VĂN HÓA {token}")}")).Items.Select(i => i.DossierId));
        Assert.Equal([german.Id], (await Queue($"q={Uri.EscapeDataString($"Hilfswerk fur Kinder")}&pageSize=100")).Items
            .Where(i => i.ReceiptCode.Contains(token)).Select(i => i.DossierId));
        var both = await Queue($"q={token}");
        Assert.Equal(2, both.Total);
        var line = both.Items.Single(i => i.DossierId == german.Id);
        Assert.Equal((german.ReceiptCode, "Hilfswerk für Kinder", $"Clean water {token}", "Project", WorkStage.Security, due),
            (line.ReceiptCode, line.NgoName, line.Title, line.AidKind, line.Stage, line.DueDate));
        Assert.Empty((await Queue($"q=nothing-{token}")).Items);
    }

    [Fact]
    public async Task The_deadline_and_aid_kind_filters_keep_only_the_matching_lines()
    {
        var token = Token();
        var overdue = QueueSeed.Review($"SNV-{token}-001", "A", token, Calendar.AddWorkingDays(Today, -3), Today);
        var nearlyDue = QueueSeed.Review($"SNV-{token}-002", "B", token, Calendar.AddWorkingDays(Today, 2), Today, "EmergencyRelief");
        var dueToday = QueueSeed.Review($"SNV-{token}-003", "C", token, Today, Today);
        var onTime = QueueSeed.Review($"SNV-{token}-004", "D", token, Calendar.AddWorkingDays(Today, 3), Today);
        await QueueSeed.StoreAsync(AidSystem.StoreOf(system.Security), [overdue, nearlyDue, dueToday, onTime]);

        var late = Assert.Single((await Queue($"q={token}&flag=Overdue")).Items);
        Assert.Equal((overdue.Id, DeadlineFlag.Overdue, true), (late.DossierId, late.Flag, late.ApologyDue));
        Assert.True(late.WorkingDaysLeft < 0);
        Assert.Equal([dueToday.Id, nearlyDue.Id], (await Queue($"q={token}&flag=nearlyDue")).Items.Select(i => i.DossierId));
        Assert.All((await Queue($"q={token}&flag=NearlyDue")).Items, i => Assert.Equal(DeadlineFlag.NearlyDue, i.Flag));
        Assert.Equal([onTime.Id], (await Queue($"q={token}&flag=OnTime")).Items.Select(i => i.DossierId));
        Assert.Equal([nearlyDue.Id], (await Queue($"q={token}&aidKind=EmergencyRelief")).Items.Select(i => i.DossierId));
        Assert.Empty((await Queue($"q={token}&aidKind=EmergencyRelief&flag=Overdue")).Items);
    }

    [Fact]
    public async Task Lines_sort_by_due_date_receipt_code_or_NGO_and_come_in_pages()
    {
        var token = Token();
        var reviews = Enumerable.Range(0, 7).Select(n => QueueSeed.Review($"SNV-{token}-{7 - n:000}", $"NGO {(char)('A' + (n * 3) % 7)}",
            token, Calendar.AddWorkingDays(Today, 5 + n), Today)).ToList();
        await QueueSeed.StoreAsync(AidSystem.StoreOf(system.Security), reviews);

        var pages = new List<WorkItem>();
        for (var page = 1; page <= 3; page++)
        {
            var answer = await Queue($"q={token}&pageSize=3&page={page}");
            Assert.Equal((7, page, 3), (answer.Total, answer.Page, answer.PageSize));
            pages.AddRange(answer.Items);
        }
        Assert.Equal(reviews.Select(r => r.Id), pages.Select(i => i.DossierId));
        Assert.Empty((await Queue($"q={token}&pageSize=3&page=4")).Items);

        Assert.Equal(reviews.Select(r => r.ReceiptCode).Order(StringComparer.Ordinal),
            (await Queue($"q={token}&sort=Receipt")).Items.Select(i => i.ReceiptCode));
        Assert.Equal(reviews.Select(r => r.NgoName).Order(StringComparer.Ordinal),
            (await Queue($"q={token}&sort=ngo")).Items.Select(i => i.NgoName));
    }
}
