using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Aid.ServiceDefaults.Refusals;

/// <summary>Records every request the authorization middleware refuses (401 or 403) before answering it as usual.</summary>
internal sealed class RefusalAuthorizationHandler(RefusalRecorder recorder) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler inner = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
            recorder.Record(context, RefusalKind.Unauthenticated);
        else if (result.Forbidden)
            recorder.Record(context, context.User.Identity?.IsAuthenticated == true ? RefusalKind.Forbidden : RefusalKind.Unauthenticated);
        return inner.HandleAsync(next, context, policy, result);
    }
}
