using Aid.Contracts.Registration;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace Aid.Security.Reviews;

/// <summary>
/// Every dossier accepted at intake gets a security review, screened onto the standard or full track, due the
/// configured number of working days after the acceptance date (Vietnam local date). Registration accepts a dossier
/// once: a second acceptance (another event id) of a dossier under review is refused.
/// </summary>
public sealed class OpenReviewWhenDossierAccepted(
    IDocumentSession session, WorkingCalendar calendar, StageDeadlines deadlines) : IConsumer<DossierAccepted>
{
    public async Task Consume(ConsumeContext<DossierAccepted> context)
    {
        var message = context.Message;
        if (!await session.IsFirstDeliveryAsync(this, message, context.CancellationToken))
            return;

        if (await session.LoadAsync<SecurityReview>(message.DossierId, context.CancellationToken) is { } review)
            throw RefusedMessage.Because(message, $"dossier {review.Id} was accepted before ({review.ReceiptCode})");

        var history = await session.LoadAsync<NgoSecurityHistory>(message.NgoId, context.CancellationToken);
        var screening = Screening.Screen(message.SensitiveAreas ?? [], history?.HadObjection ?? false,
            message.Classification?.PrimeMinisterMatter ?? false);
        var acceptedOn = message.Metadata.OccurredAt.VietnamDate();
        var dueOn = calendar.AddWorkingDays(acceptedOn, deadlines.WorkingDaysFor(message.AidKind, Stage.Security));

        session.ActingAsSystem(SecurityService.Agency, message);
        session.Events.StartStream<SecurityReview>(message.DossierId, new SecurityReviewOpened(
            message.DossierId, message.ReceiptCode, message.NgoId, message.NgoName, message.Title, message.AidKind,
            message.SensitiveAreas ?? [], message.AppointmentDate, screening.Track, screening.Reasons,
            message.Metadata.OccurredAt, acceptedOn, dueOn));
        await session.SaveChangesAsync(context.CancellationToken);
    }
}
