namespace ECommerce.Gateway.Tests;

internal static class Await
{
    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <paramref name="timeout"/> (default 10 s).</summary>
    public static async Task ConditionAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }
}
