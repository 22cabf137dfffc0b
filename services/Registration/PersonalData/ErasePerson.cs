using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.PersonalData;

public sealed record ErasePersonRequest(string? Reason);

/// <summary>The erasure record the auditor reads: who (event headers), when and why; never what was erased.</summary>
public sealed record PersonalDataErased(Guid PersonId, string Reason, DateTimeOffset ErasedAt);

/// <summary>An erased person; its stream id is the person id.</summary>
public sealed record Erasure(Guid Id, string Reason, DateTimeOffset ErasedAt)
{
    public static Erasure Create(PersonalDataErased e) => new(e.PersonId, e.Reason, e.ErasedAt);
}

public sealed record PersonErased(Guid PersonId, DateTimeOffset ErasedAt);

public static class ErasePersonCommand
{
    public static IReadOnlyList<object> Decide(Guid personId, bool hasKey, bool erased, string reason, DateTimeOffset now)
    {
        if (erased)
            throw new RuleViolation("already-erased", new Bilingual(
                "Dữ liệu cá nhân của người này đã được xoá.", "This person's personal data was already erased."));
        if (!hasKey)
            throw new NotFound("person");
        return [new PersonalDataErased(personId, reason, now)];
    }

    /// <summary>The erasure record and the key's deletion commit together: an erasure is never recorded but not done.</summary>
    public static async Task<IResult> Handle(
        Guid personId, ErasePersonRequest? request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var reason = InputCheck.Validated(check => check.Paragraphs("reason", request?.Reason));
        var hasKey = await session.LoadAsync<PersonalDataKey>(personId, ct) is not null;
        var erased = await session.Events.FetchStreamStateAsync(personId, ct) is not null;
        var events = Decide(personId, hasKey, erased, reason, time.GetUtcNow());
        session.ActingAs(Actor.From(http.User), http);
        session.Events.StartStream<Erasure>(personId, events.ToArray());
        session.Delete<PersonalDataKey>(personId);
        await session.SaveChangesAsync(ct);
        http.Response.Headers.ETag = "\"1\"";
        return Results.Ok(new PersonErased(personId, ((PersonalDataErased)events[0]).ErasedAt));
    }
}
