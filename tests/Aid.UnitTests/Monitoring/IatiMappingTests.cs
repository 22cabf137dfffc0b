using Aid.Contracts.Monitoring;
using Aid.Monitoring.Iati;
using Aid.Monitoring.Projects;
using Xunit;

namespace Aid.UnitTests.Monitoring;

/// <summary>The IATI export's mappings: dossier fields to DAC purpose codes, monitoring status to activity status.</summary>
public sealed class IatiMappingTests
{
    [Theory]
    [InlineData("Nước sạch và vệ sinh môi trường", "14030")]
    [InlineData("WATER", "14030")]
    [InlineData("Y tế", "12220")]
    [InlineData("Chăm sóc sức khỏe ban đầu", "12220")]
    [InlineData("Giáo dục", "11120")]
    [InlineData("Giáo dục tiểu học", "11220")]
    [InlineData("Dạy nghề cho thanh niên", "11330")]
    [InlineData("Phòng chống HIV/AIDS", "13040")]
    [InlineData("Rà phá bom mìn", "15250")]
    [InlineData("Bảo vệ trẻ em", "16010")]
    [InlineData("Phòng chống thiên tai", "74020")]
    [InlineData("Nông nghiệp", "31120")]
    [InlineData("Sinh kế", "43040")]
    [InlineData("Environment", "41010")]
    [InlineData("Bảo vệ môi trường", "41010")]
    [InlineData("Xây cầu dân sinh", "21020")]
    [InlineData("Đường giao thông nông thôn", "21020")]
    [InlineData("Điện mặt trời", "23110")]
    [InlineData("Yêu cầu đặc biệt", "99810")]
    [InlineData("Security equipment", "99810")]
    [InlineData("", "99810")]
    public void A_field_maps_to_its_DAC_code_or_to_sectors_not_specified(string field, string code) =>
        Assert.Equal(code, DacSectors.Of(field).Code);

    [Fact]
    public void Percentages_weigh_each_field_the_same_merge_equal_codes_and_sum_to_100()
    {
        var split = DacSectors.Split(["Water", "Nước sạch", "Y tế"]);
        Assert.Equal([("14030", 66.67m), ("12220", 33.33m)], split.Select(s => (s.Sector.Code, s.Percentage)));
        Assert.Equal(100m, DacSectors.Split(["Y tế", "Giáo dục", "Nông nghiệp"]).Sum(s => s.Percentage));
        Assert.Equal([("99810", 100m)], DacSectors.Split([]).Select(s => (s.Sector.Code, s.Percentage)));
    }

    [Theory]
    [InlineData(MonitoringStatus.AwaitingImplementation, "1")]
    [InlineData(MonitoringStatus.Implementing, "2")]
    [InlineData(MonitoringStatus.Completed, "3")]
    [InlineData(MonitoringStatus.Closed, "4")]
    [InlineData(MonitoringStatus.Suspended, "6")]
    public void The_activity_status_follows_the_monitoring_status(MonitoringStatus status, string code) =>
        Assert.Equal(code, IatiActivity.StatusCode(status));
}
