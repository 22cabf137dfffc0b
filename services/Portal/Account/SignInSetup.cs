using System.Security.Claims;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Aid.Portal.Account;

/// <summary>
/// The portal signs people in with a cookie that names a session it holds (PortalSessions): their claims and the bearer
/// token it passes to the services.
/// Locally the token comes from the development issuer (the same one the services accept); in production from an
/// OpenID Connect provider configured under Auth:OpenIdConnect (Authority, ClientId, ClientSecret, Scopes).
/// </summary>
public static class SignInSetup
{
    public const string AccessTokenClaim = "access_token";
    public const string DevelopmentAuthenticationType = "development-issuer";

    public static bool UsesOpenIdConnect(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Auth:OpenIdConnect:Authority"]);

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var oidc = UsesOpenIdConnect(configuration);
        var authentication = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            if (oidc) o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        }).AddCookie(o =>
        {
            o.Cookie.Name = "aid.portal";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/forbidden";
            // A working day; the session's access tokens are short-lived and renewed (PortalSessions).
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        });
        builder.Services.AddSingleton<PortalSessions>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<PortalSessions>((o, sessions) => o.SessionStore = sessions);
        if (oidc)
            authentication.AddOpenIdConnect(o => ConfigureOpenIdConnect(o, configuration.GetSection("Auth:OpenIdConnect"), builder.Environment));
        builder.Services.AddAuthorization(Api.DownloadAccess.AddPolicies);

        // Same switch and same Production refusal as the services (null when off).
        if (DevelopmentIssuer.FromConfiguration(configuration, builder.Environment) is { } issuer)
            builder.Services.AddSingleton(issuer);
        return builder;
    }

    private static void ConfigureOpenIdConnect(OpenIdConnectOptions o, IConfigurationSection section, IHostEnvironment environment)
    {
        o.Authority = section["Authority"];
        o.ClientId = section["ClientId"];
        o.ClientSecret = section["ClientSecret"];
        o.ResponseType = "code";
        o.UsePkce = true;
        o.SaveTokens = true;
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.RequireHttpsMetadata = !environment.IsDevelopment();
        o.Scope.Clear();
        foreach (var scope in (section["Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            o.Scope.Add(scope);
        o.TokenValidationParameters.NameClaimType = Actor.NameClaim;
        o.TokenValidationParameters.RoleClaimType = Actor.RoleClaim;
        o.Events.OnTokenValidated = context =>
        {
            // The services are called with the provider's access token, kept with the other claims.
            if (context.TokenEndpointResponse?.AccessToken is { } token && context.Principal?.Identity is ClaimsIdentity identity)
                identity.AddClaim(new Claim(AccessTokenClaim, token));
            return Task.CompletedTask;
        };
    }

    /// <summary>A signed-in principal from a bearer token's claims (the claims the services read) and the token.</summary>
    public static ClaimsPrincipal PrincipalOf(DevelopmentUser user, string token)
    {
        var claims = new List<Claim>
        {
            new(Actor.SubjectClaim, user.UserName),
            new(Actor.NameClaim, user.DisplayName),
            new(Actor.RoleClaim, user.Role),
            new(Actor.AgencyClaim, user.Agency),
            new(AccessTokenClaim, token),
        };
        if (user.NgoId is { } ngo)
            claims.Add(new Claim(Actor.NgoClaim, ngo.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, DevelopmentAuthenticationType, Actor.NameClaim, Actor.RoleClaim));
    }

    /// <summary>The development user a principal of <see cref="PrincipalOf"/> was made for.</summary>
    public static DevelopmentUser DevelopmentUserOf(ClaimsPrincipal principal) => new(
        principal.FindFirst(Actor.SubjectClaim)!.Value, principal.FindFirst(Actor.NameClaim)!.Value,
        principal.FindFirst(Actor.RoleClaim)!.Value, principal.FindFirst(Actor.AgencyClaim)!.Value,
        Guid.TryParse(principal.FindFirst(Actor.NgoClaim)?.Value, out var ngo) ? ngo : null);
}
