using Npgsql;

namespace ECommerce.Payment.Api.Processor;

/// <summary>The simulated processor's books (schema <c>processor</c>): charges by idempotency key, and call counts.</summary>
public sealed class ProcessorLedger(NpgsqlDataSource dataSource)
{
    /// <summary>Counts one more authorization request for <paramref name="key"/>; returns its number (1 for the first).</summary>
    public async Task<int> CountCallAsync(string key, CancellationToken ct) => (int)(await ScalarAsync(
        """
        INSERT INTO processor.calls (idempotency_key, calls) VALUES ($1, 1)
        ON CONFLICT (idempotency_key) DO UPDATE SET calls = processor.calls.calls + 1
        RETURNING calls
        """, ct, key))!;

    /// <summary>Authorizes once per key: a repeated key gets the charge made the first time.</summary>
    public async Task<ChargeResponse> AuthorizeAsync(string key, ChargeRequest request, CancellationToken ct)
    {
        await ScalarAsync(
            """
            INSERT INTO processor.charges (idempotency_key, charge_id, amount, currency, card_token, status)
            VALUES ($1, $2, $3, $4, $5, 'authorized') ON CONFLICT (idempotency_key) DO NOTHING
            """, ct, key, Guid.CreateVersion7(), request.Amount, request.Currency, request.CardToken);
        return (await FindAsync(key, ct))!;
    }

    /// <summary>authorized -> captured (captured stays captured); null when there is no charge or it was voided/refunded.</summary>
    public Task<ChargeResponse?> CaptureAsync(string key, CancellationToken ct) => TransitionAsync(
        """
        UPDATE processor.charges SET status = 'captured', updated_at = now()
        WHERE idempotency_key = $1 AND status IN ('authorized', 'captured')
        RETURNING charge_id, status
        """, key, ct);

    /// <summary>An authorization is voided, a capture refunded; repeating either changes nothing. Null: no such charge.</summary>
    public Task<ChargeResponse?> RefundAsync(string key, CancellationToken ct) => TransitionAsync(
        """
        UPDATE processor.charges
        SET status = CASE status WHEN 'authorized' THEN 'voided' WHEN 'captured' THEN 'refunded' ELSE status END, updated_at = now()
        WHERE idempotency_key = $1
        RETURNING charge_id, status
        """, key, ct);

    private async Task<ChargeResponse?> FindAsync(string key, CancellationToken ct) =>
        await TransitionAsync("SELECT charge_id, status FROM processor.charges WHERE idempotency_key = $1", key, ct);

    private async Task<ChargeResponse?> TransitionAsync(string sql, string key, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.AddWithValue(key);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new ChargeResponse(reader.GetGuid(0), reader.GetString(1)) : null;
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = dataSource.CreateCommand(sql);
        foreach (var p in parameters) cmd.Parameters.AddWithValue(p);
        return await cmd.ExecuteScalarAsync(ct);
    }
}
