using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Aid.Contracts;
using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.IntegrationTests.Infrastructure;
using Aid.IntegrationTests.ProjectMonitoring;
using Aid.IntegrationTests.RegistrationTests;
using Aid.Notifications.Dossiers;
using Aid.Notifications.Mail;
using Aid.Notifications.Notices;
using Aid.Notifications.Recipients;
using Aid.Domain.Calendar;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.NotificationTests;

/// <summary>
/// The Notifications service against a real smtp4dev: a dossier driven through a supplement, an approval and a report
/// falling due is mailed exactly the expected messages, once each, in each recipient's language; a redelivered event
/// adds none; a sender stopped mid-send, then failing on an SMTP server that is down, loses none.
/// </summary>
public sealed class NotificationMailTests(NotificationsSystem system) : IClassFixture<NotificationsSystem>
{
    private readonly RegistrationApi registration = new(system);

    private static string NewAddress() => $"contact-{Guid.NewGuid():N}@ngo.test";

    private async Task<Guid> RegisterNgoAsync(string email, bool waitForContact = true)
    {
        var body = RegistrationApi.NgoBody();
        body["profile"]!["contact"]!["email"] = email;
        var ngoId = await registration.RegisterNgoAsync(body);
        if (!waitForContact)
            return ngoId;
        // The registry change reaches the notifications (with the contact's address) before the dossier's events do.
        await Eventually.Returns(async () =>
        {
            await using var session = system.NotificationStore.QuerySession();
            return await session.LoadAsync<NgoContact>(ngoId) is { Emails.Count: > 0 } contact ? contact : null;
        }, "the NGO's contact to reach the notifications");
        return ngoId;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages match, then a little longer for any extra one.</summary>
    private async Task<IReadOnlyList<ReceivedMail>> MailsAsync(Func<ReceivedMail, bool> which, int count)
    {
        try
        {
            await Eventually.Returns(async () => (await system.Mail.MessagesAsync()).Count(which) >= count ? "arrived" : null,
                $"{count} messages", TimeSpan.FromSeconds(45));
        }
        catch (TimeoutException)
        {
            await using var session = system.NotificationStore.QuerySession();
            var deliveries = await session.Query<Delivery>().ToListAsync();
            throw new TimeoutException($"Timed out waiting for {count} messages; outbox: " + string.Join("; ", deliveries.Select(d =>
                $"{d.Address} {d.Subject} {d.State} attempts {d.Attempts} claimed {d.ClaimedUntil} error {d.LastError}")));
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        return (await system.Mail.MessagesAsync()).Where(which).ToList();
    }

    [Fact]
    public async Task A_dossier_through_supplement_approval_and_a_report_falling_due_is_mailed_once_per_step_in_each_recipients_language()
    {
        var email = NewAddress();
        // The dossier follows at once: its receipt may overtake the registry entry (another queue) and waits for it.
        var ngoId = await RegisterNgoAsync(email, waitForContact: false);
        var receipt = await registration.SubmitAsync(ngoId);
        var id = receipt.DossierId;
        var code = receipt.ReceiptCode;

        using var officer = registration.As("intake.officer");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/dossiers/{id}/supplement-request", new
        {
            missingItems = new[] { "Signed commitment letter", "Budget breakdown per commune" }, note = "Both in Vietnamese",
        })).StatusCode);
        using var staff = registration.AsNgo(ngoId);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/dossiers/{id}/resubmit", new
        {
            answers = new object[]
            {
                new { item = "Signed commitment letter", note = "Signed by the director" },
                new { item = "Budget breakdown per commune", note = "Attached to the project document, annex 3" },
            },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsync($"/dossiers/{id}/accept", null)).StatusCode);

        // The officers: Sở Ngoại vụ twice (received, back after the supplement), Công an tỉnh once, in Vietnamese.
        var officerMails = await MailsAsync(m => Names(m, code) && !m.To.Contains(email), 3);
        Assert.All(officerMails, m => Assert.Equal("vi", m.Language));
        Assert.Equal(2, officerMails.Count(m => m.To.SequenceEqual([NotificationsSystem.IntakeOfficers]) && m.Subject == $"Hồ sơ mới chờ kiểm tra hồ sơ: {code}"));
        Assert.Single(officerMails, m => m.To.SequenceEqual([NotificationsSystem.PoliceOfficers]) && m.Subject == $"Hồ sơ mới chờ kiểm tra an ninh: {code}");
        Assert.True(officerMails.Count == 3, string.Join("; ", officerMails.Select(m => $"{m.To[0]}: {m.Subject}")));
        Assert.Contains($"http://portal.test/work/{id}", officerMails[0].Body);
        Assert.Contains("Hạn xử lý:", officerMails[0].Body);

        // UBND tỉnh approves (published as Appraisal does); Monitoring then schedules the reports.
        var today = system.Clock.VietnamToday();
        var decision = MonitoringScenario.Decision(DecisionOutcome.Approved, today, today, today.AddYears(1), ngoId) with
        {
            DossierId = id, ReceiptCode = code, DecisionNumber = "15/QĐ-UBND", Conditions = ["Báo cáo định kỳ đúng hạn"],
        };
        await system.Registration.Services.GetRequiredService<IBus>().Publish(decision);
        var file = await Eventually.Returns(async () =>
        {
            await using var session = system.NotificationStore.QuerySession();
            return await session.LoadAsync<DossierFile>(id) is { Reports.Count: > 0 } f ? f : null;
        }, "the project's reports to reach the notifications");

        // The first report falls due within five working days.
        var first = file.Reports.OrderBy(r => r.DueDate).First();
        system.Clock.Advance(TimeSpan.FromDays(first.DueDate.DayNumber - today.DayNumber - 2));

        var ngoMails = await MailsAsync(m => m.To.Contains(email), 6);
        Assert.All(ngoMails, m => Assert.Equal("en", m.Language));
        string[] expected =
        [
            $"Dossier {code} received",
            $"Supplement requested for dossier {code}",
            $"Dossier {code} is being processed again",
            $"Dossier {code}: Department of Foreign Affairs finished the intake check",
            $"Dossier {code} approved",
            $"Report due for project {code}",
        ];
        Assert.Equal(expected.Order(), ngoMails.Select(m => m.Subject).Order());
        Assert.Equal(6, ngoMails.Select(m => m.MessageId).Distinct().Count());
        var supplement = ngoMails.Single(m => m.Subject.StartsWith("Supplement"));
        Assert.Contains("- Signed commitment letter", supplement.Body);
        Assert.Contains("- Budget breakdown per commune", supplement.Body);
        Assert.Contains("Note: Both in Vietnamese", supplement.Body);
        Assert.Contains($"http://portal.test/ngo/dossiers/{id}", supplement.Body);
        // English first, then the same in Vietnamese.
        Assert.True(supplement.Body.IndexOf("Items to supply", StringComparison.Ordinal) < supplement.Body.IndexOf("Các mục cần bổ sung", StringComparison.Ordinal));
        var received = ngoMails.Single(m => m.Subject.EndsWith("received"));
        Assert.Contains($"Appointment date for the result: {NoticeTexts.En(receipt.AppointmentDate)}", received.Body);
        Assert.Contains($"Ngày hẹn trả kết quả: {receipt.AppointmentDate:dd/MM/yyyy}", received.Body);
        var approved = ngoMails.Single(m => m.Subject.EndsWith("approved"));
        Assert.Contains("decision No. 15/QĐ-UBND", approved.Body);
        Assert.Contains("- Báo cáo định kỳ đúng hạn", approved.Body);

        // The decision ended every stage: months later, no officer is told of a stage overdue.
        Assert.Equal(3, (await system.Mail.MessagesAsync()).Count(m => Names(m, code) && !m.To.Contains(email)));

        // Each is in the inbox of the NGO's staff too.
        using var inbox = system.Notifications.ClientAs(Aid.ServiceDefaults.Identity.DevelopmentUser.NgoStaff(ngoId));
        var page = await inbox.GetFromJsonAsync<Aid.Notifications.Inbox.InboxPage>("/inbox", MonitoringScenario.Json);
        Assert.Equal(6, page!.Unread);
    }

    [Fact]
    public async Task A_redelivered_event_sends_nothing_more()
    {
        var email = NewAddress();
        var ngoId = await RegisterNgoAsync(email);
        var requested = SupplementRequest(ngoId);
        var bus = system.Registration.Services.GetRequiredService<IBus>();
        await bus.Publish(requested);
        var first = await MailsAsync(m => m.To.Contains(email), 1);

        await bus.Publish(requested);
        await bus.Publish(requested);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = await MailsAsync(m => m.To.Contains(email), 1);
        Assert.Equal(first.Select(m => m.Id), after.Select(m => m.Id));
    }

    [Fact]
    public async Task A_sender_stopped_mid_send_then_failing_on_a_server_that_is_down_loses_no_message_and_sends_it_once()
    {
        var email = NewAddress();
        var ngoId = await RegisterNgoAsync(email);

        // An SMTP server that accepts the connection and never answers: the sender is stuck mid-send.
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        await system.StartNotificationsAsync(((IPEndPoint)blackHole.LocalEndpoint).Port);
        var accepted = blackHole.AcceptTcpClientAsync();
        var requested = SupplementRequest(ngoId);
        await system.Registration.Services.GetRequiredService<IBus>().Publish(requested);
        using var stuck = await accepted.WaitAsync(TimeSpan.FromSeconds(30));
        var claimed = await PendingDeliveryAsync(email, d => d.ClaimedUntil is not null);
        Assert.Equal(0, claimed.Attempts);

        // Killed mid-send; started again against a server that is down: the delivery waits, retried, visible to operators.
        var down = MailServer.FreePort();
        await system.StartNotificationsAsync(down);
        var failing = await PendingDeliveryAsync(email, d => d.Attempts >= 1 && d.LastError is not null);
        using var admin = system.Notifications.ClientAs("admin");
        var outbox = await admin.GetFromJsonAsync<OutboxStatus>("/notifications/outbox", MonitoringScenario.Json);
        Assert.Contains(outbox!.Failing, f => f.Id == failing.Id);
        var health = await (await admin.GetAsync("/health/ready")).Content.ReadAsStringAsync();
        Assert.Contains("Degraded", health);
        Assert.Contains("1 retrying after a failure", health);

        // Back to the real server: sent, once.
        await system.StartNotificationsAsync(system.Mail.SmtpPort);
        var mails = await MailsAsync(m => m.To.Contains(email), 1);
        Assert.Single(mails);
        Assert.Equal($"<{EmailChannel.MessageIdOf(failing.Id)}@aid.notifications>", mails[0].MessageId);
        Assert.Equal($"Supplement requested for dossier {requested.ReceiptCode}", mails[0].Subject);
        await Eventually.Returns(async () =>
        {
            await using var session = system.NotificationStore.QuerySession();
            return (await session.LoadAsync<Delivery>(failing.Id))?.State == DeliveryState.Sent ? "sent" : null;
        }, "the delivery to be marked sent");
    }

    [Fact]
    public async Task Reminders_tell_the_agency_of_a_stage_nearly_due_and_overdue_and_the_NGO_of_its_certificate_expiring()
    {
        var today = system.Clock.VietnamToday();
        var calendar = system.Notifications.Services.GetRequiredService<WorkingCalendar>();
        var bus = system.Registration.Services.GetRequiredService<IBus>();
        EventMetadata Metadata() => new(Guid.NewGuid(), DateTimeOffset.UtcNow, "appraiser", "STC", "corr-" + Guid.NewGuid(), null, "appraisal", 1);
        var soon = new AppraisalOpened(Metadata(), Guid.NewGuid(), TestCodes.Receipt(today), calendar.AddWorkingDays(today, 1));
        var late = new AppraisalOpened(Metadata(), Guid.NewGuid(), TestCodes.Receipt(today), calendar.AddWorkingDays(today, -1));
        await bus.Publish(soon);
        await bus.Publish(late);

        var mails = await MailsAsync(m => Names(m, soon.ReceiptCode) || Names(m, late.ReceiptCode), 4);
        Assert.All(mails, m => Assert.Equal([NotificationsSystem.FinanceOfficers], m.To));
        Assert.Equal(
            new[] { $"Hồ sơ mới chờ thẩm định: {soon.ReceiptCode}", $"Sắp đến hạn: hồ sơ {soon.ReceiptCode}",
                    $"Hồ sơ mới chờ thẩm định: {late.ReceiptCode}", $"Trễ hạn: hồ sơ {late.ReceiptCode}" }.Order(),
            mails.Select(m => m.Subject).Order());
        Assert.Contains($"Thẩm định hồ sơ {late.ReceiptCode} đã quá hạn {late.DueDate:dd/MM/yyyy}.", mails.Single(m => m.Subject.StartsWith("Trễ")).Body);

        var email = NewAddress();
        var body = RegistrationApi.NgoBody(expiry: today.AddDays(45));
        body["profile"]!["contact"]!["email"] = email;
        await registration.RegisterNgoAsync(body);
        var certificate = Assert.Single(await MailsAsync(m => m.To.Contains(email), 1));
        Assert.Equal("Registration certificate 123/BNG-VPDA expiring", certificate.Subject);
        Assert.Contains($"expires on {NoticeTexts.En(today.AddDays(45))} (45 days from now)", certificate.Body);
    }

    [Fact]
    public async Task Erasing_the_contact_person_stops_mail_to_them_and_the_inbox_still_tells_the_NGO()
    {
        var email = NewAddress();
        var ngoId = await RegisterNgoAsync(email);
        using var officer = registration.As("intake.officer");
        var person = (await officer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/ngos/{ngoId}"))
            .GetProperty("profile").GetProperty("contact").GetProperty("personId").GetGuid();
        using var admin = registration.As("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/personal-data/people/{person}/erasure", new { reason = "Rời tổ chức." })).StatusCode);
        await Eventually.Returns(async () =>
        {
            await using var session = system.NotificationStore.QuerySession();
            return await session.LoadAsync<NgoContact>(ngoId) is { Emails.Count: 0 } contact ? contact : null;
        }, "the erasure to reach the notifications");

        var requested = SupplementRequest(ngoId);
        await system.Registration.Services.GetRequiredService<IBus>().Publish(requested);
        using var staff = system.Notifications.ClientAs(Aid.ServiceDefaults.Identity.DevelopmentUser.NgoStaff(ngoId));
        var inbox = await Eventually.Returns(async () =>
            await staff.GetFromJsonAsync<Aid.Notifications.Inbox.InboxPage>("/inbox", MonitoringScenario.Json) is { Items.Count: > 0 } page ? page : null,
            "the notification in the NGO's inbox");
        Assert.Equal($"Yêu cầu bổ sung hồ sơ {requested.ReceiptCode}", Assert.Single(inbox.Items).SubjectVi);
        await using var session = system.NotificationStore.QuerySession();
        Assert.Empty(await session.Query<Delivery>().Where(d => d.NotificationId == inbox.Items[0].Id).ToListAsync());
        Assert.DoesNotContain(await system.Mail.MessagesAsync(), m => m.To.Contains(email));
    }

    private async Task<Delivery> PendingDeliveryAsync(string email, Func<Delivery, bool> until) =>
        await Eventually.Returns(async () =>
        {
            await using var session = system.NotificationStore.QuerySession();
            var delivery = (await session.Query<Delivery>().Where(d => d.Address == email).ToListAsync()).SingleOrDefault();
            return delivery is not null && delivery.State == DeliveryState.Pending && until(delivery) ? delivery : null;
        }, "the delivery's state", TimeSpan.FromSeconds(30));

    private DossierSupplementRequested SupplementRequest(Guid ngoId) => new(
        new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, "intake.officer", "SNV", "corr-" + Guid.NewGuid(), null, "registration", 1),
        Guid.NewGuid(), TestCodes.Receipt(system.Clock.VietnamToday()), ["Budget breakdown"], system.Clock.VietnamToday())
    {
        NgoId = ngoId, Note = "Please sign it",
    };

    /// <summary>The mail's subject names this receipt code, not a longer one that begins with it (…-001 in …-0010).</summary>
    private static bool Names(ReceivedMail mail, string receiptCode) =>
        System.Text.RegularExpressions.Regex.IsMatch(mail.Subject, System.Text.RegularExpressions.Regex.Escape(receiptCode) + @"(?!\d)");
}
