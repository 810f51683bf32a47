namespace ECommerce.Product.Tests;

/// <summary>Awaits a condition by polling it, instead of sleeping for a guessed time.</summary>
internal static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var last = await probe();
        while (!done(last))
        {
            try { await Task.Delay(50, cts.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"Timed out waiting for {what}; last value: {last}"); }
            last = await probe();
        }
        return last;
    }
}
