using System.Text.Json;
using Npgsql;

namespace ECommerce.Order.Api.Orders;

/// <summary>Queries over the <c>orders</c> read table (never the streams).</summary>
public sealed class OrderReadStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, user_id, status, failure_reason, items, total, currency, created_at, updated_at";

    public async Task<OrderView?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM orders WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, ct)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<OrderView>> ForUserAsync(string userId, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM orders WHERE user_id = @user ORDER BY created_at DESC, id LIMIT @limit");
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, ct);
    }

    public async Task<(IReadOnlyList<OrderView> Items, long TotalCount)> PageAsync(string? status, int page, int pageSize, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns}, count(*) OVER () FROM orders
            WHERE @status::text IS NULL OR status = @status
            ORDER BY created_at DESC, id OFFSET @offset LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<string?>("status", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = status });
        command.Parameters.AddWithValue("offset", (page - 1) * pageSize);
        command.Parameters.AddWithValue("limit", pageSize);
        long total = 0;
        var items = await ReadAsync(command, ct, reader => total = reader.GetInt64(9));
        if (items.Count == 0 && page > 1) total = await CountAsync(status, ct);
        return (items, total);
    }

    private async Task<long> CountAsync(string? status, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM orders WHERE @status::text IS NULL OR status = @status");
        command.Parameters.Add(new NpgsqlParameter<string?>("status", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = status });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<IReadOnlyList<OrderView>> ReadAsync(NpgsqlCommand command, CancellationToken ct, Action<NpgsqlDataReader>? extra = null)
    {
        var views = new List<OrderView>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            views.Add(new OrderView(
                reader.GetGuid(0), reader.GetString(2),
                JsonSerializer.Deserialize<List<OrderItem>>(reader.GetString(4), JsonSerializerOptions.Web)!,
                reader.GetDecimal(5), reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(3) ? null : reader.GetString(3)) { UserId = reader.GetString(1) });
            extra?.Invoke(reader);
        }
        return views;
    }
}
