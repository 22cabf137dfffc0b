using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.AspNetCore.Http;

namespace Aid.ServiceDefaults.Commands;

/// <summary>
/// The one way an endpoint runs a command on a stream. The slice validates its request into a command first
/// (<c>X.From(request, …)</c>, RFC 9457 on bad input); then <see cref="RunAsync{TState,TAnswer}(IDocumentSession,HttpContext,Guid,Func{TState,IReadOnlyList{object}},Func{Decided{TState},TAnswer},Action{TState}?,string?,string?)"/>
/// stamps the caller on the events, runs the pure <c>Decide</c> on the stream's current state, appends with the
/// version the client saw (If-Match) and answers the typed result with the stream's new version as ETag.
/// A scanner or consumer acts as the system instead: <c>session.ActingAsSystem(agency).DecideAsync(…)</c>.
/// </summary>
public static class CommandSlice
{
    /// <param name="mayAct">Who may see the record: throws a hidden NotFound before the version is compared.</param>
    /// <param name="what">The record's name in a 404.</param>
    /// <param name="createdAt">When the command creates something: 201 with this location if it appended events
    /// (the same request again appends none and answers 200).</param>
    public static async Task<Versioned<TAnswer>> RunAsync<TState, TAnswer>(
        this IDocumentSession session, HttpContext http, Guid id,
        Func<TState, IReadOnlyList<object>> decide, Func<Decided<TState>, TAnswer> answer,
        Action<TState>? mayAct = null, string? what = null, string? createdAt = null) where TState : class
    {
        var decided = await DecideAsCallerAsync(session, http, id, decide, mayAct, what);
        return Answer(decided, answer(decided), createdAt);
    }

    /// <summary>As above, for an answer read back from the store (a projection written in the same transaction).</summary>
    public static async Task<Versioned<TAnswer>> RunAsync<TState, TAnswer>(
        this IDocumentSession session, HttpContext http, Guid id,
        Func<TState, IReadOnlyList<object>> decide, Func<Decided<TState>, Task<TAnswer>> answer,
        Action<TState>? mayAct = null, string? what = null, string? createdAt = null) where TState : class
    {
        var decided = await DecideAsCallerAsync(session, http, id, decide, mayAct, what);
        return Answer(decided, await answer(decided), createdAt);
    }

    /// <summary>
    /// A command that starts a new stream with <paramref name="events"/> as the caller: answers 201 at
    /// <paramref name="location"/> with version = the number of events. A stream id already taken is a 409.
    /// </summary>
    public static async Task<Versioned<TAnswer>> StartAsync<TState, TAnswer>(
        this IDocumentSession session, HttpContext http, Guid id, IReadOnlyList<object> events,
        string location, Func<long, TAnswer> answer) where TState : class
    {
        session.ActingAs(Actor.From(http.User), http);
        session.Events.StartStream<TState>(id, events.ToArray());
        await session.SaveChangesAsync(http.RequestAborted);
        return Versioned.Created(location, answer(events.Count), events.Count);
    }

    private static Versioned<TAnswer> Answer<TState, TAnswer>(Decided<TState> decided, TAnswer body, string? createdAt) =>
        createdAt is not null && decided.Events.Count > 0
            ? Versioned.Created(createdAt, body, decided.Version)
            : Versioned.Ok(body, decided.Version);

    private static Task<Decided<TState>> DecideAsCallerAsync<TState>(
        IDocumentSession session, HttpContext http, Guid id, Func<TState, IReadOnlyList<object>> decide,
        Action<TState>? mayAct, string? what) where TState : class =>
        session.ActingAs(Actor.From(http.User), http)
            .DecideAsync(id, http.Request.ExpectedVersion(), decide, http.RequestAborted, mayAct, what);

    /// <summary>
    /// As <c>RunAsync</c>, on a stream the first command may start (a record kept once for the whole service, or one
    /// per key): <paramref name="decide"/> gets the current state, null before the first event; If-Match "0" stands
    /// for a stream not started yet. A stale If-Match is refused as a rule ("concurrent-change", 409), a race lost
    /// while appending as a concurrency conflict (409).
    /// </summary>
    public static async Task<Versioned<TAnswer>> RunOrStartAsync<TState, TAnswer>(
        this IDocumentSession session, HttpContext http, Guid id,
        Func<TState?, IReadOnlyList<object>> decide, Func<Decided<TState?>, Task<TAnswer>> answer, string? createdAt = null)
        where TState : class
    {
        session.ActingAs(Actor.From(http.User), http);
        var stream = await session.Events.FetchForWriting<TState>(id, http.RequestAborted);
        var before = stream.CurrentVersion ?? 0;
        if (http.Request.ExpectedVersion() is { } expected && expected != before)
            throw new RuleViolation("concurrent-change", new Bilingual(
                "Người khác đã thay đổi trước bạn. Hãy tải lại để xem trạng thái mới.",
                "Someone else changed this first. Reload to see its new state."));
        var events = decide(stream.Aggregate);
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(http.RequestAborted);
        }
        var decided = new Decided<TState?>(stream.Aggregate, events, before + events.Count);
        return Answer(decided, await answer(decided), createdAt);
    }
}
