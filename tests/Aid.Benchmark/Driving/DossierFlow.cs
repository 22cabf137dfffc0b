using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Aid.Benchmark.Measuring;

namespace Aid.Benchmark.Driving;

public sealed record FlowOptions
{
    /// <summary>How often a waiting flow looks at the NGO status view (the resolution of the end-to-end times).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long one stage may take to become visible before the flow gives up.</summary>
    public TimeSpan StageTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Faults: a command that fails (connection refused, 5xx, timeout) is sent again until it succeeds; a 409 to a
    /// repeat means the first attempt was applied. The benchmark leaves it off: a failure ends the flow.
    /// </summary>
    public bool RetryUntilAccepted { get; init; }
}

/// <summary>A stage of the NGO status view: the stage name and the public timeline step that marks it.</summary>
public sealed record Milestone(string Name, string Step);

public sealed class FlowFailed(string message) : Exception(message);

/// <summary>
/// One dossier from submission to approval, as the NGO and the four agencies' officers move it: submit, accept,
/// assign and conclude the security review, request and record an opinion, issue the report, approve. Each
/// hand-over is awaited in the NGO's status view, and the time it became visible is recorded twice: since the
/// submission, and since the command that caused it (the hand-over latency).
/// </summary>
public sealed class DossierFlow(AidApi api, FlowOptions options)
{
    public static readonly Milestone Submitted = new("submitted", "Submitted");
    public static readonly Milestone Accepted = new("accepted", "Accepted");
    public static readonly Milestone SecurityConcluded = new("security concluded", "SecurityConcluded");
    public static readonly Milestone AppraisalOpened = new("appraisal opened", "AppraisalOpened");
    public static readonly Milestone ReportIssued = new("report issued", "AppraisalReportIssued");
    public static readonly Milestone Approved = new("approved", "DecidedApproved");
    public static readonly Milestone MonitoringStarted = new("monitoring started", "MonitoringStarted");

    public static readonly IReadOnlyList<Milestone> Milestones =
        [Submitted, Accepted, SecurityConcluded, AppraisalOpened, ReportIssued, Approved, MonitoringStarted];

    /// <summary>The status view's timeline at the end of a complete flow, in order.</summary>
    public static readonly IReadOnlyList<string> ExpectedTimeline = [.. Milestones.Select(m => m.Step)];

    public Latencies SinceSubmission { get; } = new();

    public Latencies HandOver { get; } = new();

    /// <summary>Registers an NGO (intake officer) and answers its id.</summary>
    public async Task<Guid> RegisterNgoAsync(int number, CancellationToken ct)
    {
        var intake = await api.TokenFor("intake.officer");
        var answer = await Command("register NGO", api.Urls.Registration, "/ngos", intake, Bodies.Ngo(number), "bench-ngo", ct);
        return answer.Body!.Value.GetProperty("ngoId").GetGuid();
    }

    /// <summary>Submits the dossier; answers when it was sent (the flow goes on in <see cref="CompleteAsync"/>).</summary>
    public async Task<long> SubmitAsync(Guid ngo, Guid dossier, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await Command("submit dossier", api.Urls.Registration, "/dossiers", await api.TokenFor("ngo.staff", ngo),
            Bodies.Dossier(dossier), Correlation(dossier), ct);
        return started;
    }

    /// <summary>Moves a submitted dossier through every stage to approval and the start of monitoring.</summary>
    public async Task CompleteAsync(Guid ngo, Guid dossier, long submittedAt, CancellationToken ct)
    {
        var ngoToken = await api.TokenFor("ngo.staff", ngo);
        var correlation = Correlation(dossier);
        var today = Bodies.Today();
        var reg = api.Urls.Registration;
        var sec = api.Urls.Security;
        var app = api.Urls.Appraisal;

        await Visible(dossier, ngoToken, Submitted, submittedAt, submittedAt, ct);

        var caused = Stopwatch.GetTimestamp();
        await Command("accept", reg, $"/dossiers/{dossier}/accept", await api.TokenFor("intake.officer"), null, correlation, ct);
        await Visible(dossier, ngoToken, Accepted, submittedAt, caused, ct);

        var security = await api.TokenFor("security.officer");
        await Until("security review opened", () => Answers(sec, $"/security-reviews/{dossier}", security, ct), ct);
        await Command("assign officers", sec, $"/security-reviews/{dossier}/assignments", security,
            new { officers = new[] { "security.officer" } }, correlation, ct);
        caused = Stopwatch.GetTimestamp();
        await Command("conclude review", sec, $"/security-reviews/{dossier}/conclusion", security, new { verdict = "Cleared" }, correlation, ct);
        await Visible(dossier, ngoToken, SecurityConcluded, submittedAt, caused, ct);
        await Visible(dossier, ngoToken, AppraisalOpened, submittedAt, caused, ct);

        var appraiser = await api.TokenFor("appraiser");
        await Command("request opinion", app, $"/appraisals/{dossier}/opinion-requests", appraiser,
            new { departments = new[] { "Sở Kế hoạch và Đầu tư" } }, correlation, ct);
        await Command("record opinion", app, $"/appraisals/{dossier}/opinions", appraiser, new
        {
            department = "Sở Kế hoạch và Đầu tư", opinionDate = today, text = "Dự án phù hợp quy hoạch của tỉnh.", stance = "Supports",
        }, correlation, ct);
        caused = Stopwatch.GetTimestamp();
        await Command("issue report", app, $"/appraisals/{dossier}/report", appraiser, new { recommendation = "Approve" }, correlation, ct);
        await Visible(dossier, ngoToken, ReportIssued, submittedAt, caused, ct);

        caused = Stopwatch.GetTimestamp();
        await Command("approve", app, $"/decisions/{dossier}/approve", await api.TokenFor("decision.maker"), new
        {
            decisionNumber = $"{dossier.ToString("N")[..6]}/QĐ-UBND", decisionDate = today, signer = "Nguyễn Văn Chủ tịch",
        }, correlation, ct);
        await Visible(dossier, ngoToken, Approved, submittedAt, caused, ct);
        await Visible(dossier, ngoToken, MonitoringStarted, submittedAt, caused, ct);
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

    private async Task Visible(Guid dossier, string ngoToken, Milestone milestone, long submittedAt, long causedAt, CancellationToken ct)
    {
        await Until($"{milestone.Name} visible in the NGO status view", async () =>
        {
            var status = await api.StatusAsync(dossier, ngoToken, ct, poll: true);
            return status.Succeeded && HasStep(status.Body!.Value, milestone.Step);
        }, ct);
        var now = Stopwatch.GetTimestamp();
        SinceSubmission[milestone.Name].Add(Stopwatch.GetElapsedTime(submittedAt, now).TotalMilliseconds);
        HandOver[milestone.Name].Add(Stopwatch.GetElapsedTime(causedAt, now).TotalMilliseconds);
    }

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
