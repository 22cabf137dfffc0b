using System.Text.RegularExpressions;
using Aid.Registration.Catalogue;
using Aid.Registration.Ngos;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;
using Microsoft.Extensions.Options;

namespace Aid.Registration.Dossiers;

public sealed record BudgetInput(decimal? Amount, string? Currency, decimal? ExchangeRate, decimal? CounterpartFundingVnd);

public sealed record DocumentInput(string? Kind, string? Name, long? SizeBytes, string? Sha256);

/// <summary>The donor NGO is the caller's own NGO. An optional client-chosen <paramref name="Id"/> makes a repeated
/// submission a 409 instead of a second dossier.</summary>
public sealed record SubmitDossierRequest(
    Guid? Id,
    AidKind? Kind,
    string? Title,
    string? AidOwner,
    string? ManagingAgency,
    IReadOnlyList<string?>? Fields,
    IReadOnlyList<string?>? Locations,
    BudgetInput? Budget,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string? Objectives,
    string? Beneficiaries,
    IReadOnlyList<DocumentInput?>? Documents,
    IReadOnlyList<SensitiveArea>? SensitiveAreas)
{
    /// <summary>The published catalogue entry the dossier answers, if any.</summary>
    public Guid? CatalogueEntryId { get; init; }
    /// <summary>The title in English (optional: the Vietnamese title is the legal one).</summary>
    public string? TitleEn { get; init; }
}

/// <summary>What intake issues for an accepted submission (computed outside the pure decision).</summary>
public sealed record Receipt(string Code, DateOnly IntakeDueDate, DateOnly AppointmentDate, string LookupSecretHash);

public sealed record DossierReceipt(
    Guid DossierId, string ReceiptCode, DateOnly ReceiptDate, DateOnly IntakeDueDate, DateOnly AppointmentDate,
    string LookupSecret, long Version);

/// <summary>The submission breaks intake rules: every reason, at once (422).</summary>
public sealed class IntakeRefused(IReadOnlyList<Bilingual> reasons) : RuleViolation("intake-refused", new Bilingual(
    "Hồ sơ không được tiếp nhận: " + string.Join("; ", reasons.Select(r => r.Vi)),
    "The dossier cannot be received: " + string.Join("; ", reasons.Select(r => r.En))), 422)
{
    public IReadOnlyList<Bilingual> Reasons { get; } = reasons;
}

public sealed partial record SubmitDossier(Guid DossierId, Guid NgoId, DossierContent Content, DateOnly Today, DateTimeOffset Now)
{
    public Guid? CatalogueEntryId { get; init; }

    public const long MaxDocumentBytes = 100L * 1024 * 1024;

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256();

    public static IReadOnlyList<Bilingual> Refusals(SubmitDossier command, Ngo? ngo, string provinceCode, CatalogueEntry? citedEntry = null)
    {
        var reasons = new List<Bilingual>();
        if (ngo is null)
            reasons.Add(new("Tổ chức chưa có trong danh bạ tổ chức phi chính phủ nước ngoài.", "The NGO is not in the registry."));
        else
        {
            if (ngo.Standing == NgoStanding.Suspended)
                reasons.Add(new("Tổ chức đang bị đình chỉ hoạt động.", "The NGO is suspended."));
            if (ngo.Standing == NgoStanding.Revoked)
                reasons.Add(new("Giấy đăng ký của tổ chức đã bị thu hồi.", "The NGO's registration was revoked."));
            if (ngo.Certificate.ExpiryDate < command.Today)
                reasons.Add(new($"Giấy đăng ký đã hết hạn ngày {ngo.Certificate.ExpiryDate:dd/MM/yyyy}.",
                    $"The certificate expired on {ngo.Certificate.ExpiryDate:yyyy-MM-dd}."));
            if (!ngo.MayWorkIn(provinceCode))
                reasons.Add(new($"Giấy đăng ký không cho phép hoạt động tại tỉnh ({provinceCode}).",
                    $"The certificate does not cover this province ({provinceCode})."));
        }
        if (command.CatalogueEntryId is not null && (citedEntry is null || !citedEntry.IsPublicOn(command.Today)))
            reasons.Add(new("Dự án trong danh mục kêu gọi viện trợ được dẫn chiếu không tồn tại, chưa được công bố hoặc đã hết hạn.",
                "The cited catalogue entry does not exist, is not published or has expired."));
        foreach (var missing in RequiredDocuments.MissingFrom(command.Content.Kind, command.Content.Documents))
            reasons.Add(new($"Thiếu tài liệu bắt buộc: {missing}.", $"Required document missing: {missing}."));
        return reasons;
    }

