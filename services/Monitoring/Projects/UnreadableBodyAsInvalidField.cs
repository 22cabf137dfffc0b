using System.Text.Json;
using Aid.ServiceDefaults.Problems;

namespace Aid.Monitoring.Projects;

/// <summary>
/// A body whose JSON cannot be bound (a text where an amount belongs, an impossible date, a lone surrogate) is
/// answered like any invalid field: 400 naming the field from the JSON path, instead of a generic "malformed".
/// </summary>
public static class UnreadableBodyAsInvalidField
{
    public static IApplicationBuilder UseUnreadableBodyAsInvalidField(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.InnerException is JsonException { Path: { Length: > 2 } path } json)
        {
            var field = path.StartsWith("$.") ? path[2..] : path.TrimStart('$');
            var reason = json.InnerException?.Message ?? "";
            throw new InputRejected(new Dictionary<string, Bilingual[]>
            {
                [field] = [new Bilingual("Giá trị không đúng kiểu hoặc định dạng. " + reason, "Wrong type or format. " + reason)],
            });
        }
    });
}
