using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Aid.Benchmark.Driving;

public sealed record FlowOptions
{
    /// <summary>How often a waiting flow looks at the NGO status view before its next step.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one stage may take to become visible before the flow gives up.</summary>
    public TimeSpan StageTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Faults: a command that fails (connection refused, 5xx, timeout) is sent again until it succeeds; a 409 to a
    /// repeat means the first attempt was applied. The benchmark leaves it off: a failure ends the flow.
    /// </summary>
    public bool RetryUntilAccepted { get; init; }
}

/// <summary>
/// A stage of the NGO status view: its name, the public timeline step that marks it, and the Registration event
/// that puts it there (the status view is an inline projection: it changes in the transaction that appends it).
/// </summary>
public sealed record Milestone(string Name, string Step, string RegistrationEvent);

/// <summary>When a dossier was submitted and when each stage's causing command was sent (wall clock, UTC).</summary>
public sealed class Trace(Guid dossier, DateTimeOffset submittedAt)
{
    public Guid Dossier { get; } = dossier;
    public DateTimeOffset SubmittedAt { get; } = submittedAt;
    public System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> CausedAt { get; } = new();
}

public sealed class FlowFailed(string message) : Exception(message);

/// <summary>
/// One dossier from submission to approval, as the NGO and the four agencies' officers move it: submit, accept,
/// assign and conclude the security review, request and record an opinion, issue the report, approve. Each
/// officer waits until the NGO's status view shows the previous hand-over. The flow keeps a <see cref="Trace"/>
/// of when it sent what; when each stage became visible is read afterwards from Registration's event store, so
/// the figures do not depend on how often the flows look.
/// </summary>
public sealed class DossierFlow(AidApi api, FlowOptions options)
{
    public static readonly Milestone Submitted = new("submitted", "Submitted", "dossier_submitted");
    public static readonly Milestone Accepted = new("accepted", "Accepted", "dossier_accepted");
    public static readonly Milestone SecurityConcluded = new("security concluded", "SecurityConcluded", "security_check_concluded");
    public static readonly Milestone AppraisalOpened = new("appraisal opened", "AppraisalOpened", "appraisal_started");
    public static readonly Milestone ReportIssued = new("report issued", "AppraisalReportIssued", "appraisal_report_received");
    public static readonly Milestone Approved = new("approved", "DecidedApproved", "decision_received");
    public static readonly Milestone MonitoringStarted = new("monitoring started", "MonitoringStarted", "monitoring_started");

    public static readonly IReadOnlyList<Milestone> Milestones =
        [Submitted, Accepted, SecurityConcluded, AppraisalOpened, ReportIssued, Approved, MonitoringStarted];

    /// <summary>The status view's timeline at the end of a complete flow, in order.</summary>
    public static readonly IReadOnlyList<string> ExpectedTimeline = [.. Milestones.Select(m => m.Step)];

    public System.Collections.Concurrent.ConcurrentDictionary<Guid, Trace> Traces { get; } = new();

    /// <summary>Registers an NGO (intake officer) and answers its id.</summary>
    public async Task<Guid> RegisterNgoAsync(int number, CancellationToken ct)
    {
        var intake = await api.TokenFor("intake.officer");
        var answer = await Command("register NGO", api.Urls.Registration, "/ngos", intake, Bodies.Ngo(number), "bench-ngo", ct);
        return answer.Body!.Value.GetProperty("ngoId").GetGuid();
    }

    /// <summary>Submits the dossier and answers its trace (the flow goes on in <see cref="CompleteAsync"/>).</summary>
    public async Task<Trace> SubmitAsync(Guid ngo, Guid dossier, CancellationToken ct)
    {
        var trace = Traces[dossier] = new Trace(dossier, DateTimeOffset.UtcNow);
        await Command("submit dossier", api.Urls.Registration, "/dossiers", await api.TokenFor("ngo.staff", ngo),
            Bodies.Dossier(dossier), Correlation(dossier), ct);
        // The files of the listed documents, as the portal uploads them next: intake accepts only once they arrived.
        foreach (var kind in new[] { "ProjectDocument", "CommitmentLetter" })
            await Command("upload document", api.Urls.Registration, $"/dossiers/{dossier}/documents", await api.TokenFor("ngo.staff", ngo),
                (Func<HttpContent>)(() => new MultipartFormDataContent
                {
                    { new ByteArrayContent("%PDF-1.4\n% bench document\n"u8.ToArray()) { Headers = { ContentType = new("application/pdf") } }, "file", kind + ".pdf" },
                    { new StringContent(kind), "kind" },
                }), Correlation(dossier), ct);
        return trace;
    }

