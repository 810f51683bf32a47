namespace ECommerce.Coordination.Tests;

/// <summary>Waits for a condition with a deadline instead of sleeping a guessed time.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
            await Task.Delay(10, deadline.Token);
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        UntilAsync(() => Task.FromResult(condition()), timeout);
}
