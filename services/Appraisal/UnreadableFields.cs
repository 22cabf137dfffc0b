using System.Text.Json;
using Aid.ServiceDefaults.Problems;

namespace Aid.Appraisal;

/// <summary>
/// A JSON body that does not bind (a number where text is expected, "2026-13-45" as a date, invalid Unicode) is
/// answered like any invalid field: 400 with the field named, rather than a parser message without the path.
/// </summary>
public static class UnreadableFields
{
    public static IApplicationBuilder UseUnreadableFieldsAsInvalidInput(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.InnerException is JsonException { Path: { } path })
        {
            var field = path.TrimStart('$').TrimStart('.') is { Length: > 0 } name ? name : "body";
            throw new InputRejected(new Dictionary<string, Bilingual[]>
            {
                [field] = [new Bilingual("Sai kiểu dữ liệu hoặc định dạng (ngày theo dạng yyyy-MM-dd).",
                    "Wrong type or format (dates as yyyy-MM-dd).")],
            });
        }
    });
}
