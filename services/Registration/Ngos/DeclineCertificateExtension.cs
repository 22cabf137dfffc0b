using Aid.ServiceDefaults.Commands;
using Aid.ServiceDefaults.Identity;
using Aid.ServiceDefaults.Problems;
using Marten;

namespace Aid.Registration.Ngos;

public sealed record DeclineCertificateExtension(string Reason, DateTimeOffset Now);

public static class DeclineCertificateExtensionCommand
{
    public static IReadOnlyList<object> Decide(DeclineCertificateExtension command, Ngo ngo)
    {
        NgoRules.EnsureNotRevoked(ngo);
        var open = ngo.OpenExtensionRequest() ?? throw new RuleViolation("no-open-extension-request", new Bilingual(
            "Tổ chức không có đề nghị gia hạn nào đang chờ trả lời.", "The NGO has no extension request awaiting an answer."));
        return [new CertificateExtensionDeclined(ngo.Id, open.Id, command.Reason, command.Now)];
    }

    public static async Task<IResult> Handle(
        Guid id, ReasonRequest request, HttpContext http, IDocumentSession session, TimeProvider time, CancellationToken ct)
    {
        var command = new DeclineCertificateExtension(NgoRules.Reason(request?.Reason), time.GetUtcNow());
        session.ActingAs(Actor.From(http.User), http);
        var decided = await session.DecideAsync<Ngo>(id, http.Request.ExpectedVersion(), ngo => Decide(command, ngo), ct);
        return NgoRules.Changed(http, id, decided.Version);
    }
}
