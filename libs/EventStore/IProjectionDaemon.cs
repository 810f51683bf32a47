namespace ECommerce.EventStore;

public interface IProjectionDaemon
{
    /// <summary>Resets the projection and its checkpoint to zero, then replays every event; returns when caught up.</summary>
    Task RebuildAsync(string projectionName, CancellationToken ct = default);

    /// <summary>The global position of the last event the projection applied (0 = none).</summary>
    Task<long> GetCheckpointAsync(string name, CancellationToken ct = default);
}
