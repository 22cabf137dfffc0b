using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;

namespace Aid.ServiceDefaults.Web;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies named in configuration
/// (ForwardedHeaders:KnownProxies, addresses; ForwardedHeaders:KnownNetworks, CIDR), e.g. the portal's address for the
/// Registration service, so that per-client limits count the user behind the portal. Anyone else's header is ignored:
/// ASP.NET's default of trusting loopback is cleared, since every local process is on loopback.
/// </summary>
public static class TrustedForwardedHeaders
{
    public static IApplicationBuilder UseTrustedForwardedHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in Listed(configuration, "KnownProxies"))
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in Listed(configuration, "KnownNetworks"))
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        // With no proxy listed, ASP.NET would believe the headers from anyone: then none are read at all.
        return options.KnownProxies.Count + options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders(options);
    }

    private static IEnumerable<string> Listed(IConfiguration configuration, string key) =>
        (configuration.GetSection($"ForwardedHeaders:{key}").Get<string[]>() ?? []).Where(v => !string.IsNullOrWhiteSpace(v));
}
