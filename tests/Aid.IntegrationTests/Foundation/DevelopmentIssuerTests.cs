using System.IdentityModel.Tokens.Jwt;
using System.Net;
using Aid.IntegrationTests.Infrastructure;
using Aid.Domain.Province;
using Xunit;

namespace Aid.IntegrationTests.Foundation;

/// <summary>The development issuer: named officers are never NGO staff, and a service with the issuer switched on
/// refuses to start outside the Development environment.</summary>
public sealed class DevelopmentIssuerTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Theory]
    [InlineData("security.officer"), InlineData("intake.officer"), InlineData("admin"), InlineData("Cleared.Auditor")]
    public async Task An_officer_is_never_issued_as_NGO_staff(string officer)
    {
        using var anonymous = system.Registration.CreateClient();
        var answer = await anonymous.GetAsync($"/dev/token?user={officer}&ngo={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Contains("unknown-development-user", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NGO_staff_and_named_officers_get_the_tokens_of_their_roles()
    {
        using var anonymous = system.Registration.CreateClient();
        var ngo = Guid.NewGuid();
        var staff = new JwtSecurityTokenHandler().ReadJwtToken(await anonymous.GetStringAsync($"/dev/token?user=ngo.staff&ngo={ngo}"));
        Assert.Equal(Roles.NgoStaff, staff.Claims.Single(c => c.Type == Actor.RoleClaim).Value);
        Assert.Equal(ngo.ToString(), staff.Claims.Single(c => c.Type == Actor.NgoClaim).Value);
        Assert.InRange(staff.ValidTo - staff.ValidFrom, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));

        var officer = new JwtSecurityTokenHandler().ReadJwtToken(await anonymous.GetStringAsync("/dev/token?user=security.officer"));
        Assert.Equal(Roles.SecurityOfficer, officer.Claims.Single(c => c.Type == Actor.RoleClaim).Value);
    }

    [Theory, InlineData("Production"), InlineData("Staging")]
    public async Task A_service_with_the_issuer_on_refuses_to_start_outside_Development(string environment)
    {
        // Never reaches its database or broker: it stops while reading its configuration.
        await using var service = new ServiceFactory<Registration.Program>("Host=127.0.0.1;Port=1;Database=none",
            "amqp://none:none@127.0.0.1:1/none", new TestClock(), new Dictionary<string, string> { ["environment"] = environment });
        var failure = Record.Exception(() => service.CreateClient());
        Assert.NotNull(failure);
        Assert.Contains($"only in the Development environment, not in {environment}", failure.ToString());
    }
}
