using Aid.Registration.Dossiers;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Ratings;

/// <summary>The NGO's rating of how its dossier was served (1 = very poor … 5 = very good), recorded on the dossier.</summary>
public sealed record ServiceRated(
    Guid DossierId, string ReceiptCode, Guid NgoId, int Score, string? Comment, DateOnly RatedOn, DateTimeOffset RatedAt);

public sealed record RateServiceRequest(int? Score, string? Comment);

public sealed record RateService(int Score, string? Comment, DateOnly Today, DateTimeOffset Now)
{
    public const int Lowest = 1, Highest = 5;

    public static RateService From(RateServiceRequest? request, TimeProvider clock)
    {
        var check = new InputCheck();
        check.Rule(request?.Score is >= Lowest and <= Highest, "score", "Điểm đánh giá phải từ 1 đến 5.", "The score must be from 1 to 5.");
        var comment = check.Paragraphs("comment", request?.Comment, max: 1000, required: false);
        check.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        return new RateService(request!.Score!.Value, InputCheck.Optional(comment), now.VietnamDate(), now);
    }

    /// <summary>Once per dossier, and only once its result is out: approved or refused (by UBND tỉnh or the Prime
    /// Minister). A dossier forwarded to the Prime Minister waits for the Prime Minister's decision.</summary>
    public static IReadOnlyList<object> Decide(RateService command, Dossier dossier)
    {
        if (!dossier.Decided || dossier.Stage is DossierStage.ForwardedToPrimeMinister)
            throw new RuleViolation("result-not-out", new Bilingual(
                "Chỉ đánh giá được sau khi có kết quả giải quyết hồ sơ.", "The service can be rated only once the dossier's result is out."));
        if (dossier.Rating is not null)
            throw new RuleViolation("already-rated", new Bilingual(
                "Hồ sơ đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.", "The dossier was already rated; each dossier is rated once."));
        return [new ServiceRated(dossier.Id, dossier.ReceiptCode, dossier.NgoId, command.Score, command.Comment, command.Today, command.Now)];
    }
}

public static class RateServiceEndpoint
{
    public static async Task<Versioned<DossierChanged>> Handle(
        Guid id, RateServiceRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = RateService.From(request, time);
        var actor = Actor.From(http.User);
        return await session.RunAsync<Dossier, DossierChanged>(http, id, d => RateService.Decide(command, d),
            _ => DossierChanged.ReadAsync(session, id, ct), d => actor.EnsureMaySee(d.NgoId, "Dossier"));
    }

    public static IEndpointRouteBuilder MapRatings(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dossiers/{id:guid}/rating", Handle).WithName("RateService").WithTags("Dossiers")
            .WithSummary("Rate how the dossier was served, 1 to 5 with an optional comment (NGO staff, once, after the result)")
            .RequireAuthorization(DossierAccess.Ngo)
            .Produces<DossierChanged>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);
        return app;
    }
}
