using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record ExtendCertificateRequest(DateOnly? NewExpiryDate, string? NewNumber);

public sealed record ExtendCertificate(DateOnly NewExpiryDate, string? NewNumber, DateTimeOffset Now);

public static class ExtendCertificateCommand
{
    public static IReadOnlyList<object> Decide(ExtendCertificate command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        if (command.NewExpiryDate <= ngo.Certificate.ExpiryDate)
            throw new RuleViolation("extension-not-later", new Bilingual(
                $"Ngày hết hạn mới phải sau ngày hết hạn hiện tại ({ngo.Certificate.ExpiryDate:yyyy-MM-dd}).",
                $"The new expiry date must be after the current one ({ngo.Certificate.ExpiryDate:yyyy-MM-dd})."));
        var changed = new NgoCertificateExtended(ngo.Id, ngo.Certificate.ExpiryDate, command.NewExpiryDate, command.NewNumber, command.Now)
        {
            AnsweredRequestId = ngo.OpenExtensionRequest()?.Id,
        };
        return [changed with { Entry = RegistryEntry.Of(ngo.Apply(changed)) }];
    }

    public static async Task<IResult> Handle(
        Guid id, ExtendCertificateRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var check = new InputCheck();
        var expiry = check.Date("newExpiryDate", request?.NewExpiryDate) ?? default;
        var number = check.Line("newNumber", request?.NewNumber, 100, required: false);
        check.ThrowIfInvalid();
        var command = new ExtendCertificate(expiry, InputCheck.Optional(number), time.GetUtcNow());
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<Ngo>(id, http.Request.ExpectedVersion(), ngo => Decide(command, ngo), ct);
        return NgoRules.Changed(http, id, decided.Version);
    }
}
