using Aid.ServiceDefaults.Identity;
using Aid.Domain.Province;
using Microsoft.AspNetCore.Authorization;

namespace Aid.Notifications.Mail;

/// <summary>Administrators (the operators) read the outbox.</summary>
public static class OutboxAccess
{
    public const string Read = "notification-operators";

    public static void AddPolicies(AuthorizationOptions options) => options
        .Allow(Read, Roles.Administrator);
}
