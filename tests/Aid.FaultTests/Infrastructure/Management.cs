using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Aid.FaultTests.Infrastructure;

/// <summary>The private RabbitMQ's management API, for the suite's virtual host.</summary>
public sealed class Management(Uri root, string vhost)
{
    private readonly HttpClient http = new()
    {
        BaseAddress = root,
        Timeout = TimeSpan.FromSeconds(10),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("aid:aid"))) },
    };

    public async Task RecreateVirtualHostAsync()
    {
        await http.DeleteAsync($"api/vhosts/{vhost}");
        (await http.PutAsJsonAsync($"api/vhosts/{vhost}", new { })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"api/permissions/{vhost}/aid", new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
    }

    public sealed record Queue(string Name, string Type, bool Durable, long Messages);

    public async Task<IReadOnlyList<Queue>> QueuesAsync()
    {
        var queues = await http.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}");
        return [.. queues.EnumerateArray().Select(q => new Queue(
            q.GetProperty("name").GetString()!,
            q.TryGetProperty("type", out var type) ? type.GetString()! : "classic",
            q.GetProperty("durable").GetBoolean(),
            q.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0))];
    }
}
