using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Aid.FaultTests.Infrastructure;

/// <summary>
/// One instance of a service as its own operating-system process (the Release build, dotnet Aid.X.dll), on a free
/// loopback port, its output in TestResults/faults/. Kill() is SIGKILL: no shutdown code runs.
/// </summary>
public sealed class ServiceProcess
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static int started;

    private readonly Process process;

    private ServiceProcess(string name, int port, Process process, string log)
    {
        Name = name;
        Port = port;
        this.process = process;
        Log = log;
    }

    public string Name { get; }
    public int Port { get; }
    public string Log { get; }
    public Uri Url => new($"http://127.0.0.1:{Port}");
    public bool Alive => !process.HasExited;
    public int Pid => process.Id;

    /// <summary>This run's development issuer key: every instance accepts the tokens of every other.</summary>
    private static readonly string SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    /// <summary>Starts an instance; on the given port (a restarted instance takes its predecessor's) or a free one.</summary>
    public static ServiceProcess Start(string name, string postgres, string rabbitMq, int? onPort = null)
    {
        var port = onPort ?? FreePort();
        var folder = Path.Combine(Repository.Root, "services", name);
        var dll = Path.Combine(folder, "bin", "Release", "net10.0", $"Aid.{name}.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution in Release first");
        var logs = Path.Combine(Repository.Root, "TestResults", "faults");
        Directory.CreateDirectory(logs);
        var log = Path.Combine(logs, $"{name}-{Interlocked.Increment(ref started)}-{port}.log");
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = folder };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec dotnet '{dll}' >> '{log}' 2>&1 </dev/null");
        foreach (var (key, value) in new Dictionary<string, string>
                 {
                     ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                     ["ASPNETCORE_ENVIRONMENT"] = "Development",
                     ["DOTNET_ENVIRONMENT"] = "Development",
                     ["ConnectionStrings__Postgres"] = postgres,
                     ["ConnectionStrings__RabbitMq"] = rabbitMq,
                     ["Auth__DevelopmentIssuer__Enabled"] = "true",
                     ["Auth__DevelopmentIssuer__SigningKey"] = SigningKey,
                     ["Calendar__DaysOffFile"] = Path.Combine(Repository.Root, "deploy", "reference-data", "vn-days-off.csv"),
                     ["Logging__LogLevel__Default"] = "Warning",
                     ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                 })
            start.Environment[key] = value;
        return new ServiceProcess(name, port, Process.Start(start)!, log);
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (!Alive) throw new InvalidOperationException($"{Name} exited during start-up: {Tail()}");
            try
            {
                using var response = await Http.GetAsync(new Uri(Url, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} not ready after {timeout.TotalSeconds:0} s: {Tail()}");
            await Task.Delay(250);
        }
    }

    /// <summary>kill -9.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill();
        process.WaitForExit(10_000);
    }

    public string Tail(int lines = 30)
    {
        try { return string.Join('\n', File.ReadLines(Log).TakeLast(lines)); }
        catch (IOException) { return "(no log)"; }
    }

    private static readonly HashSet<int> PortsGiven = [];

    /// <summary>A free port not handed out before in this run: instances start before they listen, and the system
    /// may offer a port again until someone listens on it.</summary>
    private static int FreePort()
    {
        lock (PortsGiven)
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (PortsGiven.Add(port)) return port;
            }
    }
}
