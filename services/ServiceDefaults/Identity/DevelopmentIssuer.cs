using Aid.Domain.Province;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Aid.ServiceDefaults.Identity;

/// <summary>
/// Mints tokens for named test users, for local runs, demos and tests. Off unless
/// Auth:DevelopmentIssuer:Enabled is true, and then only in the Development environment (any other refuses to start).
/// All services of one installation share Auth:DevelopmentIssuer:SigningKey, a key generated for that installation
/// (deploy/dev-issuer-key); there is no built-in key.
/// </summary>
public sealed class DevelopmentIssuer(SecurityKey signingKey)
{
    public const string IssuerName = "aid-development-issuer";

    /// <summary>Short-lived: the portal mints a new token while the session lives (see PortalSessions).</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(15);

    public SecurityKey SigningKey { get; } = signingKey;

    public static DevelopmentIssuer? FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("Auth:DevelopmentIssuer");
        if (!section.GetValue<bool>("Enabled"))
            return null;
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"The development token issuer runs only in the Development environment, not in {environment.EnvironmentName}. " +
                "Set Auth:DevelopmentIssuer:Enabled=false.");
        if (section["SigningKey"] is not { Length: > 0 } key || !TryDecode(key, out var bytes) || bytes.Length < 32)
            throw new InvalidOperationException(
                "The development token issuer needs Auth:DevelopmentIssuer:SigningKey, a base64 key of at least 32 random bytes " +
                "generated for this installation (deploy/dev-issuer-key makes one).");
        return new DevelopmentIssuer(new SymmetricSecurityKey(bytes));
    }

    /// <summary>A fresh random key (tests and tools that start services of their own).</summary>
    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));

    public static DevelopmentIssuer Create(string base64Key) =>
        new(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)));

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[base64.Length];
        var ok = Convert.TryFromBase64String(base64, bytes, out var written);
        bytes = bytes[..written];
        return ok;
    }

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
            expires: DateTime.UtcNow + (lifetime ?? TokenLifetime),
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

    /// <summary>A staff member of the NGO. An officer's user name is never NGO staff: a token naming
    /// security.officer with an NGO's role would pass as that officer in logs and audit trails.</summary>
    public static DevelopmentUser NgoStaff(Guid ngoId, string userName = "ngo.staff") => IsOfficer(userName)
        ? throw new ArgumentException($"{userName} is a named officer, not NGO staff.", nameof(userName))
        : new(userName, $"NGO staff {userName}", Roles.NgoStaff, Agencies.Ngo.Code, ngoId);

    public static bool IsOfficer(string userName) => Named.Any(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The user a sign-in or /dev/token asks for: a named user, or NGO staff when an NGO is given; null when
    /// there is no such user or the name is an officer's with an NGO.</summary>
    public static DevelopmentUser? Find(string userName, Guid? ngo) => ngo is { } id
        ? IsOfficer(userName) || string.IsNullOrWhiteSpace(userName) ? null : NgoStaff(id, userName)
        : Named.FirstOrDefault(u => u.UserName == userName);

    public static DevelopmentUser ByName(string userName) => Named.Single(u => u.UserName == userName);
}