    /// <summary>Moves a submitted dossier through every stage to approval and the start of monitoring.</summary>
    public async Task CompleteAsync(Guid ngo, Trace trace, CancellationToken ct)
    {
        var dossier = trace.Dossier;
        var ngoToken = await api.TokenFor("ngo.staff", ngo);
        var correlation = Correlation(dossier);
        var today = Bodies.Today();
        var reg = api.Urls.Registration;
        var sec = api.Urls.Security;
        var app = api.Urls.Appraisal;

        await Visible(dossier, ngoToken, Submitted, ct);

        trace.CausedAt[Accepted.Name] = DateTimeOffset.UtcNow;
        await Command("accept", reg, $"/dossiers/{dossier}/accept", await api.TokenFor("intake.officer"), null, correlation, ct);
        await Visible(dossier, ngoToken, Accepted, ct);

        var security = await api.TokenFor("security.officer");
        await Until("security review opened", () => Answers(sec, $"/security-reviews/{dossier}", security, ct), ct);
        await Command("assign officers", sec, $"/security-reviews/{dossier}/assignments", security,
            new { officers = new[] { "security.officer" } }, correlation, ct);
        trace.CausedAt[SecurityConcluded.Name] = trace.CausedAt[AppraisalOpened.Name] = DateTimeOffset.UtcNow;
        await Command("conclude review", sec, $"/security-reviews/{dossier}/conclusion", security, new { verdict = "Cleared" }, correlation, ct);
        await Visible(dossier, ngoToken, AppraisalOpened, ct);

        var appraiser = await api.TokenFor("appraiser");
        await Command("request opinion", app, $"/appraisals/{dossier}/opinion-requests", appraiser,
            new { departments = new[] { "Sở Kế hoạch và Đầu tư" } }, correlation, ct);
        await Command("record opinion", app, $"/appraisals/{dossier}/opinions", appraiser, new
        {
            department = "Sở Kế hoạch và Đầu tư", opinionDate = today, text = "Dự án phù hợp quy hoạch của tỉnh.", stance = "Supports",
        }, correlation, ct);
        trace.CausedAt[ReportIssued.Name] = DateTimeOffset.UtcNow;
        await Command("issue report", app, $"/appraisals/{dossier}/report", appraiser, new { recommendation = "Approve" }, correlation, ct);
        await Visible(dossier, ngoToken, ReportIssued, ct);

        trace.CausedAt[Approved.Name] = trace.CausedAt[MonitoringStarted.Name] = DateTimeOffset.UtcNow;
        await Command("approve", app, $"/decisions/{dossier}/approve", await api.TokenFor("decision.maker"), new
        {
            decisionNumber = $"{dossier.ToString("N")[..6]}/QĐ-UBND", decisionDate = today, signer = "Nguyễn Văn Chủ tịch",
        }, correlation, ct);
        await Visible(dossier, ngoToken, MonitoringStarted, ct);
    }

    public static string Correlation(Guid dossier) => "bench-" + dossier.ToString("N");

    private async Task<Answer> Command(string name, Uri service, string path, string token, object? body, string correlation,
        CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.StageTimeout.TotalSeconds * Stopwatch.Frequency);
        for (var attempt = 1; ; attempt++)
        {
            Answer answer;
            try
            {
                answer = await api.CommandAsync(name, service, path, token, body, correlation, ct);
            }
            catch (Exception e) when (options.RetryUntilAccepted && !ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException)
            {
                answer = new Answer(0, null, 0);
            }
            if (answer.Succeeded) return answer;
            if (options.RetryUntilAccepted && attempt > 1 && answer.Status == HttpStatusCode.Conflict)
                return answer; // an earlier attempt was applied before its answer was lost
            var retriable = answer.Status is 0 or HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError
                or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout
                or HttpStatusCode.TooManyRequests;
            if (!options.RetryUntilAccepted || !retriable || Stopwatch.GetTimestamp() > deadline)
                throw new FlowFailed($"{name} {path}: HTTP {(int)answer.Status} {answer.Body}");
            await Task.Delay(200, ct);
        }
    }

    private Task Visible(Guid dossier, string ngoToken, Milestone milestone, CancellationToken ct) =>
        Until($"{milestone.Name} visible in the NGO status view", async () =>
        {
            var status = await api.StatusAsync(dossier, ngoToken, ct, poll: true);
            return status.Succeeded && HasStep(status.Body!.Value, milestone.Step);
        }, ct);

    public static bool HasStep(JsonElement status, string step) =>
        status.TryGetProperty("timeline", out var timeline)
        && timeline.EnumerateArray().Any(t => t.GetProperty("step").GetString() == step);

    private async Task<bool> Answers(Uri service, string path, string token, CancellationToken ct) =>
        (await api.GetAsync(service, path, token, ct)).Status == HttpStatusCode.OK;

    private async Task Until(string what, Func<Task<bool>> condition, CancellationToken ct)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(options.StageTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or TaskCanceledException or JsonException)
            {
                // the service is away (a fault test killed it) or overloaded: look again
            }
            if (Stopwatch.GetTimestamp() > deadline)
                throw new FlowFailed($"timed out after {options.StageTimeout.TotalSeconds:0} s waiting for {what}");
            await Task.Delay(options.PollInterval, ct);
        }
    }
}
