using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ECommerce.Cart.Api.Carts;

/// <summary>
/// A cart is one Redis hash per user (<c>cart:{userId}</c>, one field per product holding the line as JSON) with a
/// sliding time to live: every read and change pushes the expiry out again. Throws
/// <see cref="RedisConnectionException"/> (or <see cref="RedisTimeoutException"/>) while Redis is unreachable.
/// Two commands started together travel in one round trip (the multiplexer pipelines them); none takes a
/// cancellation token, as StackExchange.Redis commands are bounded by the client's timeouts instead.
/// </summary>
public sealed class CartStore(IConnectionMultiplexer connection, IOptions<CartOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDatabase Redis => connection.GetDatabase();

    public static string Key(string userId) => $"cart:{userId}";

    public async Task<IReadOnlyList<CartLine>> GetAsync(string userId)
    {
        var key = Key(userId);
        var fields = Redis.HashGetAllAsync(key);
        var touch = Redis.KeyExpireAsync(key, options.Value.TimeToLive); // pipelined with the read
        await Task.WhenAll(fields, touch);
        return [.. fields.Result.Select(f => JsonSerializer.Deserialize<CartLine>(f.Value.ToString(), Json)!).OrderBy(l => l.AddedAt).ThenBy(l => l.ProductId)];
    }

    /// <summary>Puts the line in the cart or replaces it (keeping when it was first added).</summary>
    public async Task SetAsync(string userId, CartLine line)
    {
        var key = Key(userId);
        var existing = await Redis.HashGetAsync(key, line.ProductId);
        if (existing.HasValue) line = line with { AddedAt = JsonSerializer.Deserialize<CartLine>(existing.ToString(), Json)!.AddedAt };
        var set = Redis.HashSetAsync(key, line.ProductId, JsonSerializer.Serialize(line, Json));
        var touch = Redis.KeyExpireAsync(key, options.Value.TimeToLive);
        await Task.WhenAll(set, touch);
    }

    public async Task RemoveAsync(string userId, string productId)
    {
        var key = Key(userId);
        var remove = Redis.HashDeleteAsync(key, productId);
        var touch = Redis.KeyExpireAsync(key, options.Value.TimeToLive);
        await Task.WhenAll(remove, touch);
    }

    /// <summary>Empties the user's cart (DELETE /api/cart, and an order's confirmation once messaging is wired).</summary>
    public Task ClearAsync(string userId) => Redis.KeyDeleteAsync(Key(userId));
}
