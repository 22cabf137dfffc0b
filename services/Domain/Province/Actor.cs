using System.Security.Claims;

namespace Aid.Domain.Province;

/// <summary>Who acts: read from the validated bearer token; recorded on every event.</summary>
public sealed record Actor(string UserId, string Name, string Role, string Agency, Guid? NgoId)
{
    public const string RoleClaim = "role";
    public const string AgencyClaim = "agency";
    public const string NgoClaim = "ngo_id";
    public const string NameClaim = "name";
    public const string SubjectClaim = "sub";

    public static readonly Actor System = new("system", "Aid", "system", "AID", null);

    public bool Is(params string[] roles) => roles.Contains(Role);

    public bool IsAuditor => Is(Roles.Auditor, Roles.SecurityClearedAuditor);

    public static Actor From(ClaimsPrincipal user)
    {
        string? Claim(string type) => user.FindFirst(type)?.Value;
        return new Actor(
            UserId: Claim(SubjectClaim) ?? Claim(ClaimTypes.NameIdentifier) ?? "anonymous",
            Name: Claim(NameClaim) ?? Claim(ClaimTypes.Name) ?? Claim(SubjectClaim) ?? "anonymous",
            Role: Claim(RoleClaim) ?? Claim(ClaimTypes.Role) ?? "",
            Agency: Claim(AgencyClaim) ?? "",
            NgoId: Guid.TryParse(Claim(NgoClaim), out var ngo) ? ngo : null);
    }
}
