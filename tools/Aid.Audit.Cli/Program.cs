using System.Net.Http.Headers;

namespace Aid.Audit.Cli;

public static class Program
{
    /// <summary>The services' addresses: AID_REGISTRATION_URL … AID_MONITORING_URL, by default those of deploy/run.</summary>
    private static readonly Dictionary<string, string> DefaultUrls = new()
    {
        ["registration"] = "http://127.0.0.1:5101", ["security"] = "http://127.0.0.1:5102",
        ["appraisal"] = "http://127.0.0.1:5103", ["monitoring"] = "http://127.0.0.1:5104",
    };

    public static async Task<int> Main(string[] args)
    {
        var options = CommandLine.Parse(args);
        if (options.Verb is null or "help" || options.Has("help"))
        {
            Console.WriteLine(AuditCommand.Help);
            return AuditCommand.Usage;
        }
        var urls = DefaultUrls.ToDictionary(u => u.Key,
            u => Environment.GetEnvironmentVariable($"AID_{u.Key.ToUpperInvariant()}_URL") ?? u.Value);
        try
        {
            var token = options.Value("token") ?? Environment.GetEnvironmentVariable("AID_AUDIT_TOKEN")
                ?? await DevelopmentTokenAsync(urls["registration"], options.Value("user") ?? "auditor");
            var clients = urls.ToDictionary(u => u.Key, u => new HttpClient
            {
                BaseAddress = new Uri(u.Value), Timeout = TimeSpan.FromMinutes(30),
                DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
            });
            return await AuditCommand.RunAsync(options, new AuditClient(clients), Console.Out);
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"aid-audit: {e.Message}");
            return AuditCommand.RequestFailed;
        }
    }

    /// <summary>Without --token or AID_AUDIT_TOKEN: a token from the development issuer (local runs only).</summary>
    private static async Task<string> DevelopmentTokenAsync(string registrationUrl, string user)
    {
        using var http = new HttpClient { BaseAddress = new Uri(registrationUrl) };
        using var response = await http.GetAsync($"/dev/token?user={Uri.EscapeDataString(user)}");
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(
                $"no token: give --token or AID_AUDIT_TOKEN (the development issuer answered {(int)response.StatusCode})");
        return await response.Content.ReadAsStringAsync();
    }
}
