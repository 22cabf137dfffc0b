using Aid.Registration.Ngos;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record ExpressInterestRequest(string? Message);

public sealed record ExpressInterest(Guid NgoId, string NgoName, string? Message, DateOnly Today, DateTimeOffset Now)
{
    /// <summary><paramref name="ngo"/>: the caller's NGO, which must be in the registry and active (else 422).</summary>
    public static ExpressInterest From(ExpressInterestRequest? request, Ngo? ngo, TimeProvider clock)
    {
        var message = InputCheck.Validated(check => check.Paragraphs("message", request?.Message, required: false));
        if (ngo is null || ngo.Standing != NgoStanding.Active)
            throw new RuleViolation("ngo-not-active", new Bilingual(
                "Tổ chức không có trong danh bạ hoặc không còn hoạt động.", "The NGO is not in the registry or not active."), 422);
        var now = clock.GetUtcNow();
        return new ExpressInterest(ngo.Id, ngo.Profile.NameEnglish, InputCheck.Optional(message), now.VietnamDate(), now);
    }

    /// <summary>An NGO states its interest in a published, unexpired entry, once.</summary>
    public static IReadOnlyList<object> Decide(ExpressInterest command, CatalogueEntry entry)
    {
        if (!entry.IsPublicOn(command.Today))
            throw new NotFound("CatalogueEntry");
        if (entry.Interests.Any(i => i.NgoId == command.NgoId))
            throw new RuleViolation("interest-already-expressed", new Bilingual(
                "Tổ chức đã bày tỏ quan tâm đến dự án này.", "Your NGO already expressed interest in this entry."));
        return [new InterestExpressed(entry.Id, command.NgoId, command.NgoName, command.Message, command.Now)];
    }
}

public static class ExpressInterestEndpoint
{
    public static async Task<Versioned<EntryChanged>> Handle(
        Guid id, ExpressInterestRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var ngo = await session.LoadAsync<Ngo>(Actor.From(http.User).NgoId ?? Guid.Empty, ct);
        var command = ExpressInterest.From(request, ngo, time);
        return await session.RunAsync<CatalogueEntry, EntryChanged>(http, id, e => ExpressInterest.Decide(command, e),
            d => new EntryChanged(id, d.Before.Status.ToString(), d.Version));
    }
}
