using System.Net.Http.Json;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>
/// One broker user per service for a test class's vhost, with the permissions deploy/broker-users.sh gives the
/// services' users (read from deploy/broker-permissions). The users are named after the vhost, so classes never share one.
/// </summary>
public static class BrokerUsers
{
    public sealed record Permissions(string Service, string Configure, string Write, string Read);

    public static IReadOnlyList<Permissions> Table() => [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "broker-permissions"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(f => new Permissions(f[0], f[1], f[2], f[3]))];

    public static string UserName(string vhost, string service) => $"{vhost}-{service}";

    /// <summary>Creates the users; answers each service's amqp URI (by service name, lower case).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> CreateAsync(HttpClient management, Uri broker, string vhost)
    {
        var uris = new Dictionary<string, string>();
        foreach (var p in Table())
        {
            var user = UserName(vhost, p.Service);
            var password = Guid.NewGuid().ToString("N");
            (await management.PutAsJsonAsync($"api/users/{user}", new { password, tags = "" })).EnsureSuccessStatusCode();
            (await management.PutAsJsonAsync($"api/permissions/{vhost}/{user}",
                new { configure = p.Configure, write = p.Write, read = p.Read })).EnsureSuccessStatusCode();
            uris[p.Service] = new UriBuilder(broker) { UserName = user, Password = password, Path = "/" + vhost }.Uri.ToString();
        }
        return uris;
    }

    public static async Task RemoveAsync(HttpClient management, string vhost)
    {
        foreach (var service in IsolatedEnvironment.Services)
            await management.DeleteAsync($"api/users/{UserName(vhost, service)}");
    }
}
