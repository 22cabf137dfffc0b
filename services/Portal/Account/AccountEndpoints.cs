using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Aid.Portal.Account;

public static class AccountEndpoints
{
    public static WebApplication MapAccount(this WebApplication app)
    {
        var account = app.MapGroup("/account").AllowAnonymous();

        // Development issuer: pick a named user (or an NGO's staff member); refused when the issuer is off.
        account.MapPost("/dev-sign-in", async ([FromForm] string user, [FromForm] string? ngo, [FromForm] string? returnUrl,
            HttpContext http, IServiceProvider services) =>
        {
            if (services.GetService<DevelopmentIssuer>() is not { } issuer)
                return Results.NotFound();
            DevelopmentUser? chosen = user == Roles.NgoStaff
                ? Guid.TryParse(ngo?.Trim(), out var ngoId) ? DevelopmentUser.NgoStaff(ngoId) : null
                : DevelopmentUser.Named.FirstOrDefault(u => u.UserName == user);
            if (chosen is null)
                return Results.LocalRedirect($"/signin?error={(user == Roles.NgoStaff ? "ngo" : "user")}");
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                SignInSetup.PrincipalOf(chosen, issuer.Mint(chosen)));
            return Results.LocalRedirect(SafeReturn(returnUrl) ?? HomeOf(chosen.Role));
        });

        // OpenID Connect: the provider's sign-in page, then back here.
        account.MapGet("/sign-in", (string? returnUrl, IConfiguration configuration) => SignInSetup.UsesOpenIdConnect(configuration)
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturn(returnUrl) ?? "/after-sign-in" })
            : Results.LocalRedirect("/signin"));

        account.MapPost("/sign-out", async (HttpContext http, IConfiguration configuration) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return SignInSetup.UsesOpenIdConnect(configuration)
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                    [Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectDefaults.AuthenticationScheme])
                : Results.LocalRedirect("/");
        });
        return app;
    }

    /// <summary>Where each role starts.</summary>
    public static string HomeOf(string role) => role switch
    {
        Roles.NgoStaff => "/ngo",
        Roles.Auditor or Roles.SecurityClearedAuditor => "/audit",
        Roles.Administrator => "/statistics",
        Roles.MobilisationOfficer => "/mobilisation",
        Roles.LocalProposer => "/proposals",
        _ => "/work",
    };

    private static string? SafeReturn(string? url) =>
        url is { Length: > 1 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : null;
}
