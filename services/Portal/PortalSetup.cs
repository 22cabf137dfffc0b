using System.Globalization;
using Aid.Portal.Account;
using Aid.Portal.Api;
using Aid.Portal.Components;
using Aid.ServiceDefaults;
using Microsoft.AspNetCore.Localization;

namespace Aid.Portal;

/// <summary>The portal's services and pipeline: Blazor (server rendering + interactive server components),
/// cookie sign-in, the typed clients of the four services, Vietnamese by default with an English switch.</summary>
public static class PortalSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-GB")];

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.AddPortalSignIn();
        builder.Services.AddPortalApi(builder.Configuration);
        builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection("Portal"));
        builder.Services.AddLocalization();
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
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
        app.MapGet("/culture", (string c, string? back, HttpContext http) =>
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
