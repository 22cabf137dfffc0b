using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Aid.ServiceDefaults.Refusals;

public static class RefusalEndpoints
{
    public sealed record RefusedActor(
        string ActorKey, string UserId, string Role, string Agency, Guid? NgoId, string? RemoteIp,
        int Count, IReadOnlyDictionary<string, int> ByKind, DateTimeOffset FirstAt, DateTimeOffset LastAt,
        string LastRequest, bool OverThreshold);

    public sealed record RefusalView(
        string Service, DateTimeOffset From, DateTimeOffset To, int Threshold, long NotTallied, IReadOnlyList<RefusedActor> Actors);

    /// <summary>
    /// GET /admin/refusals?hours=24 (administrators only): who was refused in this service over the last hours,
    /// most refused first, those at or above Refusals:AlertThreshold flagged.
    /// </summary>
    public static IEndpointRouteBuilder MapRefusals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/refusals", async (int? hours, IQuerySession session, IOptions<RefusalOptions> options,
                RefusalRecorder recorder, AidServiceName service, TimeProvider time, CancellationToken ct) =>
            {
                var to = time.GetUtcNow();
                var from = to.AddHours(-Math.Clamp(hours ?? 24, 1, 24 * 90));
                var window = TimeSpan.FromMinutes(Math.Max(1, options.Value.WindowMinutes));
                var earliestWindow = from - window;
                var tallies = await session.Query<RefusalTally>()
                    .Where(t => t.WindowStart > earliestWindow && t.LastAt >= from)
                    .ToListAsync(ct);
                var threshold = options.Value.AlertThreshold;
                var actors = tallies.GroupBy(t => t.ActorKey).Select(g =>
                    {
                        var last = g.MaxBy(t => t.LastAt)!;
                        var count = g.Sum(t => t.Count);
                        var byKind = g.SelectMany(t => t.ByKind).GroupBy(k => k.Key).ToDictionary(k => k.Key, k => k.Sum(v => v.Value));
                        return new RefusedActor(g.Key, last.UserId, last.Role, last.Agency, last.NgoId, last.RemoteIp, count,
                            byKind, g.Min(t => t.FirstAt), last.LastAt, last.LastRequest, count >= threshold);
                    })
                    .OrderByDescending(a => a.Count).ThenByDescending(a => a.LastAt)
                    .ToList();
                return Results.Ok(new RefusalView(service.Value, from, to, threshold, recorder.Dropped, actors));
            })
            .RequireAuthorization(RefusalAccess.Read)
            .WithTags("Administration");
        return app;
    }
}
