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
    private static readonly DevelopmentIssuer Issuer = DevelopmentIssuer.Create(DevelopmentIssuer.DefaultKey);

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
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("ConnectionStrings:RabbitMq", rabbitMq);
        builder.UseSetting("Auth:DevelopmentIssuer:Enabled", "true");
        builder.UseSetting("Overdue:ScanSeconds", "1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}
