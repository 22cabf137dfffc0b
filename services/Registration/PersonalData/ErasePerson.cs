using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
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

public sealed record ErasePerson(Guid PersonId, string Reason, DateTimeOffset Now)
{
    public static ErasePerson From(Guid personId, ErasePersonRequest? request, TimeProvider clock) =>
        new(personId, InputCheck.Validated(check => check.Paragraphs("reason", request?.Reason)), clock.GetUtcNow());

    /// <summary><paramref name="hasKey"/>: the person's key exists; <paramref name="erased"/>: an erasure is recorded.</summary>
    public static IReadOnlyList<object> Decide(ErasePerson command, bool hasKey, bool erased)
    {
        if (erased)
            throw new RuleViolation("already-erased", new Bilingual(
                "Dữ liệu cá nhân của người này đã được xoá.", "This person's personal data was already erased."));
        if (!hasKey)
            throw new NotFound("person");
        return [new PersonalDataErased(command.PersonId, command.Reason, command.Now)];
    }
}

public static class ErasePersonEndpoint
{
    /// <summary>The erasure record and the key's deletion commit together: an erasure is never recorded but not done.
    /// It answers 200 (nothing to be read at a location), so not through <see cref="CommandSlice.StartAsync{TState,TAnswer}"/>.</summary>
    public static async Task<Versioned<PersonErased>> Handle(
        Guid personId, ErasePersonRequest? request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = ErasePerson.From(personId, request, time);
        var hasKey = await session.LoadAsync<PersonalDataKey>(personId, ct) is not null;
        var erased = await session.Events.FetchStreamStateAsync(personId, ct) is not null;
        var events = ErasePerson.Decide(command, hasKey, erased);
        session.ActingAs(Actor.From(http.User), http);
        session.Events.StartStream<Erasure>(personId, events.ToArray());
        session.Delete<PersonalDataKey>(personId);
        await session.SaveChangesAsync(ct);
        return Versioned.Ok(new PersonErased(personId, command.Now), events.Count);
    }
}
