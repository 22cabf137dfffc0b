using Aid.Registration.Catalogue;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.MobilisationTests;

public sealed class CatalogueDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Actor Commune = new("commune.proposer", "Minh", Roles.LocalProposer, "UBNDX", null);

    public static EntryContent Content(decimal cost = 4_000_000_000m, decimal counterpart = 1_000_000_000m) => new(
        "Trạm y tế", "Health station", null, null, "Health", "Xã Phú Lộc", "12.000 người", cost, counterpart,
        EntryPriority.High, "UBND xã Phú Lộc", new EntryContact("Minh", null, null));

    public static CatalogueEntry Proposed(EntryContent? content = null) =>
        CatalogueEntry.Create(Assert.IsType<CatalogueEntryProposed>(Assert.Single(
            ProposeEntry.Decide(new ProposeEntry(Guid.NewGuid(), content ?? Content(), "UBNDX", Now)))));

    public static CatalogueEntry Published(EntryContent? content = null)
    {
        var entry = Proposed(content);
        return entry.Apply(Assert.IsType<CatalogueEntryPublished>(Assert.Single(PublishEntry.Decide(new PublishEntry(Today, Now), entry))));
    }

    [Fact]
    public void Publishing_makes_the_entry_public_for_one_year_with_a_code()
    {
        var entry = Published();
        Assert.Equal(new DateOnly(2027, 11, 22), entry.ValidUntil);
        Assert.Matches("^DM-2026-[0-9A-F]{6}$", entry.Code);
        Assert.True(entry.IsPublicOn(new DateOnly(2027, 11, 22)));
        Assert.False(entry.IsPublicOn(new DateOnly(2027, 11, 23)));
        Assert.False(Proposed().IsPublicOn(Today));
    }

    [Fact]
    public void A_returned_entry_is_neither_published_nor_returned_again_until_resubmitted()
    {
        var entry = Proposed();
        entry = entry.Apply(Assert.IsType<CatalogueEntryReturned>(Assert.Single(ReturnEntry.Decide(new ReturnEntry("Thiếu dự toán", Now), entry))));
        Assert.Equal("wrong-entry-status", Assert.Throws<RuleViolation>(() => PublishEntry.Decide(new PublishEntry(Today, Now), entry)).Code);
        Assert.Throws<RuleViolation>(() => ReturnEntry.Decide(new ReturnEntry("Lần nữa", Now), entry));

        var revised = Content(counterpart: 2_000_000_000m);
        entry = entry.Apply(Assert.IsType<CatalogueEntryResubmitted>(Assert.Single(ResubmitEntry.Decide(new ResubmitEntry(revised, Commune, Now), entry))));
        Assert.Equal(EntryStatus.Proposed, entry.Status);
        Assert.Equal(2_000_000_000m, entry.Content.CounterpartFundsVnd);
        Assert.Single(entry.Returns);
    }

    [Fact]
    public void Another_agency_cannot_resubmit_the_proposal()
    {
        var entry = Proposed();
        entry = entry.Apply(new CatalogueEntryReturned(entry.Id, "Sửa", Now));
        var health = Commune with { Agency = "SYT" };
        Assert.True(Assert.Throws<NotFound>(() => ResubmitEntry.Decide(new ResubmitEntry(Content(), health, Now), entry)).Hidden);
    }

    [Fact]
    public void Funding_is_partial_until_approved_aid_covers_the_cost_less_counterpart_funds()
    {
        var entry = Published(Content(cost: 4_000_000_000m, counterpart: 1_000_000_000m));
        var first = Assert.IsType<CatalogueEntryFunded>(Assert.Single(EntryFundingRules.Decide(
            new FundFromApproval(Guid.NewGuid(), 2_000_000_000m, Today, Now), entry)));
        Assert.False(first.Fully);
        entry = entry.Apply(first);
        Assert.Equal(EntryFunding.Partly, entry.Funding);

        var second = Assert.IsType<CatalogueEntryFunded>(Assert.Single(EntryFundingRules.Decide(
            new FundFromApproval(Guid.NewGuid(), 1_000_000_000m, Today, Now), entry)));
        Assert.True(second.Fully);
        Assert.Equal(3_000_000_000m, second.FundedVnd);
        entry = entry.Apply(second);
        Assert.Equal(EntryFunding.Fully, entry.Funding);

        // The same approval again (a redelivery) counts once.
        Assert.Empty(EntryFundingRules.Decide(new FundFromApproval(second.DossierId, 1_000_000_000m, Today, Now), entry));
    }

    [Fact]
    public void A_received_tranche_counts_once()
    {
        var entry = Published();
        var tranche = new RecordReceivedAid(Guid.NewGuid(), Guid.NewGuid(), 500_000_000m, Today, Now);
        entry = entry.Apply(Assert.IsType<AidReceivedForEntry>(Assert.Single(EntryFundingRules.Decide(tranche, entry))));
        Assert.Empty(EntryFundingRules.Decide(tranche, entry));
    }

    [Fact]
    public void Interest_is_expressed_once_and_only_in_a_public_entry()
    {
        var ngo = Guid.NewGuid();
        var interest = new ExpressInterest(ngo, "Relief Works", null, Today, Now);
        Assert.Throws<NotFound>(() => ExpressInterest.Decide(interest, Proposed()));
        var entry = Published();
        entry = entry.Apply(Assert.IsType<InterestExpressed>(Assert.Single(ExpressInterest.Decide(interest, entry))));
        Assert.Equal("interest-already-expressed", Assert.Throws<RuleViolation>(() => ExpressInterest.Decide(interest, entry)).Code);
        Assert.Throws<NotFound>(() => ExpressInterest.Decide(interest with { NgoId = Guid.NewGuid(), Today = Today.AddYears(2) }, entry));
    }
}

public sealed class PlaceSearchTests
{
    [Theory]
    [InlineData("Phường Tân Phong", "tân phong", true)]
    [InlineData("Phường Tân Phong", "TAN  PHONG", true)]
    [InlineData("Xã Đắk Lua", "dak lua", true)]
    [InlineData("Xã Phú Lộc", "Phú Lợi", false)]
    [InlineData("Xã Phú Lộc", "", true)]
    public void A_place_is_found_by_part_of_its_name_with_or_without_diacritics(string place, string query, bool found) =>
        Xunit.Assert.Equal(found, Aid.Registration.Catalogue.PlaceSearch.Matches(place, query));
}
