using System.Globalization;
using Aid.Portal.Account;
using Aid.Portal.Api;
using Aid.Portal.Components;
using Aid.ServiceDefaults;
using Aid.ServiceDefaults.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Aid.Portal;

/// <summary>The portal's services and pipeline: Blazor (server rendering + interactive server components),
/// cookie sign-in, the typed clients of the four services, Vietnamese by default with an English switch.</summary>
public static class PortalSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-GB")];

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        // Circuit failures are never detailed to the browser, whatever the environment; they are in the log.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = false);
        builder.Services.AddCascadingAuthenticationState();
        // A request that does not bind is an exception in every environment, so it gets the friendly error page.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.AddPortalSignIn();
        builder.Services.AddPortalApi(builder.Configuration);
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection("Portal"));
        builder.Services.AddLocalization();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseTrustedForwardedHeaders(app.Configuration);
        app.UseSecurityHeaders(ContentSecurityPolicy(app.Configuration));
        // Every failure, on any route and in any environment, shows the friendly page (Error.razor) in the reader's
        // language (localization runs again when the request is re-executed there).
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            CreateScopeForErrors = true,
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // The error page is shown as a GET: a failed POST (a form whose anti-forgery token has gone stale) would otherwise
        // fail its anti-forgery check again on the way to the page.
        app.Use((context, next) =>
        {
            if (context.Features.Get<IExceptionHandlerFeature>() is not null)
                context.Request.Method = HttpMethods.Get;
            return next(context);
        });
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // The cookie only: a browser's Accept-Language must not override the Vietnamese default.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthEndpoints();
        app.MapStaticAssets();
        app.MapAccount();
        app.MapAuditExport();
        app.MapReportDownloads();
        app.MapDecisionDocuments();
        app.MapReportFiles();
        app.MapDossierDocuments();
        app.MapGet("/culture", (string? c, string? back, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(x => x.TwoLetterISOLanguageName == c) ?? Cultures[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(back is { Length: > 0 } && back.StartsWith('/') && !back.StartsWith("//") ? back : "/");
        }).AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Scripts from the portal only (blazor.web.js, portal.js: no inline script, no eval). Inline styles are
    /// allowed because Blazor's reconnection dialog sets its own; the receipt's QR code is a data: image; the circuit's
    /// WebSocket is 'self'. A sign-out form posts on to the OpenID Connect provider, when there is one.</summary>
    public static string ContentSecurityPolicy(IConfiguration configuration)
    {
        var provider = Uri.TryCreate(configuration["Auth:OpenIdConnect:Authority"], UriKind.Absolute, out var authority)
            ? " " + authority.GetLeftPart(UriPartial.Authority)
            : "";
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
               "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'" + provider;
    }
}

public sealed class PortalOptions
{
    /// <summary>How often open pages ask the services for changes (see README, Portal).</summary>
    public double RefreshSeconds { get; set; } = 5;

    /// <summary>The province this portal serves, printed on receipts when the Registration service's answer has none
    /// (it normally sends its own configured "Province:Name"; both default to Đồng Nai).</summary>
    public string Province { get; set; } = "Đồng Nai";

    /// <summary>The portal's public address for the receipt's QR code (e.g. https://aid.example.gov.vn/); when empty,
    /// the address the page was opened at.</summary>
    public string? PublicUrl { get; set; }
}
