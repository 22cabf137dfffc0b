using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Aid.PortalTests.Infrastructure;

/// <summary>The services' APIs called directly, for what a journey needs done before or beside the portal.</summary>
public static class ServiceCalls
{
    public static async Task<HttpClient> ClientAsync(this RunningSystem system, string service, string user, Guid? ngo = null)
    {
        var http = new HttpClient { BaseAddress = system.Urls[service] };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.TokenAsync(user, ngo));
        return http;
    }

    /// <summary>Sends as <paramref name="user"/> and answers the body; anything but success fails the test.</summary>
    public static async Task<JsonElement> SendAsync(this RunningSystem system, string user, HttpMethod method, string path,
        object? body = null, Guid? ngo = null, string service = "Registration")
    {
        using var http = await system.ClientAsync(service, user, ngo);
        return await Ok(await http.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) }));
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Waits up to 30 s for what another service does on its own, after a message.</summary>
    public static async Task UntilAsync(string what, Func<Task<bool>> condition)
    {
        for (var i = 0; i < 150; i++, await Task.Delay(200))
            if (await condition()) return;
        Assert.Fail($"timed out waiting for {what}");
    }

    /// <summary>Waits up to 30 s for a value that another service makes available on its own, after a message.</summary>
    public static async Task<T> UntilAsync<T>(string what, Func<Task<T?>> probe) where T : struct
    {
        for (var i = 0; i < 150; i++, await Task.Delay(200))
            if (await probe() is { } value) return value;
        Assert.Fail($"timed out waiting for {what}");
        return default;
    }
}
