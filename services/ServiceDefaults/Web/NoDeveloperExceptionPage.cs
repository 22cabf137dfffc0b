using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Aid.ServiceDefaults.Web;

/// <summary>
/// ASP.NET adds its developer exception page (stack trace, headers, cookies) by itself in the Development environment.
/// The exception handlers of the services and the portal answer every failure first; should one ever pass them, this
/// filter answers in place of the developer page with the trace id only, and the details go to the log.
/// </summary>
internal sealed class NoDeveloperExceptionPage(ILogger<NoDeveloperExceptionPage> logger) : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        var http = errorContext.HttpContext;
        var trace = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        logger.LogError(errorContext.Exception, "Unhandled failure on {Path} (trace {Trace})", http.Request.Path, trace);
        if (http.Response.HasStarted)
            return;
        http.Response.StatusCode = 500;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"Lỗi hệ thống. / Internal error.\nMã truy vết / Trace id: {trace}\n");
    }
}
