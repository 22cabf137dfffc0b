using Aid.Contracts.Desks;
using Aid.Contracts.Security;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Security.Reviews;

public sealed record ConcludeReviewRequest(string? Verdict, IReadOnlyList<string>? PublicConditions, string? Reasons);

/// <summary>
/// The verdict: cleared, cleared with (public) conditions, or objection with (confidential) reasons. A review is
/// concluded once: a second conclusion is refused (409).
/// </summary>
public sealed record ConcludeReview(
    SecurityVerdict Verdict, IReadOnlyList<string> PublicConditions, string? Reasons, DateTimeOffset At, DateOnly Today)
{
    public const int MaxConditions = 20;

    public static ConcludeReview From(ConcludeReviewRequest? request, TimeProvider clock)
    {
        var check = new InputCheck();
        var verdict = check.OneOf<SecurityVerdict>("verdict", request?.Verdict);
        var conditions = check.Lines("publicConditions", request?.PublicConditions, MaxConditions, required: false);
        var given = request?.PublicConditions?.Count ?? 0;
        if (verdict == SecurityVerdict.ClearedWithConditions && given == 0)
            check.Fail("publicConditions", "Kết luận có điều kiện phải nêu ít nhất một điều kiện.",
                "A clearance with conditions needs at least one public condition.");
        if ((verdict is SecurityVerdict.Cleared or SecurityVerdict.Objection) && given > 0)
            check.Fail("publicConditions", "Chỉ nêu điều kiện khi kết luận là ClearedWithConditions.",
                "Public conditions go only with the ClearedWithConditions verdict.");
        var reasons = check.Paragraphs("reasons", request?.Reasons, required: verdict == SecurityVerdict.Objection);
        check.ThrowIfInvalid();
        return new ConcludeReview(verdict!.Value, conditions, InputCheck.Optional(reasons), clock.GetUtcNow(), clock.VietnamToday());
    }

    public static IReadOnlyList<object> Decide(ConcludeReview command, SecurityReview review)
    {
        review.EnsureOpen();
        if (review.Officers.Count == 0)
            throw RecordFinding.NoOfficerAssigned();
        return
        [
            new ReviewConcluded(review.Id, review.ReceiptCode, review.NgoId, command.Verdict, command.PublicConditions,
                command.Reasons, command.At, command.Today, OnTime: command.Today <= review.OriginalDueOn)
            {
                DueDate = review.OriginalDueOn,
            },
        ];
    }
}

public static class ConcludeReviewEndpoint
{
    public static async Task<Versioned<SecurityReviewView>> Handle(Guid id, ConcludeReviewRequest? body, HttpContext http,
        IDocumentSession session, TimeProvider clock, ReviewViews views, CancellationToken ct)
    {
        var command = ConcludeReview.From(body, clock);
        return await session.RunAsync<SecurityReview, SecurityReviewView>(http, id, r => ConcludeReview.Decide(command, r),
            _ => views.PublicView(session, id, ct));
    }
}
