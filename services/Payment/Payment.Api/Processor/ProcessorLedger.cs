using Dapper;
using Npgsql;

namespace ECommerce.Payment.Api.Processor;

/// <summary>The simulated processor's books (schema <c>processor</c>): charges by idempotency key, and call counts.</summary>
public sealed class ProcessorLedger(NpgsqlDataSource dataSource)
{
    /// <summary>Counts one more authorization request for <paramref name="key"/>; returns its number (1 for the first).</summary>
    public async Task<int> CountCallAsync(string key, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            INSERT INTO processor.calls (idempotency_key, calls) VALUES (@key, 1)
            ON CONFLICT (idempotency_key) DO UPDATE SET calls = processor.calls.calls + 1
            RETURNING calls
            """, new { key }, cancellationToken: ct));
    }

    /// <summary>Authorizes once per key: a repeated key gets the charge made the first time.</summary>
    public async Task<ChargeResponse> AuthorizeAsync(string key, ChargeRequest request, CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO processor.charges (idempotency_key, charge_id, amount, currency, card_token, status)
                VALUES (@key, @chargeId, @amount, @currency, @cardToken, 'authorized') ON CONFLICT (idempotency_key) DO NOTHING
                """,
                new { key, chargeId = Guid.CreateVersion7(), amount = request.Amount, currency = request.Currency, cardToken = request.CardToken },
                cancellationToken: ct));
        }
        return (await TransitionAsync(
            "SELECT charge_id AS ChargeId, status AS Status FROM processor.charges WHERE idempotency_key = @key", key, ct))!;
    }

    /// <summary>authorized -> captured (captured stays captured); null when there is no charge or it was voided/refunded.</summary>
    public Task<ChargeResponse?> CaptureAsync(string key, CancellationToken ct) => TransitionAsync(
        """
        UPDATE processor.charges SET status = 'captured', updated_at = now()
        WHERE idempotency_key = @key AND status IN ('authorized', 'captured')
        RETURNING charge_id AS ChargeId, status AS Status
        """, key, ct);

    /// <summary>An authorization is voided, a capture refunded; repeating either changes nothing. Null: no such charge.</summary>
    public Task<ChargeResponse?> RefundAsync(string key, CancellationToken ct) => TransitionAsync(
        """
        UPDATE processor.charges
        SET status = CASE status WHEN 'authorized' THEN 'voided' WHEN 'captured' THEN 'refunded' ELSE status END, updated_at = now()
        WHERE idempotency_key = @key
        RETURNING charge_id AS ChargeId, status AS Status
        """, key, ct);

    private async Task<ChargeResponse?> TransitionAsync(string sql, string key, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ChargeResponse?>(new CommandDefinition(sql, new { key }, cancellationToken: ct));
    }
}
