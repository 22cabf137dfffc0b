using Aid.Appraisal.Appraisals;
using Aid.Appraisal.Deadlines;
using Aid.Contracts.Appraisal;
using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Decisions;

/// <summary>
/// UBND tỉnh records the Prime Minister's decision on a forwarded dossier: the document's number and date, approval
/// with its conditions or refusal with its reasons. An approval then starts monitoring as a provincial approval does.
/// </summary>
public sealed record PrimeMinisterDecision(
    DecisionOutcome? Outcome, string? DocumentNumber, DateOnly? DocumentDate, IReadOnlyList<string?>? Conditions, string? Reasons)
{
    public const string Signer = "Thủ tướng Chính phủ";

    public void Validate(DateOnly today)
    {
        var check = new InputCheck();
        check.Required("outcome", Outcome);
        if (Outcome is DecisionOutcome.ForwardedToPrimeMinister)
            check.Fail("outcome", "Chọn phê duyệt hoặc không phê duyệt.", "Choose approval or refusal.");
        check.Line("documentNumber", DocumentNumber, 100);
        check.Date("documentDate", DocumentDate, notAfter: today);
        check.Lines("conditions", Conditions, required: false, unique: true);
        check.Paragraphs("reasons", Reasons, required: Outcome is DecisionOutcome.Refused);
        check.ThrowIfInvalid();
    }

    public static IReadOnlyList<object> Decide(PrimeMinisterDecision command, DossierAppraisal state, DateOnly today)
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
        return [new PrimeMinisterDecisionRecorded(state.Id, state.ReceiptCode, command.Outcome!.Value, command.DocumentNumber!.Trim(),
            command.DocumentDate!.Value, (command.Conditions ?? []).Select(c => c!.Trim()).ToList(),
            string.IsNullOrWhiteSpace(command.Reasons) ? null : command.Reasons.Trim(), today, state.Summary!)
        {
            ForwardedOn = state.ForwardedOn,
        }];
    }

    public static async Task<Ok<CommandResult>> Handle(
        Guid id, PrimeMinisterDecision command, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = time.VietnamToday();
        command.Validate(today);
        return await session.RunAsync(id, http, state => Decide(command, state, today), cancellationToken);
    }
}
