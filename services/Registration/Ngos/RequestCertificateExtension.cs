using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record RequestCertificateExtensionRequest(DateOnly? RequestedExpiryDate, string? Reason);

public sealed record RequestCertificateExtension(
    Guid RequestId, DateOnly RequestedExpiryDate, string Reason, DateOnly Today, DateTimeOffset Now)
{
    /// <summary>A certificate runs five years at most (Decree 58/2022); an extension asks for no more.</summary>
    public const int MaxYears = 5;

    public static RequestCertificateExtension From(RequestCertificateExtensionRequest? request, TimeProvider clock)
    {
        var check = new InputCheck();
        var date = check.Date("requestedExpiryDate", request?.RequestedExpiryDate) ?? default;
        var reason = check.Paragraphs("reason", request?.Reason, max: 2000);
        check.ThrowIfInvalid();
        var now = clock.GetUtcNow();
        return new RequestCertificateExtension(Guid.CreateVersion7(), date, reason, now.VietnamDate(), now);
    }

    /// <summary>One open request at a time; the date is checked against the certificate as it stands (400 naming the field).</summary>
    public static IReadOnlyList<object> Decide(RequestCertificateExtension command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        if (ngo.OpenExtensionRequest() is { } open)
            throw new RuleViolation("extension-already-requested", new Bilingual(
                $"Tổ chức đã đề nghị gia hạn đến {open.RequestedExpiryDate:yyyy-MM-dd}; Sở Ngoại vụ chưa trả lời.",
                $"The NGO already asked for an extension to {open.RequestedExpiryDate:yyyy-MM-dd}; the Department of Foreign Affairs has not answered yet."));
        var current = ngo.Certificate.ExpiryDate;
        var latest = (current > command.Today ? current : command.Today).AddYears(MaxYears);
        InputCheck.Validated(check => check
            .Rule(command.RequestedExpiryDate > current, "requestedExpiryDate",
                $"Ngày đề nghị gia hạn phải sau ngày hết hạn hiện tại ({current:yyyy-MM-dd}).",
                $"The requested date must be after the current expiry date ({current:yyyy-MM-dd}).")
            .Rule(command.RequestedExpiryDate <= latest, "requestedExpiryDate",
                $"Mỗi lần gia hạn tối đa {MaxYears} năm (đến {latest:yyyy-MM-dd}).",
                $"An extension runs {MaxYears} years at most (to {latest:yyyy-MM-dd})."));
        return [new CertificateExtensionRequested(ngo.Id, command.RequestId, current, command.RequestedExpiryDate, command.Reason, command.Now)];
    }
}

public static class RequestCertificateExtensionEndpoint
{
    public static async Task<Versioned<NgoChanged>> Handle(
        Guid id, RequestCertificateExtensionRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = RequestCertificateExtension.From(request, time);
        var actor = Actor.From(http.User);
        return await session.RunAsync<Ngo, NgoChanged>(http, id, ngo => RequestCertificateExtension.Decide(command, ngo),
            d => new NgoChanged(id, d.Version), ngo => actor.EnsureMaySee(ngo.Id, "NGO"), "NGO");
    }
}
