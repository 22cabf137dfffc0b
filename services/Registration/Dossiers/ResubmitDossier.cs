using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Dossiers;

/// <summary>What the NGO supplies for one item the intake officer asked for: a document, a note, or both.</summary>
public sealed record SupplementAnswerInput(string? Item, DocumentInput? Document, string? Note);

public sealed record ResubmitDossierRequest(IReadOnlyList<SupplementAnswerInput?>? Answers, string? Note);

public sealed record ResubmitDossier(IReadOnlyList<SupplementAnswer> Answers, string? Note, DateOnly Today, DateTimeOffset Now)
{
    public static ResubmitDossier From(ResubmitDossierRequest? request, TimeProvider clock)
    {
        var check = new InputCheck();
        var answers = AnswersOf(check, request?.Answers);
        var note = check.Paragraphs("note", request?.Note, required: false);
        check.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        return new ResubmitDossier(answers, InputCheck.Optional(note), now.VietnamDate(), now);
    }

    /// <summary>Every item the supplement request named is answered, and only those. The intake clock was stopped
    /// from the request to today: the intake due date and the appointment date move by those working days.</summary>
    public static IReadOnlyList<object> Decide(ResubmitDossier command, Dossier dossier, WorkingCalendar calendar)
    {
        DossierRules.EnsureAt(dossier, DossierStage.SupplementRequested, "nộp bổ sung / resubmit");
        var check = new InputCheck();
        for (var i = 0; i < command.Answers.Count; i++)
            check.Rule(dossier.MissingItems.Contains(command.Answers[i].Item), $"answers[{i}].item",
                "Không phải mục được yêu cầu bổ sung.", "Not one of the items asked for.");
        foreach (var item in dossier.MissingItems.Where(m => command.Answers.All(a => a.Item != m)))
            check.Fail("answers", $"Chưa trả lời mục được yêu cầu bổ sung: «{item}».", $"No answer to an item asked for: «{item}».");
        check.ThrowIfInvalid();
        var stopped = Math.Max(0, calendar.WorkingDaysBetween(dossier.SupplementRequestedOn!.Value, command.Today));
        var intakeDue = calendar.AddWorkingDays(dossier.Intake!.DueDate, stopped);
        var appointment = calendar.AddWorkingDays(dossier.AppointmentDate, stopped);
        var documents = command.Answers.Select(a => a.Document).OfType<DossierDocument>().ToList();
        return [new DossierResubmitted(dossier.Id, documents, command.Note, command.Today, stopped, intakeDue, appointment, command.Now)
            { Answers = command.Answers, ReceiptCode = dossier.ReceiptCode, NgoId = dossier.NgoId }];
    }

    /// <summary>Each answer names its item once and carries a document, a note or both.</summary>
    private static List<SupplementAnswer> AnswersOf(InputCheck check, IReadOnlyList<SupplementAnswerInput?>? inputs)
    {
        if (inputs is not { Count: > 0 })
        {
            check.Fail("answers", "Cần trả lời từng mục được yêu cầu bổ sung.", "Answer each item asked for.");
            return [];
        }
        if (inputs.Count > InputCheck.ListItems)
            check.Fail("answers", $"Tối đa {InputCheck.ListItems} mục.", $"At most {InputCheck.ListItems} items.");
        var answers = new List<SupplementAnswer>();
        foreach (var (input, i) in inputs.Take(InputCheck.ListItems).Select((a, i) => (a ?? new SupplementAnswerInput(null, null, null), i)))
        {
            var field = $"answers[{i}]";
            var item = check.Line($"{field}.item", input.Item);
            if (item.Length > 0 && answers.Any(a => a.Item == item))
                check.Fail($"{field}.item", "Mục này đã được trả lời ở trên.", "This item is already answered above.");
            var document = input.Document is null ? null : SubmitDossier.Document(check, $"{field}.document", input.Document);
            var note = InputCheck.Optional(check.Paragraphs($"{field}.note", input.Note, required: false));
            check.Rule(document is not null || note is not null, field,
                $"Cần kèm tài liệu hoặc ghi chú cho mục «{item}».", $"Attach a document or write a note for the item «{item}».");
            answers.Add(new SupplementAnswer(item, document, note));
        }
        return answers;
    }
}

public static class ResubmitDossierEndpoint
{
    public static async Task<Versioned<DossierChanged>> Handle(
        Guid id, ResubmitDossierRequest request, HttpContext http, IDocumentSession session, TimeProvider time,
        WorkingCalendar calendar, CancellationToken ct)
    {
        var command = ResubmitDossier.From(request, time);
        var actor = Actor.From(http.User);
        return await session.RunAsync<Dossier, DossierChanged>(http, id, d => ResubmitDossier.Decide(command, d, calendar),
            _ => DossierChanged.ReadAsync(session, id, ct), d => actor.EnsureMaySee(d.NgoId, "Dossier"));
    }
}
