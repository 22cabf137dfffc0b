using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Appraisals;

/// <summary>What a command answers: the stream's new version (also sent as ETag, for If-Match on the next command).</summary>
public sealed record CommandResult(Guid DossierId, long Version);

internal static class AppraisalCommands
{
    /// <summary>Runs a pure decision on the dossier's appraisal as the calling user, with optimistic concurrency.</summary>
    public static async Task<Ok<CommandResult>> RunAsync(
        this IDocumentSession session, Guid id, HttpContext http,
        Func<DossierAppraisal, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
    {
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync(id, http.Request.ExpectedVersion(), decide, cancellationToken);
        http.Response.Headers.ETag = $"\"{decided.Version}\"";
        return TypedResults.Ok(new CommandResult(id, decided.Version));
    }
}
