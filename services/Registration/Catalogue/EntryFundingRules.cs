namespace Aid.Registration.Catalogue;

public sealed record FundFromApproval(Guid DossierId, decimal ApprovedVnd, DateOnly DecidedOn, DateTimeOffset Now);

public sealed record RecordReceivedAid(Guid DossierId, Guid TrancheId, decimal AmountVnd, DateOnly ReceivedOn, DateTimeOffset Now);

/// <summary>What approvals and received aid do to the entries that dossiers cite.</summary>
public static class EntryFundingRules
{
    /// <summary>
    /// Each approved dossier counts once. Fully funded when all approved aid covers the aid needed (estimated cost
    /// less counterpart funds); partly otherwise.
    /// </summary>
    public static IReadOnlyList<object> Decide(FundFromApproval command, CatalogueEntry entry)
    {
        if (entry.Fundings.Any(f => f.DossierId == command.DossierId))
            return [];
        var funded = entry.FundedVnd + command.ApprovedVnd;
        return [new CatalogueEntryFunded(entry.Id, command.DossierId, command.ApprovedVnd, command.DecidedOn, funded,
            Fully: funded >= entry.Content.AidNeededVnd, command.Now)];
    }

    /// <summary>Each tranche counts once (Monitoring may re-publish it).</summary>
    public static IReadOnlyList<object> Decide(RecordReceivedAid command, CatalogueEntry entry) =>
        entry.Tranches.Any(t => t.TrancheId == command.TrancheId)
            ? []
            : [new AidReceivedForEntry(entry.Id, command.DossierId, command.TrancheId, command.AmountVnd, command.ReceivedOn, command.Now)];
}
