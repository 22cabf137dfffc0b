using System.IdentityModel.Tokens.Jwt;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Aid.UnitTests.Identity;

public sealed class DevelopmentIssuerTests
{
    private static IConfiguration Enabled(bool enabled, string? key = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:DevelopmentIssuer:Enabled"] = enabled.ToString(),
            ["Auth:DevelopmentIssuer:SigningKey"] = key ?? DevelopmentIssuer.NewKey(),
        })
        .Build();

    [Theory, InlineData("Production"), InlineData("Staging"), InlineData("Testing")]
    public void Refuses_to_run_outside_Development(string environment) =>
        Assert.Contains("only in the Development environment", Assert.Throws<InvalidOperationException>(
            () => DevelopmentIssuer.FromConfiguration(Enabled(true), new Environment(environment))).Message);

    [Theory, InlineData(""), InlineData("not base64!"), InlineData("c2hvcnQ=")]
    public void Refuses_to_run_without_a_key_of_its_installation(string key) =>
        Assert.Contains("SigningKey", Assert.Throws<InvalidOperationException>(
            () => DevelopmentIssuer.FromConfiguration(Enabled(true, key), new Environment("Development"))).Message);

    [Theory, InlineData("security.officer"), InlineData("Intake.Officer"), InlineData("")]
    public void Never_makes_an_officer_NGO_staff(string userName) =>
        Assert.Null(DevelopmentUser.Find(userName, Guid.NewGuid()));

    [Fact]
    public void Finds_named_users_and_NGO_staff()
    {
        Assert.Equal(Roles.SecurityOfficer, DevelopmentUser.Find("security.officer", null)!.Role);
        Assert.Equal(Roles.NgoStaff, DevelopmentUser.Find("ngo.staff", Guid.NewGuid())!.Role);
    }

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
