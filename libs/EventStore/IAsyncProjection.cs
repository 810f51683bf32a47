using Npgsql;

namespace ECommerce.EventStore;

/// <summary>
/// Updated by the projection daemon after the events commit, in global order. Each batch of events and the
/// projection's checkpoint commit in one transaction, so an event is applied exactly once per (re)build.
/// </summary>
public interface IAsyncProjection
{
    /// <summary>Unique; the checkpoint's key.</summary>
    string Name { get; }

    Task ApplyAsync(StoredEvent @event, NpgsqlTransaction transaction, CancellationToken ct);

    /// <summary>Empties the read model, for a rebuild from zero.</summary>
    Task ResetAsync(NpgsqlTransaction transaction, CancellationToken ct);
}
