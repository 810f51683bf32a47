using Npgsql;

namespace ECommerce.Payment.Api.Payments;

/// <summary>
/// The <c>payments</c> table. One row per order (unique order_id); the row's lock is what serializes every command for
/// an order: a second delivery of a charge, or a refund racing an authorization in flight, waits for the first.
/// </summary>
public sealed class PaymentStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, order_id, amount, currency, status, failure_reason, refund_requested, created_at";

    /// <summary>Inserts the order's payment as Pending (Claimed), or returns the one it already has, locked.</summary>
    public async Task<(bool Claimed, PaymentRecord Payment)> ClaimAsync(Guid orderId, decimal amount, string currency, NpgsqlTransaction tx, CancellationToken ct)
    {
        var claimed = await ReadAsync(
            $"""
            INSERT INTO payments (id, order_id, amount, currency, status) VALUES ($1, $2, $3, $4, 'Pending')
            ON CONFLICT (order_id) DO NOTHING RETURNING {Columns}
            """, tx, ct, Guid.CreateVersion7(), orderId, amount, currency);
        return claimed is not null ? (true, claimed) : (false, (await LockAsync(orderId, tx, ct))!);
    }

    public Task<PaymentRecord?> LockAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct) =>
        ReadAsync($"SELECT {Columns} FROM payments WHERE order_id = $1 FOR UPDATE", tx, ct, orderId);

    /// <summary>Flags the refund (inserting a RefundRequested row when nothing was charged yet) and returns the payment, locked.</summary>
    public async Task<PaymentRecord> RequestRefundAsync(Guid orderId, NpgsqlTransaction tx, CancellationToken ct) => (await ReadAsync(
        $"""
        INSERT INTO payments (id, order_id, status, refund_requested) VALUES ($1, $2, 'RefundRequested', true)
        ON CONFLICT (order_id) DO UPDATE SET refund_requested = true, updated_at = now()
        RETURNING {Columns}
        """, tx, ct, Guid.CreateVersion7(), orderId))!;

    public async Task SetStatusAsync(Guid orderId, PaymentStatus status, NpgsqlTransaction tx, CancellationToken ct,
        string? failureReason = null, Guid? chargeId = null)
    {
        await using var cmd = new NpgsqlCommand(
            """
            UPDATE payments SET status = $2, failure_reason = coalesce($3, failure_reason),
                processor_charge_id = coalesce($4, processor_charge_id), updated_at = now()
            WHERE order_id = $1
            """, tx.Connection, tx);
        cmd.Parameters.AddWithValue(orderId);
        cmd.Parameters.AddWithValue(status.ToString());
        cmd.Parameters.AddWithValue((object?)failureReason ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)chargeId ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Newest first; one order's payment when <paramref name="orderId"/> is given.</summary>
    public async Task<IReadOnlyList<PaymentRecord>> ListAsync(Guid? orderId, int limit, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            $"SELECT {Columns} FROM payments WHERE ($1::uuid IS NULL OR order_id = $1) ORDER BY created_at DESC LIMIT $2");
        cmd.Parameters.AddWithValue((object?)orderId ?? DBNull.Value);
        cmd.Parameters.AddWithValue(limit);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var payments = new List<PaymentRecord>();
        while (await reader.ReadAsync(ct)) payments.Add(Read(reader));
        return payments;
    }

    private static async Task<PaymentRecord?> ReadAsync(string sql, NpgsqlTransaction tx, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, tx.Connection, tx);
        foreach (var p in parameters) cmd.Parameters.AddWithValue(p);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static PaymentRecord Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.IsDBNull(2) ? null : r.GetDecimal(2), r.IsDBNull(3) ? null : r.GetString(3),
        Enum.Parse<PaymentStatus>(r.GetString(4)), r.IsDBNull(5) ? null : r.GetString(5), r.GetBoolean(6),
        r.GetFieldValue<DateTimeOffset>(7));
}