    public static IReadOnlyList<object> Decide(
        SubmitDossier command, Ngo? ngo, string provinceCode, Receipt receipt, CatalogueEntry? citedEntry = null)
    {
        if (Refusals(command, ngo, provinceCode, citedEntry) is { Count: > 0 } reasons)
            throw new IntakeRefused(reasons);
        return
        [
            new DossierSubmitted(command.DossierId, command.NgoId, ngo!.Profile.NameEnglish, command.Content, receipt.Code,
                command.Today, receipt.IntakeDueDate, receipt.AppointmentDate, receipt.LookupSecretHash, command.Now)
            {
                NgoCountry = ngo.Profile.Country,
                CatalogueEntryId = command.CatalogueEntryId,
            },
        ];
    }

    /// <summary>The donor NGO is the caller's own (404 for a caller of no NGO).</summary>
    public static SubmitDossier From(SubmitDossierRequest? request, Actor actor, TimeProvider clock)
    {
        var content = Validate(request);
        var ngoId = actor.NgoId ?? throw new NotFound("NGO");
        var now = clock.GetUtcNow();
        return new SubmitDossier(request!.Id ?? Guid.CreateVersion7(), ngoId, content, now.VietnamDate(), now)
        {
            CatalogueEntryId = request.CatalogueEntryId,
        };
    }

    private static DossierContent Validate(SubmitDossierRequest? request)
    {
        request ??= new SubmitDossierRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        var check = new InputCheck();
        if (request.Id == Guid.Empty)
            check.Fail("id", "Mã định danh không hợp lệ.", "Invalid id.");
        var kind = check.Required("kind", request.Kind);
        var budget = request.Budget ?? new BudgetInput(null, null, null, null);
        var amount = check.Amount("budget.amount", budget.Amount);
        var currency = check.Currency("budget.currency", budget.Currency);
        var rate = currency == "VND" && budget.ExchangeRate is null ? 1m : check.Amount("budget.exchangeRate", budget.ExchangeRate);
        var amountVnd = Math.Round(amount * rate, 0);
        if (amountVnd >= 1e15m)
            check.Fail("budget.exchangeRate", "Giá trị quy đổi VND vượt quá giới hạn.", "The VND equivalent exceeds the limit.");
        var counterpart = check.Amount("budget.counterpartFundingVnd", budget.CounterpartFundingVnd ?? 0, allowZero: true);
        var start = check.Date("startDate", request.StartDate) ?? default;
        var end = check.Date("endDate", request.EndDate) ?? default;
        if (request.StartDate is not null && request.EndDate is not null && end < start)
            check.Fail("endDate", "Ngày kết thúc không được trước ngày bắt đầu.", "The end date must not be before the start date.");

        var documents = new List<DossierDocument>();
        if (request.Documents is { Count: > 50 })
            check.Fail("documents", "Tối đa 50 tài liệu.", "At most 50 documents.");
        foreach (var (input, i) in (request.Documents ?? []).Select((d, i) => (d, i)))
            documents.Add(Document(check, $"documents[{i}]", input));
        var sensitive = request.SensitiveAreas ?? [];
        if (sensitive.Any(a => !Enum.IsDefined(a)))
            check.Fail("sensitiveAreas", "Lĩnh vực nhạy cảm không hợp lệ.", "Unknown sensitive area.");

        var content = new DossierContent(
            kind,
            check.Line("title", request.Title),
            check.Line("aidOwner", request.AidOwner),
            check.Line("managingAgency", request.ManagingAgency),
            check.Lines("fields", request.Fields, 30, 200),
            check.Lines("locations", request.Locations, 200, 200),
            new Budget(amount, currency, rate, amountVnd, counterpart),
            start,
            end,
            check.Paragraphs("objectives", request.Objectives),
            check.Paragraphs("beneficiaries", request.Beneficiaries),
            documents,
            sensitive.Distinct().ToList())
        {
            TitleEn = InputCheck.Optional(check.Line("titleEn", request.TitleEn, required: false)),
        };
        check.ThrowIfInvalid();
        return content;
    }

