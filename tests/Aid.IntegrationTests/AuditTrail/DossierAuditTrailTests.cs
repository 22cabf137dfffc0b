using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Audit;
using Aid.Audit.Cli;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Marten;
using Npgsql;
using Xunit;

namespace Aid.IntegrationTests.AuditTrail;

/// <summary>
/// What auditors reconstruct of a dossier that went through every stage: the timeline across the four services,
/// its state as of earlier instants, read models rebuilt from events alone, tampering, exports, and who may see what.
/// </summary>
public sealed class DossierAuditTrailTests(AuditedJourney fixture) : IClassFixture<AuditedJourney>
{
    private Guid DossierId => fixture.Journey.DossierId;

    [Fact]
    public async Task The_timeline_lists_every_event_of_every_service_in_order()
    {
        using var auditor = fixture.Client("cleared.auditor");
        var timeline = await auditor.Audit.TimelineAsync(await auditor.Audit.FindDossierAsync(fixture.Journey.ReceiptCode));

        foreach (var (service, store) in Stores())
        {
            await using var session = store.QuerySession();
            var stored = await session.Events.FetchStreamAsync(DossierId);
            Assert.Equal(stored.Select(e => (e.Sequence, e.Version, e.EventType.Name)),
                timeline.Where(e => e.Service == service).Select(e => (e.Sequence, e.Version, e.EventType)));
        }
        Assert.All(timeline, e =>
        {
            Assert.Equal(DossierId, e.StreamId);
            Assert.False(string.IsNullOrEmpty(e.User));
            Assert.False(string.IsNullOrEmpty(e.Agency));
            Assert.False(string.IsNullOrEmpty(e.CorrelationId));
            Assert.False(string.IsNullOrEmpty(e.CausationId));
            Assert.NotNull(e.Payload);
            Assert.False(e.Redacted);
            Assert.Matches("^[0-9a-f]{64}$", e.SealHash);
        });

        // Each service's events keep their own order; the hand-overs follow the order the agencies worked the dossier.
        foreach (var service in AuditClient.ServiceNames)
        {
            var sequences = timeline.Where(e => e.Service == service).Select(e => e.Sequence).ToList();
            Assert.Equal(sequences.Order(), sequences);
        }
        var order = timeline.Select(e => $"{e.Service}:{e.EventType}").ToList();
        string[] causalChain =
        [
            "registration:DossierSubmitted", "registration:DossierAccepted", "security:SecurityReviewOpened",
            "security:FindingRecorded", "security:ReviewConcluded", "appraisal:AppraisalOpened",
            "appraisal:AppraisalReportIssued", "appraisal:DossierApproved", "monitoring:ProjectMonitoringStarted",
            "monitoring:ProjectClosed",
        ];
        var positions = causalChain.Select(h => order.IndexOf(h)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        // Registration records each published step after it happened (in parallel with the next agency's own reaction).
        foreach (var (cause, echo) in new[]
                 {
                     ("security:ReviewConcluded", "registration:SecurityCheckConcluded"),
                     ("appraisal:AppraisalOpened", "registration:AppraisalStarted"),
                     ("appraisal:DossierApproved", "registration:DecisionReceived"),
                     ("monitoring:ProjectMonitoringStarted", "registration:MonitoringStarted"),
                 })
            Assert.True(order.IndexOf(cause) < order.IndexOf(echo), $"{cause} before {echo}");
        Assert.Equal("registration:ProjectStatusReceived", order[^1]);
        Assert.Equal("Closed", timeline[^1].Payload!.Value.GetProperty("Status").GetString());
        Assert.Equal("registration:DossierSubmitted", order[0]);
        Assert.Equal(fixture.Journey.AcceptCorrelation, timeline.Single(e => e.EventType == "DossierAccepted").CorrelationId);
    }

    [Fact]
    public async Task As_of_an_instant_or_a_version_every_service_answers_the_state_it_had_then()
    {
        using var auditor = fixture.Client("auditor");
        var timeline = await auditor.Audit.TimelineAsync(DossierId);
        var accepted = timeline.Single(e => e.EventType == "DossierAccepted");
        var concluded = timeline.Single(e => e.EventType == "ReviewConcluded");

        var beforeAnything = await AsOfAsync(auditor, timeline[0].Timestamp.AddMilliseconds(-1));
        Assert.All(beforeAnything.Values, s => Assert.Equal(0, s.Version));

        var atAcceptance = await AsOfAsync(auditor, accepted.Timestamp);
        Assert.Equal(accepted.Version, atAcceptance["registration"].Version);
        Assert.Equal("SecurityCheck", State(atAcceptance, "registration", "statusView").GetProperty("stage").GetString());
        Assert.Equal("Active", State(atAcceptance, "registration", "ngo").GetProperty("standing").GetString());
        Assert.Equal(0, atAcceptance["security"].Version);
        Assert.Equal(0, atAcceptance["monitoring"].Version);
        // An instant given in Vietnam time (as the portal sends it) names the same moment.
        var inVietnamTime = await AsOfAsync(auditor, accepted.Timestamp.ToOffset(TimeSpan.FromHours(7)));
        Assert.Equal(accepted.Version, inVietnamTime["registration"].Version);
        Assert.Equal("SecurityCheck", State(inVietnamTime, "registration", "statusView").GetProperty("stage").GetString());

        var atVerdict = await AsOfAsync(auditor, concluded.Timestamp);
        Assert.Equal(concluded.Version, atVerdict["security"].Version);
        Assert.Equal("Cleared", State(atVerdict, "security", "review").GetProperty("verdict").GetString());
        Assert.Equal("SecurityCheck", State(atVerdict, "registration", "statusView").GetProperty("stage").GetString());
        Assert.True(atVerdict["appraisal"].Version < timeline.Single(e => e.EventType == "AppraisalOpened").Version);

        var now = await AsOfAsync(auditor, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("Closed", State(now, "registration", "statusView").GetProperty("stage").GetString());
        Assert.Equal("Closed", State(now, "monitoring", "project").GetProperty("status").GetString());

        var first = (await auditor.Audit.AsOfAsync(DossierId, null, 1)).Single(s => s.Service == "registration");
        Assert.Equal(timeline[0].Timestamp, first.VersionRecordedAt);
        Assert.Equal("IntakeCheck", State(first, "statusView").GetProperty("stage").GetString());

        using var registration = fixture.System.Registration.ClientAs("auditor");
        Assert.Equal(HttpStatusCode.BadRequest, (await registration.GetAsync($"/audit/dossiers/{DossierId}/as-of")).StatusCode);
    }

    [Fact]
    public async Task Every_read_model_rebuilt_from_events_equals_the_live_one_and_a_corrupted_document_is_reported()
    {
        using var auditor = fixture.Client("auditor");
        var reports = await auditor.Audit.RebuildAsync();
        Assert.Equal(AuditClient.ServiceNames, reports.Select(r => r.Service));
        Assert.All(reports, r => Assert.True(r.Equal, JsonSerializer.Serialize(r.Differences)));
        Assert.Contains(reports.Single(r => r.Service == "registration").ReadModels, m => m.ReadModel == "Dossier" && m.LiveDocuments > 0);
        Assert.Contains(reports.Single(r => r.Service == "security").ReadModels, m => m.ReadModel == "NgoSecurityHistory");

        var original = await SqlAsync("select data::text from registration.mt_doc_dossier where id = @id");
        await SqlAsync("update registration.mt_doc_dossier set data = jsonb_set(data, '{ReceiptCode}', '\"SNV-FORGED\"') where id = @id");
        try
        {
            var corrupted = Assert.Single(await auditor.Audit.RebuildAsync("registration"));
            Assert.False(corrupted.Equal);
            var difference = Assert.Single(corrupted.Differences);
            Assert.Equal(("Dossier", DossierId.ToString(), DifferenceKind.Different), (difference.ReadModel, difference.DocumentId, difference.Kind));
            Assert.Equal("SNV-FORGED", difference.Live!.Value.GetProperty("ReceiptCode").GetString());
            Assert.Equal(fixture.Journey.ReceiptCode, difference.Rebuilt!.Value.GetProperty("ReceiptCode").GetString());
        }
        finally
        {
            await SqlAsync("update registration.mt_doc_dossier set data = @data::jsonb where id = @id", original);
        }
    }

    [Fact]
    public async Task Exports_round_trip_with_their_verification_result()
    {
        using var auditor = fixture.Client("cleared.auditor");
        var history = await auditor.Audit.ExportAsync(DossierId);
        Assert.Equal(4, history.Verification.Count);
        Assert.True(history.Intact);
        foreach (var format in new[] { "jsonl", "csv" })
        {
            var text = new StringWriter();
            HistoryFile.Write(history, format, text);
            var read = HistoryFile.Read(format, new StringReader(text.ToString()));
            Assert.Equal(Serialised(history), Serialised(read));
        }

        // One service's export endpoint: its own events and verification.
        var response = await auditor["security"].GetAsync($"/audit/dossiers/{DossierId}/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var security = HistoryFile.ReadCsv(new StringReader(await response.Content.ReadAsStringAsync()));
        Assert.Equal(Serialised(history.Events.Where(e => e.Service == "security")), Serialised(security.Events));
        Assert.True(Assert.Single(security.Verification).Intact);
    }

    [Fact]
    public async Task The_command_line_tool_runs_every_verb_and_reports_an_edited_row()
    {
        using var auditor = fixture.Client("auditor");
        var receipt = fixture.Journey.ReceiptCode;
        var file = Path.Combine(Path.GetTempPath(), $"aid-audit-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, output) = await CliAsync(auditor, "timeline", receipt);
            Assert.Equal(AuditCommand.Ok, code);
            Assert.Contains("DossierSubmitted", output);
            Assert.Contains("ProjectClosed", output);
            Assert.Contains("[payload withheld]", output); // the finding, for an uncleared auditor
            Assert.Contains("[payload redacted]", output); // the verdict, without its confidential reasons

            Assert.Equal(AuditCommand.Ok, (await CliAsync(auditor, "as-of", receipt, "1")).Code);
            Assert.Equal(AuditCommand.Ok, (await CliAsync(auditor, "verify", "--all")).Code);
            Assert.Equal(AuditCommand.Ok, (await CliAsync(auditor, "rebuild", "--service", "monitoring")).Code);
            (code, output) = await CliAsync(auditor, "export", receipt, "--format", "csv", "--out", file);
            Assert.Equal(AuditCommand.Ok, code);
            using (var reader = new StreamReader(file))
                Assert.Equal(4, HistoryFile.ReadCsv(reader).Verification.Count);
            Assert.Equal(AuditCommand.Usage, (await CliAsync(auditor, "timeline")).Code);

            // An event row edited in the database: the dossier's verification names service, sequence and stream.
            var store = AidSystem.StoreOf(fixture.System.Appraisal);
            await using var session = store.QuerySession();
            var edited = (await session.Events.FetchStreamAsync(DossierId))[1];
            await SqlAsync(store, $"update appraisal.mt_events set data = data || '{{\"Forged\": true}}' where seq_id = {edited.Sequence}");
            try
            {
                (code, output) = await CliAsync(auditor, "verify", "--dossier", receipt);
                Assert.Equal(AuditCommand.Defect, code);
                Assert.Contains($"appraisal    stream {DossierId}: BROKEN at sequence #{edited.Sequence} (stream {DossierId}, version 2): Edited", output);
            }
            finally
            {
                await SqlAsync(store, $"update appraisal.mt_events set data = data - 'Forged' where seq_id = {edited.Sequence}");
            }
            Assert.Equal(AuditCommand.Ok, (await CliAsync(auditor, "verify", "--dossier", receipt)).Code);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Security_findings_are_shown_only_to_cleared_auditors()
    {
        using var auditor = fixture.Client("auditor");
        using var cleared = fixture.Client("cleared.auditor");
        var plain = (await auditor.Audit.TimelineAsync(DossierId)).Where(e => e.Service == "security").ToList();
        var full = (await cleared.Audit.TimelineAsync(DossierId)).Where(e => e.Service == "security").ToList();

        var withheld = plain.Single(e => e.EventType == "FindingRecorded");
        Assert.True(withheld.Redacted);
        Assert.Null(withheld.Payload);
        Assert.False(plain.Single(e => e.EventType == "ReviewConcluded").Payload!.Value.TryGetProperty("ConfidentialReasons", out _));
        Assert.Contains("Không phát hiện", full.Single(e => e.EventType == "FindingRecorded").Payload!.Value.GetRawText());
        Assert.True(full.Single(e => e.EventType == "ReviewConcluded").Payload!.Value.TryGetProperty("ConfidentialReasons", out _));
        Assert.Equal(plain.Select(e => e.SealHash), full.Select(e => e.SealHash));

        var plainState = (await auditor.Audit.AsOfAsync(DossierId, DateTimeOffset.UtcNow, null)).Single(s => s.Service == "security");
        Assert.Equal(["confidential"], plainState.Redacted);
        Assert.False(plainState.States.ContainsKey("confidential"));
        var clearedState = (await cleared.Audit.AsOfAsync(DossierId, DateTimeOffset.UtcNow, null)).Single(s => s.Service == "security");
        Assert.Single(State(clearedState, "confidential").GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task A_difference_in_a_confidential_read_model_is_shown_only_to_cleared_auditors()
    {
        var store = AidSystem.StoreOf(fixture.System.Security);
        var original = await SqlAsync(store, "select data::text from security.mt_doc_confidentialfile where id = @id");
        await SqlAsync(store, "update security.mt_doc_confidentialfile set data = jsonb_set(data, '{ObjectionReasons}', '\"forged\"') where id = @id");
        try
        {
            using var auditor = fixture.Client("auditor");
            using var cleared = fixture.Client("cleared.auditor");
            var plain = Assert.Single(Assert.Single(await auditor.Audit.RebuildAsync("security")).Differences);
            Assert.Equal(("ConfidentialFile", DossierId.ToString(), DifferenceKind.Different), (plain.ReadModel, plain.DocumentId, plain.Kind));
            Assert.Null(plain.Live);
            Assert.Null(plain.Rebuilt);
            var full = Assert.Single(Assert.Single(await cleared.Audit.RebuildAsync("security")).Differences);
            Assert.Equal("forged", full.Live!.Value.GetProperty("ObjectionReasons").GetString());
        }
        finally
        {
            await SqlAsync(store, "update security.mt_doc_confidentialfile set data = @data::jsonb where id = @id", original);
        }
    }

    [Fact]
    public async Task Only_auditors_may_call_the_audit_endpoints()
    {
        string[] paths =
        [
            $"/audit/dossiers/{DossierId}/events", $"/audit/dossiers/{DossierId}/as-of?version=1",
            $"/audit/dossiers/{DossierId}/export?format=jsonl", "/audit/verify", "/audit/checkpoints",
        ];
        var users = new[] { "intake.officer", "security.officer", "appraiser", "decision.maker", "monitoring.officer", "admin" }
            .Select(DevelopmentUser.ByName).Append(DevelopmentUser.NgoStaff(fixture.Journey.NgoId));
        foreach (var user in users)
        {
            using var clients = new AuditClients(new()
            {
                ["registration"] = fixture.System.Registration.ClientAs(user), ["security"] = fixture.System.Security.ClientAs(user),
                ["appraisal"] = fixture.System.Appraisal.ClientAs(user), ["monitoring"] = fixture.System.Monitoring.ClientAs(user),
            });
            foreach (var service in AuditClient.ServiceNames)
            {
                foreach (var path in paths)
                    Assert.Equal(HttpStatusCode.Forbidden, (await clients[service].GetAsync(path)).StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, (await clients[service].PostAsync("/audit/rebuild", null)).StatusCode);
            }
        }
        using var anonymous = fixture.System.Registration.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/audit/verify")).StatusCode);
    }

    private IEnumerable<(string, IDocumentStore)> Stores() =>
    [
        ("registration", AidSystem.StoreOf(fixture.System.Registration)), ("security", AidSystem.StoreOf(fixture.System.Security)),
        ("appraisal", AidSystem.StoreOf(fixture.System.Appraisal)), ("monitoring", AidSystem.StoreOf(fixture.System.Monitoring)),
    ];

    private async Task<Dictionary<string, AsOfState>> AsOfAsync(AuditClients auditor, DateTimeOffset at) =>
        (await auditor.Audit.AsOfAsync(DossierId, at, null)).ToDictionary(s => s.Service);

    private static JsonElement State(Dictionary<string, AsOfState> states, string service, string name) => State(states[service], name);

    private static JsonElement State(AsOfState state, string name) =>
        state.States[name] ?? throw new Xunit.Sdk.XunitException($"{state.Service} has no {name} at version {state.Version}");

    private static string Serialised(object value) => JsonSerializer.Serialize(value, HistoryFile.Json);

    private static async Task<(int Code, string Output)> CliAsync(AuditClients auditor, params string[] args)
    {
        var output = new StringWriter();
        var code = await AuditCommand.RunAsync(CommandLine.Parse(args), auditor.Audit, output);
        return (code, output.ToString());
    }

    private Task<string?> SqlAsync(string sql, string? data = null) => SqlAsync(AidSystem.StoreOf(fixture.System.Registration), sql, data);

    private async Task<string?> SqlAsync(IDocumentStore store, string sql, string? data = null)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", DossierId);
        if (data is not null) command.Parameters.AddWithValue("data", data);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
