using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.Contracts.Appraisal;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Appraisal.Decisions;

public sealed record PrimeMinisterDecisionRequest(
    DecisionOutcome? Outcome, string? DocumentNumber, DateOnly? DocumentDate, IReadOnlyList<string?>? Conditions, string? Reasons);

/// <summary>
/// UBND tỉnh records the Prime Minister's decision on a forwarded dossier: the document's number and date, approval
/// with its conditions or refusal with its reasons. An approval then starts monitoring as a provincial approval does.
/// </summary>
public sealed record PrimeMinisterDecision(
    DecisionOutcome Outcome, string DocumentNumber, DateOnly DocumentDate, IReadOnlyList<string> Conditions, string? Reasons,
    DateOnly Today)
{
    public const string Signer = "Thủ tướng Chính phủ";

    public static PrimeMinisterDecision From(PrimeMinisterDecisionRequest request, DateOnly today)
    {
        var check = new InputCheck();
        var outcome = check.Required("outcome", request.Outcome);
        if (request.Outcome is DecisionOutcome.ForwardedToPrimeMinister)
            check.Fail("outcome", "Chọn phê duyệt hoặc không phê duyệt.", "Choose approval or refusal.");
        var documentNumber = check.Line("documentNumber", request.DocumentNumber, 100);
        var documentDate = check.Date("documentDate", request.DocumentDate, notAfter: today);
        var conditions = check.Lines("conditions", request.Conditions, required: false, unique: true);
        var reasons = check.Paragraphs("reasons", request.Reasons, required: request.Outcome is DecisionOutcome.Refused);
        check.ThrowIfInvalid();
        return new PrimeMinisterDecision(outcome, documentNumber, documentDate!.Value, conditions, InputCheck.Optional(reasons), today);
    }

    public static IReadOnlyList<object> Decide(PrimeMinisterDecision command, DossierAppraisal state)
    {
        if (!state.AwaitsPrimeMinister)
            throw new RuleViolation("not-forwarded", new Bilingual(
                "Hồ sơ không ở bước chờ Thủ tướng Chính phủ quyết định.", "The dossier is not waiting for the Prime Minister's decision."));
        if (command.DocumentDate < state.ForwardedOn)
            throw new RuleViolation("decision-before-forwarding", new Bilingual(
                "Ngày văn bản trước ngày trình Thủ tướng Chính phủ.", "The document is dated before the dossier was forwarded."), 422);
        if (command.Outcome is DecisionOutcome.Refused && command.Conditions is { Count: > 0 })
            throw new RuleViolation("conditions-on-refusal", new Bilingual(
                "Quyết định không phê duyệt không kèm điều kiện.", "A refusal carries no conditions."), 422);
        return [new PrimeMinisterDecisionRecorded(state.Id, state.ReceiptCode, command.Outcome, command.DocumentNumber,
            command.DocumentDate, command.Conditions, command.Reasons, command.Today, state.Summary!)
        {
            ForwardedOn = state.ForwardedOn,
        }];
    }

}

public static class PrimeMinisterDecisionEndpoint
{
    public static async Task<Versioned<CommandResult>> Handle(
        Guid id, PrimeMinisterDecisionRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = PrimeMinisterDecision.From(request, time.VietnamToday());
        return await session.RunAsync<DossierAppraisal, CommandResult>(http, id, state => PrimeMinisterDecision.Decide(command, state),
            d => new CommandResult(id, d.Version));
    }
}
