using Aid.Contracts.Security;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Security.Reviews;

/// <summary><see cref="FindingId"/> is optional; a client that sends one can safely repeat the request.</summary>
public sealed record RecordFindingRequest(Guid? FindingId, string? Text, string? Severity);

public sealed record RecordFinding(Guid FindingId, string Text, FindingSeverity Severity, string RecordedBy, DateTimeOffset At)
{
    public static RecordFinding From(RecordFindingRequest? request, Actor actor, TimeProvider clock)
    {
        var check = new InputCheck();
        if (request?.FindingId == Guid.Empty)
            check.Fail("findingId", "Mã phát hiện không hợp lệ.", "The finding id must not be empty.");
        var text = check.Paragraphs("text", request?.Text);
        var severity = check.OneOf<FindingSeverity>("severity", request?.Severity);
        check.ThrowIfInvalid();
        return new RecordFinding(request!.FindingId ?? Guid.NewGuid(), text, severity!.Value, actor.UserId, clock.GetUtcNow());
    }

    public static IReadOnlyList<object> Decide(RecordFinding command, SecurityReview review)
    {
        review.EnsureOpen();
        if (review.FindingIds.Contains(command.FindingId))
            return []; // the same request again
        if (review.Officers.Count == 0)
            throw NoOfficerAssigned();
        return [new FindingRecorded(review.Id, command.FindingId, command.Text, command.Severity, command.RecordedBy, command.At)];
    }

    public static RuleViolation NoOfficerAssigned() => new("no-officer-assigned", new Bilingual(
        "Chưa phân công cán bộ thẩm tra cho hồ sơ này.", "No officer is assigned to this review yet."));
}

public sealed record FindingRecordedResponse(Guid DossierId, Guid FindingId, long Version);

public static class RecordFindingEndpoint
{
    public static async Task<Versioned<FindingRecordedResponse>> Handle(Guid id, RecordFindingRequest? body, HttpContext http,
        IDocumentSession session, TimeProvider clock)
    {
        var command = RecordFinding.From(body, Actor.From(http.User), clock);
        return await session.RunAsync<SecurityReview, FindingRecordedResponse>(http, id, r => RecordFinding.Decide(command, r),
            d => new FindingRecordedResponse(id, command.FindingId, d.Version), createdAt: $"/security-reviews/{id}/findings");
    }
}