    public static DossierDocument Document(InputCheck check, string field, DocumentInput? input)
    {
        input ??= new DocumentInput(null, null, null, null);
        var size = check.Required($"{field}.sizeBytes", input.SizeBytes);
        if (input.SizeBytes is <= 0 or > MaxDocumentBytes)
            check.Fail($"{field}.sizeBytes", "Dung lượng phải từ 1 byte đến 100 MB.", "The size must be between 1 byte and 100 MB.");
        var hash = check.Line($"{field}.sha256", input.Sha256, 64);
        if (hash.Length > 0 && !Sha256().IsMatch(hash))
            check.Fail($"{field}.sha256", "Mã SHA-256 gồm 64 ký tự thập lục phân.", "A SHA-256 is 64 hexadecimal characters.");
        return new DossierDocument(check.Line($"{field}.kind", input.Kind, 100), check.Line($"{field}.name", input.Name, 255),
            size, hash.ToLowerInvariant());
    }
}

/// <summary>Intake issues the receipt number and dates outside the pure decision; a refused submission is logged.</summary>
public static class SubmitDossierEndpoint
{
    public static async Task<IResult> Handle(
        SubmitDossierRequest request, HttpContext http, IDocumentSession session, TimeProvider time,
        WorkingCalendar calendar, StageDeadlines deadlines, ReceiptNumbers numbers, IOptions<ProvinceOptions> province,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        var command = SubmitDossier.From(request, actor, time);
        var id = command.DossierId;
        // One answer for every taken id (this NGO's dossier, another NGO's, any other record): it says nothing of whose.
        if (request.Id is not null && await session.Events.FetchStreamStateAsync(id, ct) is not null)
            throw new RuleViolation("id-unavailable", new Bilingual(
                "Không dùng được mã định danh này; hãy nộp không kèm mã hoặc với mã mới.",
                "This id cannot be used; submit without an id or with a new one."));

        var ngo = await session.LoadAsync<Ngo>(command.NgoId, ct);
        var citedEntry = request.CatalogueEntryId is { } entryId ? await session.LoadAsync<CatalogueEntry>(entryId, ct) : null;
        if (SubmitDossier.Refusals(command, ngo, province.Value.Code, citedEntry) is { Count: > 0 } reasons)
        {
            loggers.CreateLogger("Aid.Registration.Intake").LogInformation(
                "Refused dossier submission by {User} of NGO {Ngo}: {Reasons}", actor.UserId, command.NgoId, string.Join("; ", reasons.Select(r => r.En)));
            return Refused(http, reasons);
        }

        var (today, aidKind) = (command.Today, command.Content.Kind.ToString());
        var secret = LookupSecret.New();
        var receipt = new Receipt(
            await numbers.NextAsync(today, ct),
            calendar.AddWorkingDays(today, deadlines.WorkingDaysFor(aidKind, Stage.IntakeCheck)),
            calendar.AddWorkingDays(today, deadlines.TotalFor(aidKind)),
            LookupSecret.Hash(id, secret));
        return await session.StartAsync<Dossier, DossierReceipt>(http, id, SubmitDossier.Decide(command, ngo, province.Value.Code, receipt, citedEntry),
            $"/dossiers/{id}/status",
            version => new DossierReceipt(id, receipt.Code, today, receipt.IntakeDueDate, receipt.AppointmentDate, secret, version));
    }

    private static IResult Refused(HttpContext http, IReadOnlyList<Bilingual> reasons)
    {
        var english = http.Request.Headers.AcceptLanguage.ToString().StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var refusal = new IntakeRefused(reasons);
        return Results.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            type: "https://aid.gov.vn/problems/intake-refused",
            title: english ? "Dossier not received" : "Hồ sơ không được tiếp nhận",
            detail: english ? refusal.Text.En : refusal.Text.Vi,
            instance: http.Request.Path,
            extensions: new Dictionary<string, object?>
            {
                ["code"] = "intake-refused",
                ["vi"] = new { title = "Hồ sơ không được tiếp nhận", detail = refusal.Text.Vi },
                ["en"] = new { title = "Dossier not received", detail = refusal.Text.En },
                ["reasons"] = reasons.Select(r => new { vi = r.Vi, en = r.En }).ToArray(),
            });
    }
}
