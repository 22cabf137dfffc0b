using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>
/// The four services, the Notifications service and a real smtp4dev mail server (its own process, free ports).
/// The Notifications host can be stopped mid-send and started again on the same database and queues.
/// </summary>
public sealed class NotificationsSystem : AidSystem
{
    public const string IntakeOfficers = "mot-cua@snv.test", PoliceOfficers = "an-ninh@cat.test",
        FinanceOfficers = "tham-dinh@stc.test", CommitteeOfficers = "van-thu@ubnd.test";

    public MailServer Mail { get; private set; } = null!;

    public ServiceFactory<Aid.Notifications.Program> Notifications { get; private set; } = null!;

    public IDocumentStore NotificationStore => Notifications.Services.GetRequiredService<IDocumentStore>();

    public override async Task InitializeAsync()
    {
        var mail = MailServer.StartAsync();
        await base.InitializeAsync();
        Mail = await mail;
        await StartNotificationsAsync(Mail.SmtpPort);
    }

    /// <summary>Starts the Notifications service (stopping the running one first, as a kill would), sending to the
    /// SMTP server on the given port.</summary>
    public async Task StartNotificationsAsync(int smtpPort)
    {
        if (Notifications is not null)
            await Notifications.DisposeAsync();
        Notifications = new(environment!.Postgres("notifications"), ServiceRabbitMq["notifications"], Clock, new Dictionary<string, string>
        {
            ["Notifications:Mail:Host"] = "127.0.0.1",
            ["Notifications:Mail:Port"] = smtpPort.ToString(),
            ["Notifications:Mail:Security"] = "None",
            ["Notifications:Mail:PollMilliseconds"] = "200",
            ["Notifications:Mail:ClaimSeconds"] = "3",
            ["Notifications:Mail:TimeoutSeconds"] = "60",
            ["Notifications:Mail:RetrySeconds:0"] = "1",
            ["Notifications:ScanSeconds"] = "1",
            ["Notifications:PortalUrl"] = "http://portal.test",
            ["Notifications:Agencies:SNV:Recipients:0:User"] = "intake.officer",
            ["Notifications:Agencies:SNV:Recipients:0:Email"] = IntakeOfficers,
            ["Notifications:Agencies:CAT:Recipients:0:User"] = "security.officer",
            ["Notifications:Agencies:CAT:Recipients:0:Email"] = PoliceOfficers,
            ["Notifications:Agencies:STC:Recipients:0:User"] = "appraiser",
            ["Notifications:Agencies:STC:Recipients:0:Email"] = FinanceOfficers,
            ["Notifications:Agencies:UBND:Recipients:0:User"] = "decision.maker",
            ["Notifications:Agencies:UBND:Recipients:0:Email"] = CommitteeOfficers,
        });
        using var client = Notifications.CreateClient();
        await Eventually.Returns(async () =>
            (await client.GetAsync("/health/ready")).StatusCode == System.Net.HttpStatusCode.OK ? "ready" : null,
            "the notifications service to be ready", TimeSpan.FromSeconds(60));
    }

    public override async Task DisposeAsync()
    {
        if (Notifications is not null)
            await Notifications.DisposeAsync();
        await base.DisposeAsync();
        if (Mail is not null)
            await Mail.DisposeAsync();
    }
}
