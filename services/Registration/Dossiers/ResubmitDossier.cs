using Aid.ServiceDefaults.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Dossiers;

public sealed record ResubmitDossierRequest(IReadOnlyList<DocumentInput?>? Documents, string? Note);

public sealed record ResubmitDossier(IReadOnlyList<DossierDocument> Documents, string? Note, DateOnly Today, DateTimeOffset Now);

public static class ResubmitDossierCommand
{
    /// <summary>The intake clock was stopped from the request to today: the intake due date and the appointment
    /// date move by those working days.</summary>
    public static IReadOnlyList<object> Decide(ResubmitDossier command, Dossier dossier, WorkingCalendar calendar)
    {
        DossierRules.EnsureAt(dossier, DossierStage.SupplementRequested, "nộp bổ sung / resubmit");
        var stopped = Math.Max(0, calendar.WorkingDaysBetween(dossier.SupplementRequestedOn!.Value, command.Today));
        var intakeDue = calendar.AddWorkingDays(dossier.Intake!.DueDate, stopped);
        var appointment = calendar.AddWorkingDays(dossier.AppointmentDate, stopped);
        return [new DossierResubmitted(dossier.Id, command.Documents, command.Note, command.Today, stopped, intakeDue, appointment, command.Now)];
    }

    public static async Task<IResult> Handle(
        Guid id, ResubmitDossierRequest request, HttpContext http, IDocumentSession session, TimeProvider time,
        WorkingCalendar calendar, CancellationToken ct)
    {
        var check = new InputCheck();
        if (request?.Documents is { Count: > 50 })
            check.Fail("documents", "Tối đa 50 tài liệu.", "At most 50 documents.");
        var documents = (request?.Documents ?? []).Select((d, i) => SubmitDossierCommand.Document(check, $"documents[{i}]", d)).ToList();
        var note = check.Paragraphs("note", request?.Note, required: false);
        check.ThrowIfInvalid();

        var actor = Actor.From(http.User);
        var now = time.GetUtcNow();
        var command = new ResubmitDossier(documents, InputCheck.Optional(note), now.VietnamDate(), now);
        session.ActingAs(actor, http);
        var decided = await session.DecideAsync<Dossier>(id, http.Request.ExpectedVersion(), d => Decide(command, d, calendar), ct,
            d => actor.EnsureMaySee(d.NgoId, "Dossier"));
        return DossierRules.Changed(http, id, decided.Before, decided.Events, decided.Version);
    }
}
