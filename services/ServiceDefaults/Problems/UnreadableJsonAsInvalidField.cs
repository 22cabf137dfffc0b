using Aid.Domain.Rules;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Aid.ServiceDefaults.Problems;

/// <summary>
/// A JSON body that does not bind where a field is known (a number where text is expected, "2026-13-45" as a date,
/// an unknown enum value, a lone surrogate) is answered like any invalid field: 400 naming the field from the JSON
/// path. JSON that is broken before any field (truncated, an array for an object) stays a "malformed-request" 400.
/// </summary>
public static class UnreadableJsonAsInvalidField
{
    public static IApplicationBuilder UseUnreadableJsonAsInvalidField(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.InnerException is JsonException json && FieldOf(json.Path) is { } field
                                                && !context.Response.HasStarted)
        {
            throw new InputRejected(new Dictionary<string, Bilingual[]> { [field] = [MessageFor(json)] });
        }
    });

    // System.Text.Json tells these cases apart only in its message.
    private static Bilingual MessageFor(JsonException json) => json.Message switch
    {
        var m when m.Contains("could not be mapped", StringComparison.Ordinal) =>
            new Bilingual("Trường này không có trong yêu cầu; hãy bỏ nó.", "This field is not part of the request; leave it out."),
        var m when m.Contains("uplicate", StringComparison.Ordinal) =>
            new Bilingual("Trường này xuất hiện hai lần; chỉ gửi một lần.", "This field appears twice; send it once."),
        _ => new Bilingual("Giá trị không đúng kiểu hoặc định dạng (ngày theo dạng yyyy-MM-dd).", "Wrong type or format (dates as yyyy-MM-dd)."),
    };

    /// <summary>"$.officers[1]" -> "officers[1]"; null when the path names no field.</summary>
    public static string? FieldOf(string? path) =>
        path is { Length: > 2 } p && p.StartsWith("$.") ? p[2..] : null;
}
