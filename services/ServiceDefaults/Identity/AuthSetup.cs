using Aid.Domain.Province;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Aid.ServiceDefaults.Identity;

/// <summary>
/// Bearer tokens (JWT) on every endpoint but health. Configuration section "Auth":
/// <list type="bullet">
/// <item>Authority: an OpenID Connect issuer; its discovery document provides the signing keys.</item>
/// <item>Issuer + SigningKeys: a fixed issuer and base64 HMAC keys, when there is no discovery.</item>
/// <item>Audience: required audience (default "aid").</item>
/// <item>DevelopmentIssuer:Enabled: accept tokens from the built-in development issuer (never in Production).</item>
/// </list>
/// </summary>
public static class AuthSetup
{
    public static WebApplicationBuilder AddAidAuthentication(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection("Auth");
        var development = DevelopmentIssuer.FromConfiguration(builder.Configuration, builder.Environment);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            var audience = auth["Audience"] ?? "aid";
            var keys = (auth.GetSection("SigningKeys").Get<string[]>() ?? [])
                .Select(k => (SecurityKey)new SymmetricSecurityKey(Convert.FromBase64String(k))).ToList();
            var issuers = new List<string>();
            if (auth["Issuer"] is { Length: > 0 } issuer) issuers.Add(issuer);
            if (development is not null)
            {
                issuers.Add(DevelopmentIssuer.IssuerName);
                keys.Add(development.SigningKey);
            }
            if (auth["Authority"] is { Length: > 0 } authority)
            {
                o.Authority = authority;
                o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                issuers.Add(authority);
            }

            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = audience,
                ValidIssuers = issuers,
                IssuerSigningKeys = keys.Count > 0 ? keys : null,
                NameClaimType = Actor.NameClaim,
                RoleClaimType = Actor.RoleClaim,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        builder.Services.AddAuthorization();
        if (development is not null)
            builder.Services.AddSingleton(development);
        return builder;
    }
}
