using Aid.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Aid.Registration;

/// <summary>Every refused attempt (401/403) is logged with the actor, like the refusals ProblemMapping logs.</summary>
public sealed class RefusalLog(ILogger<RefusalLog> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Forbidden || result.Challenged)
        {
            var actor = Actor.From(context.User);
            logger.LogWarning("Refused {Method} {Path}: {Outcome} for {User} (role {Role}, agency {Agency}, NGO {Ngo})",
                context.Request.Method, context.Request.Path, result.Forbidden ? "forbidden" : "unauthenticated",
                actor.UserId, actor.Role, actor.Agency, actor.NgoId);
        }
        return inner.HandleAsync(next, context, policy, result);
    }
}
