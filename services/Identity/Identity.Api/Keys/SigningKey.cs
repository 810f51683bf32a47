namespace ECommerce.Identity.Api.Keys;

/// <summary>A signing key as stored, private part included (PKCS#8 DER); only the key ring turns it into a usable key.</summary>
public sealed record SigningKey(string Kid, string Algorithm, byte[] PrivateKey, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt)
{
    public bool IsActive => RetiredAt is null;
}
