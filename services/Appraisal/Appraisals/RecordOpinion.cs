using Aid.Appraisal.Deadlines;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Appraisals;

/// <summary>Record the written opinion a department sent back.</summary>
public sealed record RecordOpinion(string? Department, DateOnly? OpinionDate, string? Text, string? Stance)
{
    public void Validate(DateOnly today)
    {
        var check = new InputCheck();
        check.Line("department", Department);
        check.Date("opinionDate", OpinionDate, notAfter: today);
        check.Paragraphs("text", Text);
        check.OneOf<OpinionStance>("stance", Stance);
        check.ThrowIfInvalid();
    }

    public static IReadOnlyList<object> Decide(RecordOpinion command, DossierAppraisal state, DateOnly today)
    {
        AppraisalRules.EnsureAppraising(state);
        var department = command.Department!.Trim();
        var request = state.OpinionRequests.FirstOrDefault(r => string.Equals(r.Department, department, StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleViolation("opinion-not-requested", new Bilingual(
                $"Chưa xin ý kiến của: {department}.", $"No opinion was requested from: {department}."));
        if (state.Opinions.Any(o => o.Department == request.Department))
            throw new RuleViolation("opinion-already-recorded", new Bilingual(
                $"Ý kiến của {request.Department} đã được ghi nhận.", $"The opinion of {request.Department} is already recorded."));
        if (command.OpinionDate < request.RequestedOn)
            throw new RuleViolation("opinion-before-request", new Bilingual(
                "Ngày của ý kiến trước ngày xin ý kiến.", "The opinion is dated before it was requested."), 422);
        return [new OpinionRecorded(state.Id, request.Department, command.OpinionDate!.Value, command.Text!.Trim(),
            Enum.Parse<OpinionStance>(command.Stance!, ignoreCase: true), today)];
    }

    public static async Task<Ok<CommandResult>> Handle(
        Guid id, RecordOpinion command, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = time.VietnamToday();
        command.Validate(today);
        return await session.RunAsync(id, http, state => Decide(command, state, today), cancellationToken);
    }
}
