using Aid.Registration.PersonalData;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record CertificateInput(CertificateKind? Kind, string? Number, DateOnly? IssueDate, DateOnly? ExpiryDate);

/// <summary>An optional client-chosen <paramref name="Id"/> makes a repeated registration a 409, not a duplicate.</summary>
public sealed record RegisterNgoRequest(Guid? Id, NgoProfileInput? Profile, CertificateInput? Certificate);

public sealed record RegisterNgo(Guid NgoId, NgoProfile Profile, Certificate Certificate, DateTimeOffset Now)
{
    /// <summary>Checks the request, then seals the contact person with a new person's key.</summary>
    public static async Task<RegisterNgo> FromAsync(RegisterNgoRequest? request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var check = new InputCheck();
        var profile = check.Profile(request?.Profile, "profile.");
        var certificate = check.Certificate(request?.Certificate);
        if (request?.Id == Guid.Empty)
            check.Fail("id", "Mã định danh không hợp lệ.", "Invalid id.");
        check.ThrowIfInvalid();
        var contact = await session.SealAsync(Guid.CreateVersion7(), profile.Contact, clock, ct);
        return new RegisterNgo(request!.Id ?? Guid.CreateVersion7(), profile.Sealed(contact), certificate, clock.GetUtcNow());
    }

    public static IReadOnlyList<object> Decide(RegisterNgo command)
    {
        if (command.Certificate.Kind == CertificateKind.ProjectOffice)
            throw new RuleViolation("certificate-kind-abolished", new Bilingual(
                "Loại giấy đăng ký lập Văn phòng dự án đã bị bãi bỏ; không thể đăng ký mới.",
                "The project-office certificate kind was abolished; it cannot be used for a new registration."), 422);
        return [new NgoRegistered(command.NgoId, command.Profile, command.Certificate, command.Now)];
    }
}

public static class RegisterNgoEndpoint
{
    public static async Task<Versioned<NgoChanged>> Handle(
        RegisterNgoRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = await RegisterNgo.FromAsync(request, session, time, ct);
        return await session.StartAsync<Ngo, NgoChanged>(http, command.NgoId, RegisterNgo.Decide(command),
            $"/ngos/{command.NgoId}", version => new NgoChanged(command.NgoId, version));
    }
}
