using Aid.Contracts.Desks;
using Aid.Domain.Calendar;
using Aid.Domain.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Aid.ServiceDefaults.Desks;

/// <summary>A work queue's query string, as it comes: every parameter is checked and a wrong one named in the problem.</summary>
public sealed record QueueParameters(
    [property: FromQuery(Name = "q")] string? Q,
    [property: FromQuery(Name = "flag")] string? Flag,
    [property: FromQuery(Name = "aidKind")] string? AidKind,
    [property: FromQuery(Name = "stage")] string? Stage,
    [property: FromQuery(Name = "sort")] string? Sort,
    [property: FromQuery(Name = "page")] string? Page,
    [property: FromQuery(Name = "pageSize")] string? PageSize);

/// <summary>
/// A work queue's search (receipt code, NGO name, title; any case, with or without diacritics), filters (deadline
/// flag, aid kind, stage), sort (due date by default) and page.
/// </summary>
public sealed record QueueQuery(string? Search, DeadlineFlag? Flag, string? AidKind, WorkStage? Stage, QueueSort Sort, int Page, int PageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxSearchLength = 100;

    public static readonly IReadOnlyList<string> AidKinds = ["Programme", "Project", "NonProjectAid", "EmergencyRelief"];

    /// <summary>Reads the parameters; <paramref name="stages"/> are the stages this queue holds.</summary>
    public static QueueQuery Read(QueueParameters p, IReadOnlyCollection<WorkStage> stages)
    {
        var check = new InputCheck();
        var search = string.IsNullOrWhiteSpace(p.Q) ? null : p.Q.Trim();
        check.Rule(search is null || search.Length <= MaxSearchLength, "q",
            $"Từ khóa tìm kiếm dài quá {MaxSearchLength} ký tự.", $"The search is longer than {MaxSearchLength} characters.");
        var flag = check.OneOf<DeadlineFlag>("flag", p.Flag, required: false);
        string? aidKind = null;
        if (!string.IsNullOrWhiteSpace(p.AidKind))
        {
            aidKind = AidKinds.FirstOrDefault(k => string.Equals(k, p.AidKind, StringComparison.OrdinalIgnoreCase));
            check.Rule(aidKind is not null, "aidKind", $"Loại viện trợ không hợp lệ; chọn một trong: {string.Join(", ", AidKinds)}.",
                $"Unknown aid kind; one of: {string.Join(", ", AidKinds)}.");
        }
        var stage = check.OneOf<WorkStage>("stage", p.Stage, required: false);
        if (stage is { } s && check.IsValid("stage"))
            check.Rule(stages.Contains(s), "stage", $"Hàng đợi này chỉ có: {string.Join(", ", stages)}.",
                $"This queue holds only: {string.Join(", ", stages)}.");
        var sort = check.OneOf<QueueSort>("sort", p.Sort, required: false) ?? QueueSort.Due;
        var page = Number(check, "page", p.Page, 1, 1, 100_000);
        var pageSize = Number(check, "pageSize", p.PageSize, DefaultPageSize, 1, MaxPageSize);
        check.ThrowIfInvalid();
        return new QueueQuery(search is null ? null : Searchable.Of(search), flag, aidKind, stage, sort, page, pageSize);
    }

    private static int Number(InputCheck check, string field, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= min && n <= max)
            return n;
        check.Fail(field, $"Phải là số nguyên từ {min} đến {max}.", $"Must be a whole number from {min} to {max}.");
        return fallback;
    }
}

/// <summary>Where a due date stands today, in working days (0 on the due date, negative once overdue).</summary>
public static class DueDates
{
    public const int NearlyDueWorkingDays = 2;

    public static (int WorkingDaysLeft, DeadlineFlag Flag) Of(DateOnly due, DateOnly today, WorkingCalendar calendar)
    {
        var left = calendar.WorkingDaysBetween(today, due);
        return (left, today > due ? DeadlineFlag.Overdue : left <= NearlyDueWorkingDays ? DeadlineFlag.NearlyDue : DeadlineFlag.OnTime);
    }

    /// <summary>The due dates a flag covers today, as a range (either end open): the flag filter runs in the database.</summary>
    public static (DateOnly? From, DateOnly? Before) Range(DeadlineFlag flag, DateOnly today, WorkingCalendar calendar)
    {
        // Nearly due ends with the last day that still has at most two working days left.
        var onTimeFrom = calendar.AddWorkingDays(today, NearlyDueWorkingDays + 1);
        return flag switch
        {
            DeadlineFlag.Overdue => (null, today),
            DeadlineFlag.NearlyDue => (today, onTimeFrom),
            _ => (onTimeFrom, null),
        };
    }
}
