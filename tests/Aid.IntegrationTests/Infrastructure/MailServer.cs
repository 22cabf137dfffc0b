using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>A message as the mail server's REST API shows it, with its Message-Id header and plain-text body.</summary>
public sealed record ReceivedMail(string Id, DateTimeOffset ReceivedAt, IReadOnlyList<string> To, string Subject, string MessageId, string Language, string Body);

/// <summary>
/// A real smtp4dev process (Rnwood.Smtp4dev 3.15.0, installed by deploy/smtp4dev.sh into .tools/, git-ignored) on free
/// loopback ports, with messages in memory; read through its REST API (/api/messages).
/// </summary>
public sealed class MailServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient api;
    private readonly string data;

    public int SmtpPort { get; }
    public Uri WebUrl { get; }

    private MailServer(Process process, int smtpPort, Uri webUrl, string data)
    {
        this.process = process;
        this.data = data;
        SmtpPort = smtpPort;
        WebUrl = webUrl;
        api = new HttpClient { BaseAddress = webUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<MailServer> StartAsync()
    {
        var executable = Environment.GetEnvironmentVariable("AID_SMTP4DEV") ?? await InstalledAsync();
        var smtp = FreePort();
        var web = FreePort();
        var data = Directory.CreateTempSubdirectory("aid-smtp4dev-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = data,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"--urls=http://127.0.0.1:{web}", "--bindaddress=127.0.0.1", $"--smtpport={smtp}", $"--imapport={FreePort()}",
                     $"--pop3port={FreePort()}", "--db=", "--nousersettings", "--hostname=localhost", "--messagestokeep=1000",
                 })
            start.ArgumentList.Add(argument);
        start.Environment["XDG_CONFIG_HOME"] = data;
        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp4dev did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MailServer(process, smtp, new Uri($"http://127.0.0.1:{web}/"), data);
        await Eventually.Returns(async () =>
        {
            try { return (await server.api.GetAsync("api/messages")).IsSuccessStatusCode && SmtpAnswers(smtp) ? "up" : null; }
            catch (HttpRequestException) { return null; }
        }, "smtp4dev to answer", TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Every message received, oldest first, with its headers and body.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync()
    {
        var page = await api.GetFromJsonAsync<JsonElement>("api/messages?pageSize=1000");
        var messages = new List<ReceivedMail>();
        foreach (var summary in page.GetProperty("results").EnumerateArray())
        {
            var id = summary.GetProperty("id").GetString()!;
            var detail = await api.GetFromJsonAsync<JsonElement>($"api/messages/{id}");
            // The message's headers, then its body part's (MimeKit writes Content-* headers there).
            string Header(string name) => detail.GetProperty("headers").EnumerateArray()
                .Concat(detail.GetProperty("parts").EnumerateArray().SelectMany(p => p.GetProperty("headers").EnumerateArray()))
                .Where(h => string.Equals(h.GetProperty("name").GetString(), name, StringComparison.OrdinalIgnoreCase))
                .Select(h => h.GetProperty("value").GetString() ?? "").FirstOrDefault() ?? "";
            var body = await api.GetStringAsync($"api/messages/{id}/plaintext");
            messages.Add(new ReceivedMail(id, summary.GetProperty("receivedDate").GetDateTimeOffset(), summary.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).ToList(),
                summary.GetProperty("subject").GetString() ?? "", Header("Message-Id"), Header("Content-Language"), body));
        }
        return messages.OrderBy(m => m.ReceivedAt).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        api.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { }
        process.Dispose();
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
    }

    /// <summary>deploy/smtp4dev.sh installs the tool (once) and prints its path.</summary>
    private static async Task<string> InstalledAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Aid.sln")))
            root = root.Parent;
        if (root is null) throw new InvalidOperationException("Cannot find the repository (Aid.sln) to install smtp4dev; set AID_SMTP4DEV.");
        var installed = Path.Combine(root.FullName, ".tools", "smtp4dev", "smtp4dev");
        if (File.Exists(installed)) return installed;
        using var install = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root.FullName, "deploy", "smtp4dev.sh"), "install"])
            { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await install.WaitForExitAsync();
        return File.Exists(installed) ? installed : throw new InvalidOperationException("deploy/smtp4dev.sh install failed: " + await install.StandardError.ReadToEndAsync());
    }

    private static bool SmtpAnswers(int port)
    {
        try { using var client = new TcpClient(); client.Connect(IPAddress.Loopback, port); return true; }
        catch (SocketException) { return false; }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
