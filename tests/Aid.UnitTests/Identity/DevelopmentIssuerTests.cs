using System.IdentityModel.Tokens.Jwt;
using Aid.ServiceDefaults.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Aid.UnitTests.Identity;

public sealed class DevelopmentIssuerTests
{
    private static IConfiguration Enabled(bool enabled) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:DevelopmentIssuer:Enabled"] = enabled.ToString() })
        .Build();

    [Fact]
    public void Refuses_to_run_in_Production() =>
        Assert.Throws<InvalidOperationException>(() => DevelopmentIssuer.FromConfiguration(Enabled(true), new Environment("Production")));

    [Fact]
    public void Is_off_unless_enabled() =>
        Assert.Null(DevelopmentIssuer.FromConfiguration(Enabled(false), new Environment("Development")));

    [Fact]
    public void Mints_the_claims_the_services_read()
    {
        var issuer = DevelopmentIssuer.FromConfiguration(Enabled(true), new Environment("Development"))!;
        var ngo = Guid.NewGuid();
        var token = new JwtSecurityTokenHandler().ReadJwtToken(issuer.Mint(DevelopmentUser.NgoStaff(ngo)));
        Assert.Equal(DevelopmentIssuer.IssuerName, token.Issuer);
        Assert.Equal(Roles.NgoStaff, token.Claims.Single(c => c.Type == Actor.RoleClaim).Value);
        Assert.Equal(ngo.ToString(), token.Claims.Single(c => c.Type == Actor.NgoClaim).Value);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Aid";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
