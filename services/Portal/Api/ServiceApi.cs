using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aid.Portal.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace Aid.Portal.Api;

public enum Service { Registration, Security, Appraisal, Monitoring, Notifications }

public static class Services
{
    /// <summary>The services that hold dossiers (and answer the audit endpoints for them); Notifications holds none.</summary>
    public static readonly IReadOnlyList<Service> WithDossiers = [Service.Registration, Service.Security, Service.Appraisal, Service.Monitoring];
}

/// <summary>An RFC 9457 problem as the services send it, in the reader's language.</summary>
public sealed record Problem(int Status, string Title, string Detail, IReadOnlyDictionary<string, string> Errors, string? Code = null);

public sealed record ApiResult<T>(int Status, T? Value, Problem? Problem)
{
    public bool Ok => Status is >= 200 and < 300;
}

/// <summary>
/// Calls the four services with the signed-in user's bearer token (from the sign-in cookie) and the reader's
/// language (Accept-Language), and turns their answers into values or problems. Never throws for an HTTP status.
/// </summary>
public sealed class ServiceApi(IHttpClientFactory clients, IServiceProvider services)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private ClaimsPrincipal? user;

    /// <summary>The address of the person the portal asks for (sent as X-Forwarded-For, which the service believes from
    /// the portal only), so that per-client limits count people, not the portal.</summary>
    public ServiceApi ForClient(string? address)
    {
        client = address;
        return this;
    }

    private string? client;

    /// <summary>Outside a component (a minimal API endpoint) the caller names the user.</summary>
    public ServiceApi As(ClaimsPrincipal principal)
    {
        user = principal;
        return this;
    }

    public Task<ApiResult<T>> GetAsync<T>(Service service, string path, CancellationToken ct = default) =>
        SendAsync<T>(service, new HttpRequestMessage(HttpMethod.Get, path), ct);

    public Task<ApiResult<T>> PostAsync<T>(Service service, string path, object? body, long? ifMatch = null, CancellationToken ct = default) =>
        SendJsonAsync<T>(HttpMethod.Post, service, path, body, ifMatch, ct);

    public Task<ApiResult<T>> PutAsync<T>(Service service, string path, object? body, long? ifMatch = null, CancellationToken ct = default) =>
        SendJsonAsync<T>(HttpMethod.Put, service, path, body, ifMatch, ct);

    private Task<ApiResult<T>> SendJsonAsync<T>(HttpMethod method, Service service, string path, object? body, long? ifMatch, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json),
        };
        if (ifMatch is { } version)
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return SendAsync<T>(service, request, ct);
    }

    /// <summary>A file as a multipart form (field "file"), with the kind of document when the service asks for one.</summary>
    public Task<ApiResult<T>> UploadAsync<T>(Service service, string path, Stream file, string fileName, string contentType,
        string? kind = null, CancellationToken ct = default)
    {
        var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(part, "file", fileName);
        if (kind is not null)
            content.Add(new StringContent(kind), "kind");
        return SendAsync<T>(service, new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, ct);
    }

    /// <summary>The raw answer, for downloads passed through to the browser.</summary>
    public async Task<HttpResponseMessage> GetRawAsync(Service service, string path, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        await PrepareAsync(request);
        return await clients.CreateClient(service.ToString()).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    /// <summary>
    /// A service's file passed through to the browser, which does not hold the reader's token; the file keeps the
    /// service's name for it unless <paramref name="fileName"/> names it. A refusal reads as a short text in the reader's language.
    /// </summary>
    public async Task<IResult> DownloadAsync(Service service, string path, string? fileName, Func<int, string> refusal, CancellationToken ct)
    {
        using var answer = await GetRawAsync(service, path, ct);
        var status = (int)answer.StatusCode;
        if (!answer.IsSuccessStatusCode)
            return Results.Text(refusal(status), statusCode: status);
        var bytes = await answer.Content.ReadAsByteArrayAsync(ct);
        var disposition = answer.Content.Headers.ContentDisposition;
        return Results.File(bytes, answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream",
            fileName ?? disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'));
    }

    private async Task<ApiResult<T>> SendAsync<T>(Service service, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            await PrepareAsync(request);
            HttpResponseMessage response;
            try
            {
                response = await clients.CreateClient(service.ToString()).SendAsync(request, ct);
            }
            catch (HttpRequestException e)
            {
                services.GetService<ILogger<ServiceApi>>()?.LogWarning(e, "The {Service} service did not answer {Path}", service, request.RequestUri);
                return new ApiResult<T>(503, default, Unreachable(service));
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var value = response.Content.Headers.ContentLength == 0 ? default
                        : await response.Content.ReadFromJsonAsync<T>(Json, ct);
                    return new ApiResult<T>(status, value, null);
                }
                return new ApiResult<T>(status, default, await ProblemOf(response, ct));
            }
        }
    }

    private async Task PrepareAsync(HttpRequestMessage request)
    {
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(Texts.English ? "en" : "vi"));
        var principal = user ?? await CurrentUserAsync();
        if (principal is not null && services.GetRequiredService<PortalSessions>().AccessTokenOf(principal) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (client is { } address)
            request.Headers.Add("X-Forwarded-For", address);
    }

    private async Task<ClaimsPrincipal?> CurrentUserAsync()
    {
        try
        {
            return services.GetService<AuthenticationStateProvider>() is { } provider
                ? (await provider.GetAuthenticationStateAsync()).User
                : null;
        }
        catch (InvalidOperationException)
        {
            return null; // no signed-in user in this scope: the call goes out anonymous
        }
    }

    private static Problem Unreachable(Service service) => new(503,
        Texts.L("Dịch vụ không phản hồi", "Service unavailable"),
        Texts.L($"Hệ thống {Agency(service).Vi} tạm thời không phản hồi. Vui lòng thử lại sau ít phút.",
            $"The {Agency(service).En} system is not answering for now. Please try again in a few minutes."),
        new Dictionary<string, string>());

    private static (string Vi, string En) Agency(Service service) => service switch
    {
        Service.Security => ("của Công an tỉnh", "Provincial Police"),
        Service.Appraisal => ("của Sở Tài chính và UBND tỉnh", "Department of Finance and Provincial People's Committee"),
        Service.Monitoring => ("theo dõi dự án của Sở Ngoại vụ", "Department of Foreign Affairs' project monitoring"),
        Service.Notifications => ("thông báo", "notifications"),
        _ => ("của Sở Ngoại vụ", "Department of Foreign Affairs"),
    };

    private static async Task<Problem> ProblemOf(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var fallback = StatusText(status);
        try
        {
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
            var errors = new Dictionary<string, string>();
            if (json.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                foreach (var field in e.EnumerateObject())
                    errors[field.Name] = string.Join(" ", field.Value.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.Object
                        ? m.Str(Texts.English ? "en" : "vi") ?? "" : m.ToString()));
            return new Problem(status, json.Str("title") ?? fallback, json.Str("detail") ?? "", errors, json.Str("code"));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return new Problem(status, fallback, "", new Dictionary<string, string>());
        }
    }

    private static string StatusText(int status) => status switch
    {
        401 => Texts.L("Cần đăng nhập lại", "Please sign in again"),
        403 => Texts.L("Bạn không có quyền thực hiện việc này", "You are not allowed to do this"),
        404 => Texts.L("Không tìm thấy", "Not found"),
        409 => Texts.L("Người khác đã thao tác trước", "Someone else acted first"),
        429 => Texts.L("Quá nhiều yêu cầu, hãy thử lại sau", "Too many requests, try again later"),
        _ => Texts.L($"Lỗi {status}", $"Error {status}"),
    };

    public static void AddClients(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var service in Enum.GetValues<Service>())
        {
            var url = configuration[$"Services:{service}"]
                ?? throw new InvalidOperationException($"Services:{service} (the {service} service's URL) is not configured.");
            services.AddHttpClient(service.ToString(), c =>
            {
                c.BaseAddress = new Uri(url);
                c.Timeout = TimeSpan.FromSeconds(30);
            });
        }
    }
}

public static class ApiSetup
{
    public static IServiceCollection AddPortalApi(this IServiceCollection services, IConfiguration configuration)
    {
        ServiceApi.AddClients(services, configuration);
        services.AddScoped<ServiceApi>();
        services.AddScoped<AuditApi>();
        return services;
    }
}

/// <summary>Reading a problem document's members (RFC 9457 lets each service add its own).</summary>
public static class JsonRead
{
    public static JsonElement? Prop(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static string? Str(this JsonElement e, string name) => e.Prop(name) is { } v
        ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString()
        : null;
}
