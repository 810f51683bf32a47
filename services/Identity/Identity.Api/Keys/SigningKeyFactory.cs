using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Api.Keys;

/// <summary>Makes new key pairs and turns stored ones back into keys the token handler signs and validates with.</summary>
public static class SigningKeyFactory
{
    public static SigningKey Generate(string algorithm, DateTimeOffset now)
    {
        using AsymmetricAlgorithm pair = algorithm switch
        {
            SigningAlgorithms.RS256 => RSA.Create(2048),
            SigningAlgorithms.ES256 => ECDsa.Create(ECCurve.NamedCurves.nistP256),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Use RS256 or ES256."),
        };
        AsymmetricSecurityKey view = pair is RSA rsa ? new RsaSecurityKey(rsa) : new ECDsaSecurityKey((ECDsa)pair);
        return new SigningKey(Thumbprint(view), algorithm, pair.ExportPkcs8PrivateKey(), now, null);
    }

    public static AsymmetricSecurityKey Load(SigningKey key) => Load(key.Algorithm, key.PrivateKey, key.Kid);

    private static AsymmetricSecurityKey Load(string algorithm, byte[] pkcs8, string kid)
    {
        switch (algorithm)
        {
            case SigningAlgorithms.RS256:
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                return new RsaSecurityKey(rsa) { KeyId = kid };
            case SigningAlgorithms.ES256:
                var ecdsa = ECDsa.Create();
                ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
                return new ECDsaSecurityKey(ecdsa) { KeyId = kid };
            default:
                throw new InvalidOperationException($"Stored key '{kid}' has the unknown algorithm '{algorithm}'.");
        }
    }

    // The kid is the key's RFC 7638 thumbprint: the same public key always has the same id.
    private static string Thumbprint(AsymmetricSecurityKey key) =>
        Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSecurityKey(key).ComputeJwkThumbprint());
}
