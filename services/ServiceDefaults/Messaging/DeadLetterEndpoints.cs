using Aid.Domain.Rules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Aid.ServiceDefaults.Messaging;

/// <summary>
/// The operator's view of messages set aside by the bus. "Operator" is the Administrator role: there is no separate
/// operations role.
/// </summary>
public static class DeadLetterEndpoints
{
    public sealed record Redriven(string Queue, string OriginalQueue, int Count);

    public static IEndpointRouteBuilder MapDeadLetters(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup("/operations/dead-letters")
            .RequireAuthorization(DeadLetterAccess.Manage)
            .WithTags("Operations");

        // GET /operations/dead-letters?max=50: every non-empty _error/_skipped queue of this service, with its messages.
        operations.MapGet("", async (int? max, DeadLetters letters, CancellationToken ct) =>
            Results.Ok(await letters.ListAsync(Math.Clamp(max ?? 50, 1, 1_000), ct)));

        // POST /operations/dead-letters/{queue}/redrive[?messageId=...]: back to the original queue, all or one.
        operations.MapPost("/{queue}/redrive", async (string queue, string? messageId, DeadLetters letters, BusQueues queues,
            CancellationToken ct) =>
        {
            if (queues.OriginOf(queue) is not { } origin)
                throw new NotFound($"dead-letter queue {queue}");
            var count = await letters.RedriveAsync(queue, messageId, ct);
            if (messageId is not null && count == 0)
                throw new NotFound($"message {messageId} in {queue}");
            return Results.Ok(new Redriven(queue, origin, count));
        });
        return app;
    }
}
