using Aid.ServiceDefaults.Commands;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record DeclineCertificateExtension(string Reason, DateTimeOffset Now)
{
    public static DeclineCertificateExtension From(ReasonRequest? request, TimeProvider clock) =>
        new(NgoRules.Reason(request?.Reason), clock.GetUtcNow());

    public static IReadOnlyList<object> Decide(DeclineCertificateExtension command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        var open = ngo.OpenExtensionRequest() ?? throw new RuleViolation("no-open-extension-request", new Bilingual(
            "Tổ chức không có đề nghị gia hạn nào đang chờ trả lời.", "The NGO has no extension request awaiting an answer."));
        return [new CertificateExtensionDeclined(ngo.Id, open.Id, command.Reason, command.Now)];
    }
}

public static class DeclineCertificateExtensionEndpoint
{
    public static async Task<Versioned<NgoChanged>> Handle(
        Guid id, ReasonRequest request, HttpContext http, IDocumentSession session, TimeProvider time)
    {
        var command = DeclineCertificateExtension.From(request, time);
        return await session.RunAsync<Ngo, NgoChanged>(http, id, ngo => DeclineCertificateExtension.Decide(command, ngo),
            d => new NgoChanged(id, d.Version));
    }
}
