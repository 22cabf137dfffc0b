namespace Aid.IntegrationTests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls until the probe returns a value, or fails after the timeout with what was awaited.</summary>
    public static async Task<T> Returns<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
                return value;
            await Task.Delay(100);
        }
        throw new TimeoutException($"Timed out waiting for {what}.");
    }
}
