using Aid.ServiceDefaults;

namespace Aid.Appraisal;

/// <summary>Sở Tài chính's appraisal, and the decision of UBND tỉnh.</summary>
public static class AppraisalService
{
    public const string Name = "appraisal";
    public const string Agency = "STC";

    public static WebApplicationBuilder AddAppraisalService(this WebApplicationBuilder builder)
    {
        builder.AddAidMarten(schema: Name, opts => { });
        builder.AddAidBus(Name);
        return builder;
    }
}
