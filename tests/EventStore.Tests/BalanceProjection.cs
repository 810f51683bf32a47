using Npgsql;

namespace ECommerce.EventStore.Tests;

/// <summary>Inline: each account's balance, updated in the append transaction. Refuses a withdrawal of 666.</summary>
public sealed class BalanceProjection : IInlineProjection
{
    public async Task ApplyAsync(IReadOnlyList<StoredEvent> events, NpgsqlTransaction transaction, CancellationToken ct)
    {
        foreach (var e in events)
        {
            var delta = e.Data switch { Deposited d => d.Amount, Withdrawn { Amount: 666m } => throw new InvalidOperationException("refused"), Withdrawn w => -w.Amount, _ => 0m };
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO account_balances (stream_id, balance, events) VALUES ($1, $2, 1)
                ON CONFLICT (stream_id) DO UPDATE SET balance = account_balances.balance + $2, events = account_balances.events + 1
                """, transaction.Connection, transaction);
            cmd.Parameters.Add(new NpgsqlParameter { Value = e.StreamId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = delta });
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
