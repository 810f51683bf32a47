using Npgsql;
using NpgsqlTypes;

namespace ECommerce.Order.Api.Checkout;

/// <summary>Checkout answers by (user, Idempotency-Key), in <c>idempotency_keys</c>.</summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource)
{
    public async Task<IdempotencyRecord?> FindAsync(string userId, string key, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT order_id, request_hash, status_code, response FROM idempotency_keys WHERE user_id = @user AND idempotency_key = @key");
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new IdempotencyRecord(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3))
            : null;
    }

    /// <summary>
    /// Claims the key inside the checkout's transaction. False when another request holds it: a concurrent duplicate
    /// waits here for that one to commit (the primary key's lock), then reads its answer.
    /// </summary>
    public static async Task<bool> TryClaimAsync(
        string userId, string key, IdempotencyRecord record, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO idempotency_keys (user_id, idempotency_key, order_id, request_hash, status_code, response)
            VALUES (@user, @key, @order, @hash, @status, @response)
            ON CONFLICT (user_id, idempotency_key) DO NOTHING
            """, transaction.Connection, transaction);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("order", record.OrderId);
        command.Parameters.AddWithValue("hash", record.RequestHash);
        command.Parameters.AddWithValue("status", record.StatusCode);
        command.Parameters.AddWithValue("response", NpgsqlDbType.Text, record.Response);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }
}
