using Aid.Registration.Ngos;
using Aid.Registration.PersonalData;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.RegistrationTests;

public sealed class PersonalDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void An_erasure_is_recorded_once_for_a_person_whose_key_exists()
    {
        var person = Guid.NewGuid();
        var erased = Assert.IsType<PersonalDataErased>(Assert.Single(ErasePerson.Decide(new ErasePerson(person, "Rời tổ chức.", Now), hasKey: true, erased: false)));
        Assert.Equal((person, "Rời tổ chức.", Now), (erased.PersonId, erased.Reason, erased.ErasedAt));
        Assert.Equal("already-erased", Assert.Throws<RuleViolation>(() => ErasePerson.Decide(new ErasePerson(person, "x", Now), hasKey: false, erased: true)).Code);
        Assert.Throws<NotFound>(() => ErasePerson.Decide(new ErasePerson(person, "x", Now), hasKey: false, erased: false));
    }

    [Theory]
    [InlineData("Anna Schmidt", "anna schmidt", true)]
    [InlineData("Anna Schmidt", "  Anna   Schmidt ", true)]
    [InlineData("Anna Schmidt", "Anne Schmidt", false)]
    public void The_same_name_is_the_same_person(string a, string b, bool same) =>
        Assert.Equal(same, new ContactPerson(a, null, null).IsSamePersonAs(new ContactPerson(b, "x@y.z", null)));

    [Fact]
    public void A_replaced_contact_person_is_kept_as_a_former_contact_once()
    {
        SealedPersonalData anna = new(Guid.NewGuid(), "a"), hoa = new(Guid.NewGuid(), "h"), annaAgain = anna with { Cipher = "a2" };
        var ngo = NgoDecisionTests.Registered() with { Profile = NgoDecisionTests.Profile with { Contact = anna } };
        var amended = ngo.Apply(new NgoAmended(ngo.Id, ngo.Profile with { Contact = annaAgain }, Now));
        Assert.Empty(amended.FormerContacts);
        var replaced = amended.Apply(new NgoAmended(ngo.Id, ngo.Profile with { Contact = hoa }, Now));
        Assert.Equal([annaAgain], replaced.FormerContacts);
        var back = replaced.Apply(new NgoAmended(ngo.Id, ngo.Profile with { Contact = anna }, Now));
        Assert.Equal([hoa], back.FormerContacts);
    }
}
