using System.Security.Cryptography;

namespace ECommerce.Product.Api.Caching;

/// <summary>A product's JSON as served, and its strong ETag (a hash of exactly those bytes).</summary>
public sealed class CachedProduct(byte[] json)
{
    public byte[] Json { get; } = json;

    public string ETag { get; } = $"\"{Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 12))}\"";
}
