namespace Aid.IntegrationTests.Infrastructure;

/// <summary>
/// Receipt and decision numbers as the agencies hand them out: distinct, from a sequence. Random ones clash now and
/// then (two random three-digit codes of one day did, and the IATI export rightly counted one identifier twice).
/// </summary>
public static class TestCodes
{
    private static int sequence;

    public static string Receipt(DateOnly day) => $"SNV-{day:yyyyMMdd}-{Next():0000}";

    public static string Decision() => $"{Next()}/QĐ-UBND";

    public static string CatalogueEntry() => $"DM-{Next():0000}";

    private static int Next() => Interlocked.Increment(ref sequence);
}
