using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.PortalTests.Infrastructure;

/// <summary>
/// The whole system as people use it: the five services and the portal, each its own process started from its build
/// output (as deploy/run does), on free loopback ports (never 5100–5104), against fresh databases (one per service)
/// and a RabbitMQ vhost on the test servers. Logs go to TestResults/portal-system/&lt;name&gt;.log.
/// </summary>
public class RunningSystem : IAsyncLifetime
{
    private static readonly string[] Services = ["Registration", "Security", "Appraisal", "Monitoring", "Notifications"];

    private readonly List<Process> processes = [];
    private readonly List<StreamWriter> logs = [];
    private IsolatedEnvironment? environment;

    public Dictionary<string, Uri> Urls { get; } = [];

    public Uri Portal => Urls["Portal"];

    /// <summary>The amqp:// URI of this system's own RabbitMQ vhost (to seed what other services would publish).</summary>
    public string RabbitMq => environment!.RabbitMq;

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>This run's development issuer key, shared by the services and the portal.</summary>
    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    public static string ResultsFolder => Path.Combine(RepositoryRoot, "TestResults");

    /// <summary>Settings one service gets beyond the common ones (a test system may shorten a stage's deadline).</summary>
    protected virtual IReadOnlyDictionary<string, string> SettingsOf(string service) => new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        var servers = await TestServers.Instance;
        environment = await servers.CreateIsolatedEnvironmentAsync("portal");
        // A port found free can be taken by another process before the service listens on it: the service then
        // exits, and whatever else listens there may answer in its place. Start again on new ports.
        for (var attempt = 1; !await TryStartAsync(environment); attempt++)
        {
            await StopAsync();
            if (attempt == 3)
                throw new InvalidOperationException($"The system could not start on free ports three times; see {Path.Combine(ResultsFolder, "portal-system")}");
        }
    }

    private async Task<bool> TryStartAsync(IsolatedEnvironment isolated)
    {
        var names = Services.Append("Portal").ToList();
        foreach (var (name, port) in names.Zip(FreePorts(names.Count)))
            Urls[name] = new Uri($"http://127.0.0.1:{port}");

        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__RabbitMq"] = isolated.RabbitMq,
            ["Auth__DevelopmentIssuer__Enabled"] = "true",
            ["Auth__DevelopmentIssuer__SigningKey"] = SigningKey,
            // The portal (on loopback) passes the visitor's address to the public lookup.
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["Calendar__DaysOffFile"] = Path.Combine(RepositoryRoot, "deploy", "reference-data", "vn-days-off.csv"),
            ["Portal__RefreshSeconds"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var name in Services)
            common[$"Services__{name}"] = Urls[name].ToString().TrimEnd('/');
        // Notifications: reminders scanned every 2 s; its mail goes nowhere here (waits in its outbox, retried), the
        // integration tests read the mail (Notifications/NotificationMailTests).
        common["Notifications__ScanSeconds"] = "2";
        common["Notifications__Mail__Port"] = FreePorts(1)[0].ToString();
        common["Notifications__Mail__Security"] = "None";

        // Each service in its own database (the portal has none).
        var started = Urls.ToDictionary(u => u.Key, u => Start(u.Key, u.Value, u.Key == "Portal" ? common
            : new Dictionary<string, string>(common.Concat(SettingsOf(u.Key))) { ["ConnectionStrings__Postgres"] = isolated.Postgres(u.Key) }, logs));
        processes.AddRange(started.Values);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        foreach (var (name, url) in Urls)
            while (true)
            {
                if (started.Values.Any(p => p.HasExited))
                    return false;
                try
                {
                    if ((await http.GetAsync(new Uri(url, "/health/ready"))).StatusCode == HttpStatusCode.OK) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // not listening yet
                }
                if (DateTime.UtcNow > deadline)
                    throw new InvalidOperationException($"{name} did not become ready at {url}; see {LogOf(name)}");
                await Task.Delay(500);
            }
        // Ready answers may have come from another listener on the port of a service that exited meanwhile.
        await Task.Delay(500);
        return !started.Values.Any(p => p.HasExited);
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (environment is not null)
            (await TestServers.Instance).RemoveLater(environment);
    }

    private async Task StopAsync()
    {
        foreach (var process in processes)
        {
            try
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // already gone
            }
            process.Dispose();
        }
        processes.Clear();
        foreach (var log in logs)
            lock (log) log.Dispose();
        logs.Clear();
    }

    /// <summary>A development token for a named user (or an NGO's staff member), from the Registration service.</summary>
    public async Task<string> TokenAsync(string user, Guid? ngo = null)
    {
        using var http = new HttpClient { BaseAddress = Urls["Registration"] };
        return await http.GetStringAsync($"/dev/token?user={user}" + (ngo is { } id ? $"&ngo={id}" : ""));
    }

    private static Process Start(string name, Uri url, Dictionary<string, string> environment, List<StreamWriter> logs)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/<tfm>/
        var folder = Path.Combine(RepositoryRoot, "services", name, "bin", configuration, "net10.0");
        var dll = Path.Combine(folder, $"Aid.{name}.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build the solution first.");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.Combine(RepositoryRoot, "services", name),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');
        Directory.CreateDirectory(Path.GetDirectoryName(LogOf(name))!);
        var log = new StreamWriter(LogOf(name), append: false) { AutoFlush = true };
        logs.Add(log);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try { log.WriteLine(line); }
            catch (ObjectDisposedException) { /* the run is over */ }
        }
    }

    private static string LogOf(string name) => Path.Combine(ResultsFolder, "portal-system", $"{name}.log");

    /// <summary>
    /// Distinct free ports: every listener stays open until all are chosen, so the system cannot hand the same port
    /// out twice (it did once, and two services shared an address).
    /// </summary>
    private static IReadOnlyList<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Aid.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Aid.sln not found above " + AppContext.BaseDirectory);
    }
}
