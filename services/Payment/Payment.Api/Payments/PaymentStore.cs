using Dapper;
using Npgsql;

namespace ECommerce.Payment.Api.Payments;

/// <summary>
/// The <c>payments</c> table. One row per order (unique order_id); the row's lock is what serializes every command for
/// an order: a second delivery of a charge, or a refund racing an authorization in flight, waits for the first.
/// </summary>
public sealed class PaymentStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id AS PaymentId, order_id AS OrderId, amount AS Amount, currency AS Currency, status AS Status,
        failure_reason AS FailureReason, refund_requested AS RefundRequested, created_at AS CreatedAt
        """;

    /// <summary>Inserts the order's payment as Pending (Claimed), or returns the one it already has, locked.</summary>
    public async Task<(bool Claimed, PaymentRecord Payment)> ClaimAsync(Guid orderId, decimal amount, string currency, NpgsqlTransaction tx, CancellationToken ct)
    {
        var claimed = await ReadAsync(
            $"""
            INSERT INTO payments (id, order_id, amount, currency, status) VALUES (@id, @orderId, @amount, @currency, 'Pending')
            ON CONFLICT (order_id) DO NOTHING RETURNING {Columns}
            """, new { id = Guid.CreateVersion7(), orderId, amount, currency }, tx, ct);
        return claimed is not null ? (true, claimed) : (false, (await LockAsync(orderId, tx, ct))!);
    }

    public Task<PaymentRecord?> LockAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct) =>
        ReadAsync($"SELECT {Columns} FROM payments WHERE order_id = @orderId FOR UPDATE", new { orderId }, tx, ct);

    /// <summary>Flags the refund (inserting a RefundRequested row when nothing was charged yet) and returns the payment, locked.</summary>
    public async Task<PaymentRecord> RequestRefundAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct) => (await ReadAsync(
        $"""
        INSERT INTO payments (id, order_id, status, refund_requested) VALUES (@id, @orderId, 'RefundRequested', true)
        ON CONFLICT (order_id) DO UPDATE SET refund_requested = true, updated_at = now()
        RETURNING {Columns}
        """, new { id = Guid.CreateVersion7(), orderId }, tx, ct))!;

    public Task SetStatusAsync(Guid orderId, PaymentStatus status, NpgsqlTransaction tx, CancellationToken ct,
        string? failureReason = null, Guid? chargeId = null) =>
        tx.Connection!.ExecuteAsync(new CommandDefinition(
            """
            UPDATE payments SET status = @status, failure_reason = coalesce(@failureReason, failure_reason),
                processor_charge_id = coalesce(@chargeId, processor_charge_id), updated_at = now()
            WHERE order_id = @orderId
            """, new { orderId, status = status.ToString(), failureReason, chargeId }, tx, cancellationToken: ct));

    /// <summary>Newest first; one order's payment when <paramref name="orderId"/> is given.</summary>
    public async Task<IReadOnlyList<PaymentRecord>> ListAsync(Guid? orderId, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var payments = await connection.QueryAsync<PaymentRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM payments WHERE (@orderId::uuid IS NULL OR order_id = @orderId) ORDER BY created_at DESC LIMIT @limit",
            new { orderId, limit }, cancellationToken: ct));
        return payments.AsList();
    }

    private static Task<PaymentRecord?> ReadAsync(string sql, object parameters, NpgsqlTransaction tx, CancellationToken ct) =>
        tx.Connection!.QuerySingleOrDefaultAsync<PaymentRecord?>(new CommandDefinition(sql, parameters, tx, cancellationToken: ct));
}
