using Aid.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Aid.IntegrationTests.Foundation;

/// <summary>
/// Every endpoint of every service names a declared policy (an XAccess class's, see Policies.Allow) or allows anonymous
/// callers: none relies on the fallback, an inline policy or a role list of its own.
/// </summary>
public sealed class EndpointPolicyTests(NotificationsSystem system) : IClassFixture<NotificationsSystem>
{
    public static TheoryData<string> Services => ["registration", "security", "appraisal", "monitoring", "notifications"];

    [Theory, MemberData(nameof(Services))]
    public async Task Every_endpoint_names_a_declared_policy_or_allows_anonymous(string service)
    {
        var provider = service == "notifications" ? system.Notifications.Services : service switch
        {
            "registration" => system.Registration.Services,
            "security" => system.Security.Services,
            "appraisal" => system.Appraisal.Services,
            _ => system.Monitoring.Services,
        };
        var policies = provider.GetRequiredService<IAuthorizationPolicyProvider>();
        var endpoints = provider.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var unnamed = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
                continue;
            var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            var declared = authorize.Count > 0 && authorize.All(a => a.Roles is null && a.AuthenticationSchemes is null && a.Policy is not null);
            foreach (var name in declared ? authorize.Select(a => a.Policy!) : [])
                declared &= await policies.GetPolicyAsync(name) is not null;
            if (!declared || endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null
                || endpoint.Metadata.GetMetadata<IAuthorizationRequirementData>() is not null)
                unnamed.Add(endpoint.DisplayName ?? endpoint.RoutePattern.RawText ?? "?");
        }
        Assert.Empty(unnamed);
    }
}
