using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record ExtendCertificateRequest(DateOnly? NewExpiryDate, string? NewNumber);

public sealed record ExtendCertificate(DateOnly NewExpiryDate, string? NewNumber, DateTimeOffset Now)
{
    public static ExtendCertificate From(ExtendCertificateRequest? request, TimeProvider clock)
    {
        var check = new InputCheck();
        var expiry = check.Date("newExpiryDate", request?.NewExpiryDate) ?? default;
        var number = check.Line("newNumber", request?.NewNumber, 100, required: false);
        check.ThrowIfInvalid();
        return new ExtendCertificate(expiry, InputCheck.Optional(number), clock.GetUtcNow());
    }

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
}

public static class ExtendCertificateEndpoint
{
    public static async Task<Versioned<NgoChanged>> Handle(
        Guid id, ExtendCertificateRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = ExtendCertificate.From(request, time);
        return await session.RunAsync<Ngo, NgoChanged>(http, id, ngo => ExtendCertificate.Decide(command, ngo), d => new NgoChanged(id, d.Version));
    }
}
