using Aid.Registration.Ngos;
using Aid.Registration.PersonalData;
using Aid.Domain.Rules;
using Xunit;

namespace Aid.UnitTests.RegistrationTests;

public sealed class NgoDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly Guid AnnaId = Guid.NewGuid();

    public static NgoProfile Profile => new("Hilfswerk", "Relief Works", "RW", "Germany", "Berlin",
        new SealedPersonalData(AnnaId, "sealed-anna"), ["Health"], ["DNA"]);

    public static Ngo Registered(CertificateKind kind = CertificateKind.OperationRegistration, DateOnly? expiry = null) =>
        Ngo.Create(new NgoRegistered(Guid.NewGuid(), Profile,
            new Certificate(kind, "1/BNG", new DateOnly(2024, 1, 1), expiry ?? new DateOnly(2029, 1, 1)), Now));

    [Fact]
    public void Registering_records_the_NGO_with_its_certificate()
    {
        var id = Guid.NewGuid();
        var certificate = new Certificate(CertificateKind.RepresentativeOffice, "2/BNG", new DateOnly(2024, 1, 1), new DateOnly(2029, 1, 1));
        var registered = Assert.IsType<NgoRegistered>(Assert.Single(RegisterNgo.Decide(new RegisterNgo(id, Profile, certificate, Now))));
        Assert.Equal(id, registered.NgoId);
        Assert.Equal(certificate, registered.Certificate);
    }

    [Fact]
    public void The_abolished_project_office_kind_is_refused_for_new_registrations_but_readable_in_history()
    {
        var refused = Assert.Throws<RuleViolation>(() => RegisterNgo.Decide(new RegisterNgo(Guid.NewGuid(), Profile,
            new Certificate(CertificateKind.ProjectOffice, "3/BNG", new DateOnly(2015, 1, 1), new DateOnly(2030, 1, 1)), Now)));
        Assert.Equal(422, refused.Status);
        Assert.Equal(CertificateKind.ProjectOffice, Registered(CertificateKind.ProjectOffice).Certificate.Kind);
    }

    [Fact]
    public void An_extension_must_move_the_expiry_date_later()
    {
        var ngo = Registered();
        Assert.Throws<RuleViolation>(() => ExtendCertificate.Decide(new ExtendCertificate(new DateOnly(2029, 1, 1), null, Now), ngo));
        var extended = Assert.IsType<NgoCertificateExtended>(Assert.Single(
            ExtendCertificate.Decide(new ExtendCertificate(new DateOnly(2031, 1, 1), "9/BNG", Now), ngo)));
        var after = ngo.Apply(extended);
        Assert.Equal(new DateOnly(2031, 1, 1), after.Certificate.ExpiryDate);
        Assert.Equal("9/BNG", after.Certificate.Number);
    }

    [Fact]
    public void Suspending_twice_is_refused_and_revocation_is_final()
    {
        var ngo = Registered();
        var suspended = ngo.Apply((NgoSuspended)SuspendNgo.Decide(new SuspendNgo("audit", Now), ngo)[0]);
        Assert.Equal(NgoStanding.Suspended, suspended.Standing);
        Assert.Equal("ngo-already-suspended", Assert.Throws<RuleViolation>(() => SuspendNgo.Decide(new SuspendNgo("again", Now), suspended)).Code);

        var revoked = suspended.Apply((NgoRevoked)RevokeNgo.Decide(new RevokeNgo("violations", Now), suspended)[0]);
        Assert.Equal(NgoStanding.Revoked, revoked.Standing);
        Assert.Throws<RuleViolation>(() => RevokeNgo.Decide(new RevokeNgo("again", Now), revoked));
        Assert.Throws<RuleViolation>(() => AmendNgo.Decide(new AmendNgo(Profile with { Country = "Austria" }, Now), revoked));
        Assert.Throws<RuleViolation>(() => ExtendCertificate.Decide(new ExtendCertificate(new DateOnly(2040, 1, 1), null, Now), revoked));
    }

    [Fact]
    public void An_amendment_that_changes_nothing_is_refused()
    {
        var ngo = Registered();
        Assert.Equal("nothing-to-amend", Assert.Throws<RuleViolation>(() =>
            AmendNgo.Decide(new AmendNgo(Profile with { Fields = ["Health"] }, Now), ngo)).Code);
        Assert.IsType<NgoAmended>(Assert.Single(AmendNgo.Decide(new AmendNgo(Profile with { Provinces = ["DNA", "HCM"] }, Now), ngo)));
    }
}
