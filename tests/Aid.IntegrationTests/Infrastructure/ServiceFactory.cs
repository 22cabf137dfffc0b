using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using System.Net.Http.Headers;
using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>One service, hosted in the test process, against the test class's own database and vhost.</summary>
public interface IServiceClient
{
    HttpClient CreateClient();
    HttpClient ClientAs(string namedUser);
    HttpClient ClientAs(DevelopmentUser user);
}

public sealed class ServiceFactory<TProgram>(
    string postgres, string rabbitMq, TestClock clock, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<TProgram>, IServiceClient
    where TProgram : class
{
    /// <summary>This test run's key: every service of every test class accepts the tokens the tests mint.</summary>
    public static readonly string SigningKey = DevelopmentIssuer.NewKey();
    private static readonly DevelopmentIssuer Issuer = DevelopmentIssuer.Create(SigningKey);

    /// <summary>A client that calls as the given user (a development token, as the real issuer would mint).</summary>
    public HttpClient ClientAs(DevelopmentUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.Mint(user));
        return client;
    }

    public HttpClient ClientAs(string namedUser) => ClientAs(DevelopmentUser.ByName(namedUser));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The development issuer runs in Development only (and with it ASP.NET's developer exception page, which the
        // services must never show).
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("ConnectionStrings:RabbitMq", rabbitMq);
        builder.UseSetting("Auth:DevelopmentIssuer:Enabled", "true");
        builder.UseSetting("Auth:DevelopmentIssuer:SigningKey", SigningKey);
        builder.UseSetting("Overdue:ScanSeconds", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // A test class's services are thrown away with its vhost: a message still being retried at the end is not
        // waited for (it returns to its queue, as after a crash).
        builder.UseSetting("Bus:StopTimeoutSeconds", "1");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<IStartupFilter, LoopbackPeer>();
        });
    }
}

/// <summary>The test server has no socket, so no peer address; Kestrel would give the caller's, here loopback.</summary>
internal sealed class LoopbackPeer : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
