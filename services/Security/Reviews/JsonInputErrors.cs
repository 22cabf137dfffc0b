using System.Text.Json;
using Aid.ServiceDefaults.Problems;

namespace Aid.Security.Reviews;

/// <summary>
/// A body that does not bind (a number where a text is expected, a broken GUID, truncated JSON) is answered like
/// any other invalid input: 400 naming the field, taken from the JSON path of the failure.
/// </summary>
public static class JsonInputErrors
{
    public static IApplicationBuilder UseJsonInputErrors(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (e.InnerException is JsonException json && !http.Response.HasStarted)
        {
            throw new InputRejected(new Dictionary<string, Bilingual[]>
            {
                [FieldOf(json.Path)] =
                [
                    new Bilingual("Giá trị không đúng kiểu hoặc JSON không hợp lệ.", "Wrong value type, or invalid JSON."),
                ],
            });
        }
    });

    /// <summary>"$.officers[1]" -> "officers[1]"; the whole body when the path names no field.</summary>
    public static string FieldOf(string? path) =>
        path is { Length: > 2 } p && p.StartsWith("$.") ? p[2..] : "body";
}
