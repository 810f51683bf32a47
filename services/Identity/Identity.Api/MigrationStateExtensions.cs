using ECommerce.Postgres;

namespace ECommerce.Identity.Api;

public static class MigrationStateExtensions
{
    /// <summary>Waits for the schema: work at start (seeding, the first key) must not race the migrations.</summary>
    public static async Task WhenCompleteAsync(this MigrationState state, TimeProvider time, CancellationToken ct)
    {
        while (!state.IsComplete) await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
    }
}
