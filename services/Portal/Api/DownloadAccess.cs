using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Portal.Api;

/// <summary>Who may download files the portal fetches from the services (which check the caller again).</summary>
public static class DownloadAccess
{
    public const string ProvinceReports = "portal-province-reports";
    public const string AuditExport = "portal-audit-export";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(ProvinceReports, PortalRoles.ReportReaderList)
        .Allow(AuditExport, [.. Roles.Auditors]);
}
