using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aid.Benchmark.Measuring;

namespace Aid.Benchmark.Driving;

/// <summary>The four services' base addresses.</summary>
public sealed record ServiceUrls(Uri Registration, Uri Security, Uri Appraisal, Uri Monitoring)
{
    public static ServiceUrls OnPorts(int registration, int security, int appraisal, int monitoring) => new(
        new Uri($"http://127.0.0.1:{registration}"), new Uri($"http://127.0.0.1:{security}"),
        new Uri($"http://127.0.0.1:{appraisal}"), new Uri($"http://127.0.0.1:{monitoring}"));
}

/// <summary>One answer: its status, its body (JSON when there is one) and how long it took.</summary>
public sealed record Answer(HttpStatusCode Status, JsonElement? Body, double Milliseconds)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;
}

/// <summary>
/// HTTP to the running services with development tokens, as NGO staff and the named officers do. Every command's
/// latency lands in <see cref="Commands"/> (accepted = 2xx) and every status lookup's in <see cref="Lookups"/>.
/// </summary>
public sealed class AidApi : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, (Task<string> Token, DateTime Fetched)> tokens = new();

    /// <summary>Development tokens live 15 minutes; a run may be longer, so each is fetched again after ten.</summary>
    private static readonly TimeSpan TokenReuse = TimeSpan.FromMinutes(10);

    public AidApi(ServiceUrls urls, TimeSpan? requestTimeout = null)
    {
        Urls = urls;
        http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 512,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        { Timeout = requestTimeout ?? TimeSpan.FromSeconds(30) };
    }

    public ServiceUrls Urls { get; }

    public Latencies Commands { get; } = new();

    public Samples AllCommands { get; } = new();

    public Samples Lookups { get; } = new();

    /// <summary>The flows' own looks at the status view while they wait: status lookups under load.</summary>
    public Samples Polls { get; } = new();

    public Task<string> TokenFor(string user, Guid? ngo = null) => tokens.AddOrUpdate(user + "/" + ngo,
        _ => (FetchToken(user, ngo), DateTime.UtcNow),
        (_, held) => DateTime.UtcNow - held.Fetched < TokenReuse ? held : (FetchToken(user, ngo), DateTime.UtcNow)).Token;

    private async Task<string> FetchToken(string user, Guid? ngo)
    {
        var url = new Uri(Urls.Registration, $"/dev/token?user={user}" + (ngo is { } id ? $"&ngo={id}" : ""));
        using var response = await http.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).Trim();
    }

    /// <summary>A state-changing call; its latency is recorded under <paramref name="name"/>.</summary>
    public async Task<Answer> CommandAsync(string name, Uri service, string path, string token, object? body,
        string correlation, CancellationToken ct)
    {
        var answer = await SendAsync(HttpMethod.Post, service, path, token, body, correlation, ct);
        if (answer.Succeeded)
        {
            Commands[name].Add(answer.Milliseconds);
            AllCommands.Add(answer.Milliseconds);
        }
        else
        {
            Commands[name].Fail();
            AllCommands.Fail();
        }
        return answer;
    }

    /// <summary>The NGO's status view of one dossier (GET /dossiers/{id}/status).</summary>
    public async Task<Answer> StatusAsync(Guid dossier, string token, CancellationToken ct, bool poll = false)
    {
        var answer = await SendAsync(HttpMethod.Get, Urls.Registration, $"/dossiers/{dossier}/status", token, null, null, ct);
        var samples = poll ? Polls : Lookups;
        if (answer.Succeeded) samples.Add(answer.Milliseconds);
        else samples.Fail();
        return answer;
    }

    public Task<Answer> GetAsync(Uri service, string path, string token, CancellationToken ct) =>
        SendAsync(HttpMethod.Get, service, path, token, null, null, ct);

    private async Task<Answer> SendAsync(HttpMethod method, Uri service, string path, string token, object? body,
        string? correlation, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(service, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (correlation is not null) request.Headers.Add("X-Correlation-Id", correlation);
        // A form (an upload) is made anew for each attempt: a sent content cannot be sent again.
        request.Content = body switch
        {
            null => null,
            Func<HttpContent> form => form(),
            _ => JsonContent.Create(body, body.GetType(), options: Json),
        };
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        JsonElement? json = null;
        if (bytes.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true)
            json = JsonDocument.Parse(bytes).RootElement;
        return new Answer(response.StatusCode, json, elapsed);
    }

    public void Dispose() => http.Dispose();
}
