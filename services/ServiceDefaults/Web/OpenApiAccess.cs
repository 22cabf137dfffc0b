using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Aid.ServiceDefaults.Web;

/// <summary>The API's description is for those who use it: anyone signed in.</summary>
public static class OpenApiAccess
{
    public const string Read = "openapi-read";

    public static void AddPolicies(AuthorizationOptions options) => options
        .AllowSignedIn(Read);
}
