using Aid.ServiceDefaults;
using Marten;

namespace Aid.Appraisal.Appraisals;

internal static class SystemActor
{
    /// <summary>Events appended by the service itself (consumers, the overdue scan) on behalf of Sở Tài chính.</summary>
    public static IDocumentSession AsSystem(this IDocumentSession session, string agency = AppraisalService.Agency)
    {
        session.LastModifiedBy = "system";
        session.SetHeader(EventHeaders.Agency, agency);
        session.SetHeader(EventHeaders.Role, "system");
        return session;
    }
}
