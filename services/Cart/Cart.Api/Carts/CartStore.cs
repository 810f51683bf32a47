using System.Text.Json;
using ECommerce.Redis;
using Microsoft.Extensions.Options;

namespace ECommerce.Cart.Api.Carts;

/// <summary>
/// A cart is one Redis hash per user (<c>cart:{userId}</c>, one field per product holding the line as JSON) with a
/// sliding time to live: every read and change pushes the expiry out again. Throws
/// <see cref="RedisConnectionException"/> while Redis is unreachable.
/// </summary>
public sealed class CartStore(RedisDatabase redis, IOptions<CartOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Key(string userId) => $"cart:{userId}";

    public async Task<IReadOnlyList<CartLine>> GetAsync(string userId, CancellationToken ct)
    {
        var key = Key(userId);
        var fields = redis.HashGetAllAsync(key, ct);
        var touch = redis.KeyExpireAsync(key, options.Value.TimeToLive, ct); // pipelined with the read
        await Task.WhenAll(fields, touch);
        return [.. fields.Result.Values.Select(v => JsonSerializer.Deserialize<CartLine>(v, Json)!).OrderBy(l => l.AddedAt).ThenBy(l => l.ProductId)];
    }

    /// <summary>Puts the line in the cart or replaces it (keeping when it was first added).</summary>
    public async Task SetAsync(string userId, CartLine line, CancellationToken ct)
    {
        var key = Key(userId);
        var existing = await redis.HashGetAsync(key, line.ProductId, ct);
        if (existing is not null) line = line with { AddedAt = JsonSerializer.Deserialize<CartLine>(existing, Json)!.AddedAt };
        var set = redis.HashSetAsync(key, line.ProductId, JsonSerializer.Serialize(line, Json), ct);
        var touch = redis.KeyExpireAsync(key, options.Value.TimeToLive, ct);
        await Task.WhenAll(set, touch);
    }

    public async Task RemoveAsync(string userId, string productId, CancellationToken ct)
    {
        var key = Key(userId);
        var remove = redis.HashDeleteAsync(key, productId, ct);
        var touch = redis.KeyExpireAsync(key, options.Value.TimeToLive, ct);
        await Task.WhenAll(remove, touch);
    }

    /// <summary>Empties the user's cart (DELETE /api/cart, and an order's confirmation once messaging is wired).</summary>
    public Task ClearAsync(string userId, CancellationToken ct = default) => redis.KeyDeleteAsync(Key(userId), ct);
}
