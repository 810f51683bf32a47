namespace ECommerce.EventStore.Tests;

/// <summary>Polls a condition until a deadline instead of sleeping a guessed time.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, int seconds = 20, string? because = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail(because ?? $"Condition not met within {seconds} s.");
            await Task.Delay(25);
        }
    }
}
