using Aid.Registration.PersonalData;
using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record CertificateInput(CertificateKind? Kind, string? Number, DateOnly? IssueDate, DateOnly? ExpiryDate);

/// <summary>An optional client-chosen <paramref name="Id"/> makes a repeated registration a 409, not a duplicate.</summary>
public sealed record RegisterNgoRequest(Guid? Id, NgoProfileInput? Profile, CertificateInput? Certificate);

public sealed record RegisterNgo(Guid NgoId, NgoProfile Profile, Certificate Certificate, DateTimeOffset Now);

public static class RegisterNgoCommand
{
    public static IReadOnlyList<object> Decide(RegisterNgo command)
    {
        if (command.Certificate.Kind == CertificateKind.ProjectOffice)
            throw new RuleViolation("certificate-kind-abolished", new Bilingual(
                "Loại giấy đăng ký lập Văn phòng dự án đã bị bãi bỏ; không thể đăng ký mới.",
                "The project-office certificate kind was abolished; it cannot be used for a new registration."), 422);
        return [new NgoRegistered(command.NgoId, command.Profile, command.Certificate, command.Now)];
    }

    public static (Guid NgoId, ProfileDraft Profile, Certificate Certificate) Validate(RegisterNgoRequest? request)
    {
        var check = new InputCheck();
        var profile = check.Profile(request?.Profile, "profile.");
        var certificate = check.Certificate(request?.Certificate);
        if (request?.Id == Guid.Empty)
            check.Fail("id", "Mã định danh không hợp lệ.", "Invalid id.");
        check.ThrowIfInvalid();
        return (request!.Id ?? Guid.CreateVersion7(), profile, certificate);
    }

    public static Certificate Certificate(this InputCheck check, CertificateInput? input)
    {
        input ??= new CertificateInput(null, null, null, null);
        var kind = check.Required("certificate.kind", input.Kind);
        var issued = check.Date("certificate.issueDate", input.IssueDate) ?? default;
        var expires = check.Date("certificate.expiryDate", input.ExpiryDate) ?? default;
        if (input.IssueDate is not null && input.ExpiryDate is not null && expires <= issued)
            check.Fail("certificate.expiryDate", "Ngày hết hạn phải sau ngày cấp.", "The expiry date must be after the issue date.");
        return new Certificate(kind, check.Line("certificate.number", input.Number, 100), issued, expires);
    }

    public static async Task<IResult> Handle(
        RegisterNgoRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var (ngoId, draft, certificate) = Validate(request);
        var contact = await session.SealAsync(Guid.CreateVersion7(), draft.Contact, time, ct);
        var command = new RegisterNgo(ngoId, draft.Sealed(contact), certificate, time.GetUtcNow());
        var events = Decide(command);
        session.ActingAs(Actor.From(http.User), http);
        session.Events.StartStream<Ngo>(command.NgoId, events.ToArray());
        await session.SaveChangesAsync(ct);
        http.Response.Headers.ETag = $"\"{events.Count}\"";
        return Results.Created($"/ngos/{command.NgoId}", new NgoChanged(command.NgoId, events.Count));
    }
}
