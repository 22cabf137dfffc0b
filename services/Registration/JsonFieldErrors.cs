using System.Text.Json;
using Aid.ServiceDefaults.Problems;

namespace Aid.Registration;

/// <summary>
/// A body that does not bind (wrong type, unknown enum value, bad date) becomes a 400 naming the JSON field, like
/// any other invalid input, instead of a generic "malformed request".
/// </summary>
public static class JsonFieldErrors
{
    public static WebApplication UseJsonFieldErrors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException e) when (e.InnerException is JsonException { Path: { Length: > 0 } path })
            {
                var field = path.StartsWith("$.") ? path[2..] : path.TrimStart('$');
                throw new InputRejected(new Dictionary<string, Bilingual[]>
                {
                    [field.Length > 0 ? field : "body"] =
                    [
                        new Bilingual("Giá trị không đúng kiểu hoặc định dạng.", "The value has the wrong type or format."),
                    ],
                });
            }
        });
        return app;
    }
}
