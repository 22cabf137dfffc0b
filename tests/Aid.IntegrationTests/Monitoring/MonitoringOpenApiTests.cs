using System.Text.Json;
using Aid.IntegrationTests.Infrastructure;
using Xunit;

namespace Aid.IntegrationTests.ProjectMonitoring;

public sealed class MonitoringOpenApiTests(AidSystem system) : IClassFixture<AidSystem>
{
    [Fact]
    public async Task Every_monitoring_endpoint_is_documented()
    {
        var response = await system.Monitoring.ClientAs("auditor").GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => o.Value.TryGetProperty("operationId", out var id) ? id.GetString() : null))
            .ToHashSet();
        foreach (var name in new[] { "ListProjects", "GetMonitoringQueue", "GetMonitoringStatistics", "GetProject", "RecordAidTranche",
                     "RecordProgressReport", "RecordInspection", "RecordImplementationStarted", "SuspendProject", "ResumeProject",
                     "CompleteProject", "CloseProject", "AttachReportFile", "DownloadReportFile" })
            Assert.Contains(name, operations);
    }
}
