using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;
using Aid.Contracts.Appraisal;

namespace Aid.Appraisal.Appraisals;

public sealed record RecordOpinionRequest(string? Department, DateOnly? OpinionDate, string? Text, string? Stance);

/// <summary>Record the written opinion a department sent back.</summary>
public sealed record RecordOpinion(string Department, DateOnly OpinionDate, string Text, OpinionStance Stance, DateOnly Today)
{
    public static RecordOpinion From(RecordOpinionRequest request, DateOnly today)
    {
        var check = new InputCheck();
        var department = check.Line("department", request.Department);
        var opinionDate = check.Date("opinionDate", request.OpinionDate, notAfter: today);
        var text = check.Paragraphs("text", request.Text);
        var stance = check.OneOf<OpinionStance>("stance", request.Stance);
        check.ThrowIfInvalid();
        return new RecordOpinion(department, opinionDate!.Value, text, stance!.Value, today);
    }

    public static IReadOnlyList<object> Decide(RecordOpinion command, DossierAppraisal state)
    {
        AppraisalRules.EnsureAppraising(state);
        var department = command.Department;
        var request = state.OpinionRequests.FirstOrDefault(r => string.Equals(r.Department, department, StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleViolation("opinion-not-requested", new Bilingual(
                $"Chưa xin ý kiến của: {department}.", $"No opinion was requested from: {department}."));
        if (state.Opinions.Any(o => o.Department == request.Department))
            throw new RuleViolation("opinion-already-recorded", new Bilingual(
                $"Ý kiến của {request.Department} đã được ghi nhận.", $"The opinion of {request.Department} is already recorded."));
        if (command.OpinionDate < request.RequestedOn)
            throw new RuleViolation("opinion-before-request", new Bilingual(
                "Ngày của ý kiến trước ngày xin ý kiến.", "The opinion is dated before it was requested."), 422);
        return [new OpinionRecorded(state.Id, request.Department, command.OpinionDate, command.Text, command.Stance, command.Today)];
    }
}

public static class RecordOpinionEndpoint
{
    public static async Task<Versioned<CommandResult>> Handle(
        Guid id, RecordOpinionRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = RecordOpinion.From(request, time.VietnamToday());
        return await session.RunAsync<DossierAppraisal, CommandResult>(http, id, state => RecordOpinion.Decide(command, state),
            d => new CommandResult(id, d.Version));
    }
}
