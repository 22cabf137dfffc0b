using Aid.Domain.Rules;
using System.Text.Json;
using Aid.ServiceDefaults.Refusals;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Aid.ServiceDefaults.Problems;

/// <summary>
/// Turns every failure into RFC 9457 problem details in Vietnamese and English (title/detail in the language of
/// Accept-Language, Vietnamese by default; both under "vi" and "en"). Unexpected faults answer a bare 500 that
/// names only the trace id.
/// </summary>
internal sealed class ProblemMapping(
    RefusalRecorder refusals, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, title, detail, errors) = Describe(exception);
        if (exception is NotFound { Hidden: true })
            refusals.Record(context, RefusalKind.Hidden);
        else if (status == 403)
            refusals.Record(context, RefusalKind.Forbidden);
        if (status >= 500)
            logger.LogError(exception, "Unhandled failure on {Path}", context.Request.Path);
        else
            logger.LogInformation("Refused {Method} {Path} by {User}: {Code} {Detail} ({Reason})", context.Request.Method,
                context.Request.Path, context.User.Identity?.Name ?? "anonymous", code, detail.En, exception.Message);

        var english = context.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var problem = new ProblemDetails
        {
            Status = status,
            Type = $"https://aid.gov.vn/problems/{code}",
            Title = english ? title.En : title.Vi,
            Detail = english ? detail.En : detail.Vi,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.TraceIdentifier;
        problem.Extensions["vi"] = new { title = title.Vi, detail = detail.Vi };
        problem.Extensions["en"] = new { title = title.En, detail = detail.En };
        if (errors is not null)
            problem.Extensions["errors"] = errors;
        foreach (var (name, value) in (exception as RuleViolation)?.Details ?? new Dictionary<string, object>())
            problem.Extensions[name] = value;

        context.Response.StatusCode = status;
        // Written whatever the request's Accept header says: a browser's text/html made the problem details writer
        // decline, and the exception went on to a page naming the service's types.
        await Results.Problem(problem).ExecuteAsync(context);
        return true;
    }

    private static (int, string, Bilingual, Bilingual, object?) Describe(Exception exception) => exception switch
    {
        RuleViolation r => (r.Status, r.Code,
            new Bilingual("Yêu cầu bị từ chối", "Request refused"), r.Text, null),
        InputRejected i => (400, "invalid-input",
            new Bilingual("Dữ liệu không hợp lệ", "Invalid input"),
            new Bilingual("Một số trường không hợp lệ: " + string.Join(", ", i.Errors.Keys),
                "Some fields are invalid: " + string.Join(", ", i.Errors.Keys)),
            i.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => new { vi = m.Vi, en = m.En }).ToArray())),
        // What was looked for goes to the log only: it is a type's name ("MonitoredProject"), not words for a reader.
        NotFound => (404, "not-found",
            new Bilingual("Không tìm thấy", "Not found"),
            new Bilingual("Không có bản ghi này, hoặc bạn không được xem nó.", "There is no such record, or you may not see it."), null),
        Exception e when IsConcurrencyConflict(e) => (409, "concurrent-change",
            new Bilingual("Hồ sơ vừa được người khác cập nhật", "Someone else changed this first"),
            new Bilingual("Người khác đã thao tác trên hồ sơ này trước bạn. Hãy tải lại để xem trạng thái mới.",
                "Someone else acted on this record first. Reload to see its new state."), null),
        BadHttpRequestException { StatusCode: 413 } => (413, "too-large",
            new Bilingual("Dữ liệu quá lớn", "Payload too large"),
            new Bilingual("Nội dung gửi lên vượt quá giới hạn cho phép.", "The request body exceeds the configured limit."), null),
        BadHttpRequestException { StatusCode: 415 } => (415, "unsupported-media-type",
            new Bilingual("Định dạng không được hỗ trợ", "Unsupported media type"),
            new Bilingual("Hãy gửi dữ liệu dạng application/json.", "Send application/json."), null),
        BadHttpRequestException or JsonException => (400, "malformed-request",
            new Bilingual("Yêu cầu không đúng định dạng", "Malformed request"),
            new Bilingual("Không đọc được nội dung yêu cầu: cần một đối tượng JSON hợp lệ.",
                "The request body could not be read: send one valid JSON object."), null),
        _ => (500, "internal-error",
            new Bilingual("Lỗi hệ thống", "Internal error"),
            new Bilingual("Đã xảy ra lỗi ngoài dự kiến; không có dữ liệu nào bị ghi dở.",
                "An unexpected error occurred; nothing was partly written."), null),
    };

    /// <summary>Optimistic concurrency lost: another command appended to the stream (or created it) first.</summary>
    public static bool IsConcurrencyConflict(Exception e) => e is JasperFx.ConcurrencyException
        or Marten.Exceptions.ConcurrentUpdateException or Marten.Exceptions.ExistingStreamIdCollisionException
        or JasperFx.Events.ExistingStreamIdCollisionException or JasperFx.DocumentAlreadyExistsException;
}
