using Aid.Contracts.Appraisal;
using Aid.Contracts.Registration;
using Aid.Contracts.Security;
using Aid.Monitoring.PlanTasks;
using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;

namespace Aid.Monitoring.Reporting;

/// <summary>A monitored project as its events up to the cut-off tell it.</summary>
public sealed record ProjectFacts(
    ProjectMonitoringStarted Started, List<AidTrancheReceived> Tranches, List<InspectionRecorded> Inspections,
    HashSet<string> ReportsReceived, DateOnly? ImplementationStartedOn, bool Closed);

/// <summary>
/// The facts known at the cut-off, indexed: the latest version of each per dossier / NGO / entry (by store
/// sequence). Built once per report; pure.
/// </summary>
public sealed class ReportFacts
{
    public int Count { get; }
    public List<(NgoRegistryChanged Entry, DateOnly On)> RegistryChanges { get; } = [];
    public Dictionary<Guid, DossierReceived> Received { get; } = [];
    public Dictionary<Guid, DossierAccepted> Accepted { get; } = [];
    public Dictionary<Guid, (DossierWithdrawn Withdrawn, DateOnly On)> Withdrawn { get; } = [];
    public Dictionary<Guid, SecurityReviewConcluded> Security { get; } = [];
    public Dictionary<Guid, AppraisalReportIssued> Appraisals { get; } = [];
    public Dictionary<Guid, (DossierDecided Decided, DateOnly On)> Decisions { get; } = [];
    public List<MobilisationPlanAdopted> Plans { get; } = [];
    public Dictionary<Guid, CatalogueEntryPublished> Catalogue { get; } = [];
    public Dictionary<Guid, CatalogueEntryFunded> Funding { get; } = [];
    public Dictionary<Guid, ProjectFacts> Projects { get; } = [];
    public Dictionary<Guid, PlanTask> Tasks { get; } = [];
    /// <summary>The service-quality index's own facts (see Quality/QualityFold.cs): the province's decision (not the
    /// Prime Minister's), supplement requests, apology slips and the NGOs' ratings.</summary>
    public Dictionary<Guid, DossierDecided> ProvinceDecisions { get; } = [];
    public Dictionary<Guid, DossierSupplementRequested> Supplements { get; } = [];
    public List<Aid.Contracts.IIntegrationEvent> Apologies { get; } = [];
    public Dictionary<Guid, ServiceRated> Ratings { get; } = [];

    public ReportFacts(IEnumerable<ReportFact> facts, DateTimeOffset cutOff)
    {
        foreach (var fact in facts.Where(f => f.RecordedAt <= cutOff).OrderBy(f => f.Sequence))
        {
            Count++;
            Add(fact);
        }
    }

    private void Add(ReportFact fact)
    {
        switch (fact.Data)
        {
            case NgoRegistryChanged e: RegistryChanges.Add((e, e.Metadata.OccurredAt.VietnamDate())); break;
            case DossierReceived e: Received[e.DossierId] = e; break;
            case DossierAccepted e: Accepted[e.DossierId] = e; break;
            case DossierWithdrawn e: Withdrawn[e.DossierId] = (e, e.Metadata.OccurredAt.VietnamDate()); break;
            case SecurityReviewConcluded e: Security[e.DossierId] = e; break;
            case AppraisalReportIssued e: Appraisals[e.DossierId] = e; break;
            case DossierDecided e:
                Decisions[e.DossierId] = (e, e.DecisionDate ?? e.Metadata.OccurredAt.VietnamDate());
                if (!e.ByPrimeMinister) ProvinceDecisions[e.DossierId] = e;
                break;
            case DossierSupplementRequested e: Supplements[e.DossierId] = e; break;
            case IntakeApologyIssued or SecurityApologyIssued or AppraisalApologyIssued: Apologies.Add((Aid.Contracts.IIntegrationEvent)fact.Data); break;
            case ServiceRated e: Ratings[e.DossierId] = e; break;
            case MobilisationPlanAdopted e: Plans.Add(e); break;
            case CatalogueEntryPublished e: Catalogue[e.EntryId] = e; break;
            case CatalogueEntryFunded e when !Funding.TryGetValue(e.EntryId, out var f) || f.Metadata.OccurredAt <= e.Metadata.OccurredAt:
                Funding[e.EntryId] = e; break;
            case ProjectMonitoringStarted e: Projects[fact.StreamId] = new(e, [], [], [], null, false); break;
            case AidTrancheReceived e: Project(fact)?.Tranches.Add(e); break;
            case InspectionRecorded e: Project(fact)?.Inspections.Add(e); break;
            case ProgressReportReceived e: Project(fact)?.ReportsReceived.Add(e.ReportKey); break;
            case ImplementationStarted e when Project(fact) is { } p: Projects[fact.StreamId] = p with { ImplementationStartedOn = e.StartedOn }; break;
            case PlanTaskCreated e: Tasks[fact.StreamId] = PlanTask.Create(e); break;
            case PlanTaskProgressReported e when Tasks.TryGetValue(fact.StreamId, out var t): Tasks[fact.StreamId] = t.Apply(e); break;
            case PlanTaskContributionWritten e when Tasks.TryGetValue(fact.StreamId, out var t): Tasks[fact.StreamId] = t.Apply(e); break;
            case ProjectClosed when Project(fact) is { } p: Projects[fact.StreamId] = p with { Closed = true }; break;
        }
    }

    private ProjectFacts? Project(ReportFact fact) => Projects.GetValueOrDefault(fact.StreamId);

    /// <summary>The NGO's registry entry as it stood on a day: the last change on or before it, by when it happened
    /// (messages may be consumed out of order), then by store order.</summary>
    public NgoRegistryChanged? NgoOn(Guid ngoId, DateOnly day) =>
        RegistryChanges.Where(c => c.Entry.NgoId == ngoId && c.On <= day)
            .OrderBy(c => c.Entry.Metadata.OccurredAt).LastOrDefault().Entry;

    public NgoRegistryChanged? LatestNgo(Guid ngoId) => NgoOn(ngoId, DateOnly.MaxValue);

    /// <summary>The year's mobilisation plan as last adopted (by when it was adopted, then store order).</summary>
    public MobilisationPlanAdopted? PlanFor(int year) =>
        Plans.Where(p => p.Year == year).OrderBy(p => p.Metadata.OccurredAt).LastOrDefault();
}
