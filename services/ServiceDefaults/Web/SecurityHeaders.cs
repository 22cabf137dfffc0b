using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Aid.ServiceDefaults.Web;

/// <summary>
/// The headers every answer carries, error pages and problem details included (set when the answer starts, after the
/// exception handler has cleared the headers of a failed one), and cookies marked Secure whenever the request came
/// over HTTPS. The services answer JSON only, so their policy allows nothing; the portal passes its own.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy)
    {
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.SameAsRequest });
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = contentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
