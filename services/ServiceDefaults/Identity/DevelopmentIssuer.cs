using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Aid.ServiceDefaults.Identity;

/// <summary>
/// Mints tokens for named test users, for local runs, demos and tests. Off unless
/// Auth:DevelopmentIssuer:Enabled is true; refuses to start in the Production environment.
/// All services of one system share Auth:DevelopmentIssuer:SigningKey.
/// </summary>
public sealed class DevelopmentIssuer(SecurityKey signingKey)
{
    public const string IssuerName = "aid-development-issuer";
    public const string DefaultKey = "YWlkLWRldmVsb3BtZW50LWlzc3Vlci1rZXktbm90LWZvci1wcm9kdWN0aW9uLXVzZQ==";

    public SecurityKey SigningKey { get; } = signingKey;

    public static DevelopmentIssuer? FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Auth:DevelopmentIssuer");
        if (!section.GetValue<bool>("Enabled"))
            return null;
        if (environment.IsProduction())
            throw new InvalidOperationException(
                "The development token issuer must not run in Production. Set Auth:DevelopmentIssuer:Enabled=false.");
        return Create(section["SigningKey"] ?? DefaultKey);
    }

    public static DevelopmentIssuer Create(string base64Key) =>
        new(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)));

    public string Mint(DevelopmentUser user, TimeSpan? lifetime = null)
    {
        var claims = new List<Claim>
        {
            new(Actor.SubjectClaim, user.UserName),
            new(Actor.NameClaim, user.DisplayName),
            new(Actor.RoleClaim, user.Role),
            new(Actor.AgencyClaim, user.Agency),
        };
        if (user.NgoId is { } ngo)
            claims.Add(new Claim(Actor.NgoClaim, ngo.ToString()));

        var token = new JwtSecurityToken(
            issuer: IssuerName,
            audience: "aid",
            claims: claims,
            notBefore: DateTime.UtcNow.AddSeconds(-5),
            expires: DateTime.UtcNow + (lifetime ?? TimeSpan.FromHours(8)),
            signingCredentials: new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}

public sealed record DevelopmentUser(string UserName, string DisplayName, string Role, string Agency, Guid? NgoId = null)
{
    /// <summary>The named users of local runs and demos (an NGO user is minted per NGO: see NgoStaff).</summary>
    public static readonly IReadOnlyList<DevelopmentUser> Named =
    [
        new("intake.officer", "Nguyễn Văn An (Sở Ngoại vụ)", Roles.IntakeOfficer, Agencies.ForeignAffairs.Code),
        new("security.officer", "Trần Thị Bình (Công an tỉnh)", Roles.SecurityOfficer, Agencies.Police.Code),
        new("appraiser", "Lê Văn Cường (Sở Tài chính)", Roles.Appraiser, Agencies.Finance.Code),
        new("decision.maker", "Phạm Thị Dung (UBND tỉnh)", Roles.DecisionMaker, Agencies.PeoplesCommittee.Code),
        new("monitoring.officer", "Hoàng Văn Em (Sở Ngoại vụ)", Roles.MonitoringOfficer, Agencies.ForeignAffairs.Code),
        new("auditor", "Vũ Thị Giang (Thanh tra tỉnh)", Roles.Auditor, Agencies.Inspectorate.Code),
        new("cleared.auditor", "Đỗ Văn Hải (Thanh tra tỉnh)", Roles.SecurityClearedAuditor, Agencies.Inspectorate.Code),
        new("admin", "Administrator", Roles.Administrator, Agencies.ForeignAffairs.Code),
        new("mobilisation.officer", "Ngô Thị Lan (Sở Ngoại vụ)", Roles.MobilisationOfficer, Agencies.ForeignAffairs.Code),
        new("commune.proposer", "Đặng Văn Minh (UBND xã)", Roles.LocalProposer, Agencies.CommuneCommittee.Code),
        new("health.proposer", "Bùi Thị Nga (Sở Y tế)", Roles.LocalProposer, Agencies.Health.Code),
    ];

    public static DevelopmentUser NgoStaff(Guid ngoId, string userName = "ngo.staff") =>
        new(userName, $"NGO staff {userName}", Roles.NgoStaff, Agencies.Ngo.Code, ngoId);

    public static DevelopmentUser ByName(string userName) => Named.Single(u => u.UserName == userName);
}
