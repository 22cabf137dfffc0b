using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Aid.IntegrationTests.Infrastructure;

/// <summary>One service, hosted in the test process, against the test class's own database and vhost.</summary>
public sealed class ServiceFactory<TProgram>(string postgres, string rabbitMq) : WebApplicationFactory<TProgram>
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", postgres);
        builder.UseSetting("ConnectionStrings:RabbitMq", rabbitMq);
    }
}
