using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aid.IntegrationTests.Infrastructure;
using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Aid.ServiceDefaults.Refusals;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace Aid.IntegrationTests.Administration;

/// <summary>
/// Refused attempts are tallied per actor in each service and shown to administrators at GET /admin/refusals;
/// repeated refusals are flagged; nobody else may read the view.
/// </summary>
public sealed class RefusalViewTests(RefusalViewTests.FastTally system) : IClassFixture<RefusalViewTests.FastTally>
{
    public sealed class FastTally : AidSystem
    {
        protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
        {
            ["Refusals:FlushMilliseconds"] = "200",
            ["Refusals:AlertThreshold"] = "10",
        };
    }

    [Fact]
    public async Task Repeated_forbidden_attempts_by_one_user_are_flagged_for_administrators()
    {
        var ngoId = Guid.NewGuid();
        var prober = DevelopmentUser.NgoStaff(ngoId, "ngo.prober." + ngoId.ToString("N")[..8]);
        using var client = system.Registration.ClientAs(prober);
        for (var i = 0; i < 12; i++)
        {
            var refused = await client.PostAsync("/ngos", new StringContent("{}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        // Another NGO's record: a 404, recorded as a probe.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ngos/{Guid.NewGuid()}")).StatusCode);

        var actor = await RefusedActorAsync(system.Registration, prober.UserName, a => a.Count >= 13);

        Assert.Equal(13, actor.Count);
        Assert.Equal(12, actor.ByKind[RefusalKind.Forbidden]);
        Assert.Equal(1, actor.ByKind[RefusalKind.Hidden]);
        Assert.Equal(Roles.NgoStaff, actor.Role);
        Assert.Equal(ngoId, actor.NgoId);
        Assert.True(actor.OverThreshold);
        Assert.StartsWith("GET /ngos/", actor.LastRequest);
    }

    [Fact]
    public async Task Refusals_tallied_by_several_instances_at_once_are_all_counted()
    {
        // Six writers (as six instances of a service would) add to one actor's tally at the same moment.
        var store = AidSystem.StoreOf(system.Registration);
        var actor = "user:tally.race." + Guid.NewGuid().ToString("N")[..8];
        var at = DateTimeOffset.UtcNow;
        Refusal One(int i) => new(actor, actor[5..], Roles.NgoStaff, "NGO", null, "127.0.0.1", RefusalKind.Forbidden, "GET",
            $"/ngos/{i}", at.AddMilliseconds(i));

        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(() => RefusalTallies.AddAsync(store,
            Enumerable.Range(writer * 5, 5).Select(One).ToList(), new RefusalOptions(), NullLogger.Instance, CancellationToken.None))));

        await using var query = store.QuerySession();
        var tallies = await query.Query<RefusalTally>().Where(t => t.ActorKey == actor).ToListAsync();
        Assert.Equal(30, tallies.Sum(t => t.Count));
        Assert.Equal(30, tallies.Sum(t => t.ByKind[RefusalKind.Forbidden]));
    }

    [Fact]
    public async Task Every_service_records_its_refusals_anonymous_ones_by_address()
    {
        using (var officer = system.Appraisal.ClientAs("security.officer"))
            for (var i = 0; i < 2; i++)
                Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/admin/refusals")).StatusCode);
        var actor = await RefusedActorAsync(system.Appraisal, "security.officer", a => a.Count >= 2);
        Assert.Equal(Agencies.Police.Code, actor.Agency);
        Assert.False(actor.OverThreshold);

        using (var anonymous = system.Monitoring.CreateClient())
            for (var i = 0; i < 3; i++)
                Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/projects")).StatusCode);
        var stranger = await RefusedActorAsync(system.Monitoring, "anonymous", a => a.Count >= 3);
        Assert.StartsWith("ip:", stranger.ActorKey);
        Assert.Equal(3, stranger.ByKind[RefusalKind.Unauthenticated]);

        using (var auditor = system.Security.ClientAs("auditor"))
            Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/operations/dead-letters")).StatusCode);
        await RefusedActorAsync(system.Security, "auditor", a => a.Count >= 1);
    }

    public static TheoryData<string> NonAdministrators() =>
        new(DevelopmentUser.Named.Where(u => u.Role != Roles.Administrator).Select(u => u.UserName).Append("ngo").Append("anonymous"));

    [Theory, MemberData(nameof(NonAdministrators))]
    public async Task Only_administrators_see_refusals_and_dead_letters(string user)
    {
        foreach (var service in new IServiceClient[] { system.Registration, system.Security, system.Appraisal, system.Monitoring })
        {
            using var client = user switch
            {
                "anonymous" => service.CreateClient(),
                "ngo" => service.ClientAs(DevelopmentUser.NgoStaff(Guid.NewGuid())),
                _ => service.ClientAs(user),
            };
            var expected = user == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.Equal(expected, (await client.GetAsync("/admin/refusals")).StatusCode);
            Assert.Equal(expected, (await client.GetAsync("/operations/dead-letters")).StatusCode);
            Assert.Equal(expected, (await client.PostAsync("/operations/dead-letters/x_error/redrive", null)).StatusCode);
        }
        using var admin = system.Registration.ClientAs("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/refusals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/operations/dead-letters")).StatusCode);
    }

    private static async Task<RefusalEndpoints.RefusedActor> RefusedActorAsync(
        IServiceClient service, string userId, Func<RefusalEndpoints.RefusedActor, bool> until)
    {
        using var admin = service.ClientAs("admin");
        return await Eventually.Returns(async () =>
        {
            var view = await admin.GetFromJsonAsync<RefusalEndpoints.RefusalView>("/admin/refusals?hours=1");
            return view!.Actors.FirstOrDefault(a => a.UserId == userId && until(a));
        }, $"the refusals of {userId} to be tallied");
    }
}
