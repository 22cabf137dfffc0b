using Aid.Monitoring.Projects;
using Aid.Domain.Calendar;
using Aid.ServiceDefaults.Commands;
using Aid.Domain.Province;
using Aid.Domain.Rules;
using Marten;

namespace Aid.Monitoring.PlanTasks;

public sealed record CreatePlanTaskRequest(int? Year, string? Title, string? LeadAgency, IReadOnlyList<string?>? PartnerAgencies, string? Product, DateOnly? StartOn, DateOnly? DueOn);

/// <summary>Sở Ngoại vụ puts a task of the year's plan on record: lead agency, partner agencies, product, time frame.</summary>
public sealed record CreatePlanTask(
    Guid TaskId, int Year, string Title, string LeadAgency, IReadOnlyList<string> PartnerAgencies, string Product, DateOnly StartOn, DateOnly DueOn)
{
    public static CreatePlanTask From(CreatePlanTaskRequest request)
    {
        var check = new InputCheck();
        var title = check.Line("title", request.Title);
        var product = check.Line("product", request.Product);
        var startOn = check.Date("startOn", request.StartOn);
        var dueOn = check.Date("dueOn", request.DueOn);
        check.Rule(request.Year is >= 2001 and <= 2100, "year", "Năm phải từ 2001 đến 2100.", "The year must be between 2001 and 2100.")
            .Rule(request.LeadAgency is not null && Agencies.Find(request.LeadAgency) is not null, "leadAgency",
                "Cơ quan chủ trì không có trong danh mục cơ quan.", "The lead agency is not a known agency code.");
        var partners = request.PartnerAgencies ?? [];
        for (var i = 0; i < partners.Count; i++)
            check.Rule(partners[i] is not null && Agencies.Find(partners[i]!) is not null && partners[i] != request.LeadAgency, $"partnerAgencies[{i}]",
                "Cơ quan phối hợp không có trong danh mục, hoặc trùng cơ quan chủ trì.", "The partner agency is unknown or is the lead agency.");
        check.Rule(partners.Distinct().Count() == partners.Count, "partnerAgencies", "Cơ quan phối hợp bị lặp.", "A partner agency is listed twice.");
        check.Rule(startOn is null || dueOn is null || startOn <= dueOn, "dueOn",
            "Hạn hoàn thành phải sau hoặc bằng ngày bắt đầu.", "The due date must not be before the start date.");
        check.ThrowIfInvalid();
        return new CreatePlanTask(Guid.NewGuid(), request.Year!.Value, title, request.LeadAgency!, partners.Select(p => p!).ToList(),
            product, startOn!.Value, dueOn!.Value);
    }

    public static PlanTaskCreated Decide(CreatePlanTask command) => new(command.TaskId, command.Year, command.Title, command.LeadAgency,
        command.PartnerAgencies, command.Product, command.StartOn, command.DueOn);
}

public static class CreatePlanTaskEndpoint
{
    public static async Task<Versioned<PlanTaskView>> Handle(CreatePlanTaskRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var created = CreatePlanTask.Decide(CreatePlanTask.From(request));
        return await session.StartAsync<PlanTask, PlanTaskView>(http, created.TaskId, [created], $"/plan-tasks/{created.TaskId}",
            version => PlanTaskView.Of(PlanTask.Create(created), version, clock.VietnamToday()));
    }
}
