using Aid.Registration.Ngos;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Catalogue;

public sealed record ExpressInterestRequest(string? Message);

public sealed record ExpressInterest(Guid NgoId, string NgoName, string? Message, DateOnly Today, DateTimeOffset Now);

public static class ExpressInterestCommand
{
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

    public static async Task<IResult> Handle(
        Guid id, ExpressInterestRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var message = check.Paragraphs("message", request?.Message, required: false);
        check.ThrowIfInvalid();
        var actor = Actor.From(http.User);
        var ngo = await session.LoadAsync<Ngo>(actor.NgoId ?? Guid.Empty, ct);
        if (ngo is null || ngo.Standing != NgoStanding.Active)
            throw new RuleViolation("ngo-not-active", new Bilingual(
                "Tổ chức không có trong danh bạ hoặc không còn hoạt động.", "The NGO is not in the registry or not active."), 422);
        var now = time.GetUtcNow();
        var command = new ExpressInterest(ngo.Id, ngo.Profile.NameEnglish, InputCheck.Optional(message), now.VietnamDate(), now);
        session.ActingAs(actor, http);
        var decided = await session.DecideAsync<CatalogueEntry>(id, http.Request.ExpectedVersion(), e => Decide(command, e), ct);
        return CatalogueRules.Changed(http, id, decided.Before.Status, decided.Version);
    }
}
