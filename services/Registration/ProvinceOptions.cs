namespace Aid.Registration;

/// <summary>The province this system serves (configuration section "Province").</summary>
public sealed class ProvinceOptions
{
    public string Code { get; set; } = "DNA";
    public string Name { get; set; } = "Đồng Nai";
}
