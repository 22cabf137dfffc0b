using Aid.Contracts.Desks;
using Aid.Appraisal.Deadlines;
using Aid.Appraisal.Decisions;
using Aid.Contracts.Appraisal;
using Aid.Domain.Calendar;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Aid.Appraisal.Appraisals;

/// <summary>The appraisal of one dossier as appraisers, decision-makers and auditors read it (<see cref="AppraisalDeskView"/>).</summary>
public static class AppraisalView
{
    public static AppraisalDeskView Of(DossierAppraisal a, DateOnly today, WorkingCalendar calendar) => new(
        a.Id, a.ReceiptCode, a.Version, a.Status, a.Summary is { } s ? Facts(s) : null, a.Security,
        Clock(a.AppraisalStage, today, calendar), Clock(a.OpinionsStage, today, calendar), Clock(a.DecisionStage, today, calendar),
        a.OpinionRequests.Select(r => new AppraisalOpinionRequest(r.Department, r.RequestedOn, r.DueDate,
            a.Opinions.FirstOrDefault(o => o.Department == r.Department))).ToList(),
        a.Report, a.SecurityOverrideReason, a.Decision is { } d ? DecisionOf(d, a.AwaitsPrimeMinister) : null,
        new PrimeMinisterView(GroundsOf(a.Summary), a.ForwardedOn,
            a.PrimeMinisterDecidedOn, a.PrimeMinisterDocument, AttachPrimeMinisterDocument.Refusal(a) is null),
        a.WithdrawalReason)
    {
        Apologies = a.Apologies.Select(s => new AppraisalApology(
            s.Stage == Stage.Decision ? ApologisingStage.Decision : ApologisingStage.Appraisal, s.Slip)).ToList(),
    };

    /// <summary>Why the Prime Minister decides the dossier, as intake classified it; none when UBND tỉnh decides.</summary>
    private static IReadOnlyList<string> GroundsOf(DossierSummary? summary) =>
        summary is not null && PrimeMinisterMatter.ClassificationOf(summary) is { PrimeMinisterMatter: true } c ? c.Grounds : [];

    private static AppraisalDossierFacts Facts(DossierSummary s) => new(
        s.NgoId, s.NgoName, s.NgoCountry, s.Title, s.TitleEn, s.AidKind, s.SensitiveAreas, s.Fields, s.Locations, s.Amount,
        s.Currency, s.AmountVnd, s.StartDate, s.EndDate, s.Objectives);

    // A forwarding's recorded reasons are its grounds in English; the view carries the grounds' codes instead.
    private static AppraisalDecisionView DecisionOf(Decision d, bool forwarded) => new(
        d.Outcome, d.DecidedOn, d.DecisionNumber, d.DecisionDate, d.Signer, d.Conditions ?? [], forwarded ? null : d.Reasons);

    private static AppraisalStageView? Clock(StageClock? clock, DateOnly today, WorkingCalendar calendar) => clock is null ? null
        : new AppraisalStageView(clock.StartedOn, clock.DueDate, clock.EndedOn, clock.EndedOnTime, clock.OverdueFlagged,
            clock.IsRunning ? clock.WorkingDaysLeft(today, calendar) : null, clock.IsRunning ? DeadlineFlags.Of(clock, today, calendar) : null);

    public static async Task<Ok<AppraisalDeskView>> Handle(
        Guid id, IQuerySession session, TimeProvider time, DeadlinePlanner planner, CancellationToken cancellationToken)
    {
        var appraisal = await session.LoadAsync<DossierAppraisal>(id, cancellationToken) ?? throw new Aid.Domain.Rules.NotFound("appraisal");
        return TypedResults.Ok(Of(appraisal, time.VietnamToday(), planner.Calendar));
    }
}
