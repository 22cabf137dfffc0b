using Aid.Registration.Donors;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.MobilisationTests;

public sealed class DonorDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private static DonorDetails Details(string? phone = null) =>
        new(DonorKind.FriendshipAssociation, "Hội hữu nghị Việt - Đức", "Germany", null, null, phone, ["Education"], null);

    [Fact]
    public void A_donor_contact_is_updated_only_when_something_changed()
    {
        var id = Guid.NewGuid();
        var donor = Donor.Create(Assert.IsType<DonorContactRecorded>(Assert.Single(RecordDonor.Decide(new RecordDonor(id, Details(), Now)))));
        Assert.Equal("donor-unchanged", Assert.Throws<RuleViolation>(() => UpdateDonor.Decide(new UpdateDonor(Details(), Now), donor)).Code);
        var updated = Assert.IsType<DonorContactUpdated>(Assert.Single(UpdateDonor.Decide(new UpdateDonor(Details("+49 30 1"), Now), donor)));
        Assert.Equal("+49 30 1", donor.Apply(updated).Details.Phone);
    }

    [Fact]
    public void A_dialogue_needs_someone_who_took_part_and_each_follow_up_is_done_once()
    {
        var empty = new DialogueRecorded(Guid.NewGuid(), new DateOnly(2026, 11, 20), "Họp", [], [], [], ["Danh mục"], [], null, Now);
        Assert.Equal(422, Assert.Throws<RuleViolation>(() => RecordDialogue.Decide(new RecordDialogue(empty))).Status);

        var recorded = empty with { Participants = ["Sở Y tế"], FollowUps = [new FollowUp("Gửi danh mục", "SNV", null)] };
        var dialogue = Dialogue.Create(Assert.IsType<DialogueRecorded>(Assert.Single(RecordDialogue.Decide(new RecordDialogue(recorded)))));
        dialogue = dialogue.Apply(Assert.IsType<FollowUpCompleted>(Assert.Single(CompleteFollowUp.Decide(new CompleteFollowUp(0, "Đã gửi", Now), dialogue))));
        Assert.True(dialogue.FollowUps[0].Done);
        Assert.Throws<RuleViolation>(() => CompleteFollowUp.Decide(new CompleteFollowUp(0, null, Now), dialogue));
        Assert.Throws<NotFound>(() => CompleteFollowUp.Decide(new CompleteFollowUp(1, null, Now), dialogue));
    }
}
