using Npgsql;

namespace ECommerce.EventStore;

/// <summary>Updates a read model in the append's own transaction: the model is never behind the events.</summary>
public interface IInlineProjection
{
    Task ApplyAsync(IReadOnlyList<StoredEvent> events, NpgsqlTransaction transaction, CancellationToken ct);
}
