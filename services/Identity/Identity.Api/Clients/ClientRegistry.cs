using System.Security.Cryptography;
using System.Text;
using ECommerce.Identity.Api.Tokens;
using Microsoft.Extensions.Options;

namespace ECommerce.Identity.Api.Clients;

/// <summary>The configured OAuth clients, and authentication of the confidential ones by their secret.</summary>
public sealed class ClientRegistry
{
    // Compared against when the client is unknown, so an unknown client_id takes as long as a wrong secret.
    private static readonly byte[] NoClientsSecret = SHA256.HashData("no client has this secret"u8);

    private readonly Dictionary<string, RegisteredClient> _clients;

    public ClientRegistry(IOptions<ClientsOptions> options) =>
        _clients = options.Value.Clients.ToDictionary(c => c.Key, c => Register(c.Key, c.Value), StringComparer.Ordinal);

    public RegisteredClient? Find(string clientId) => _clients.GetValueOrDefault(clientId);

    /// <summary>The confidential client with this id and secret, or null; the secrets' hashes are compared in constant time.</summary>
    public RegisteredClient? Authenticate(string clientId, string secret)
    {
        var client = Find(clientId);
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        var matches = CryptographicOperations.FixedTimeEquals(client?.SecretHash ?? NoClientsSecret, presented);
        return matches && client is { IsPublic: false } ? client : null;
    }

    /// <summary>
    /// The client of a password or refresh_token grant: none, or a known public client. A confidential client that
    /// authenticates is still refused: machine clients have no users and use client_credentials.
    /// </summary>
    public (RegisteredClient? Client, OAuthError? Error) ForUserGrant(ClientCredentials? credentials, string grantType)
    {
        if (credentials is null) return (null, null);
        var client = Find(credentials.ClientId);
        if (client is null)
            return (null, OAuthError.InvalidClient($"The client '{credentials.ClientId}' is not known.", credentials.ViaAuthorizationHeader));
        if (client.IsPublic)
            return credentials.Secret is null
                ? (client, null)
                : (null, OAuthError.InvalidClient($"The client '{client.Id}' is public and has no secret.", credentials.ViaAuthorizationHeader));
        var (confidential, error) = ForClientCredentials(credentials);
        return (null, error ?? OAuthError.UnauthorizedClient(confidential!.Id, grantType));
    }

    /// <summary>The confidential client of a client_credentials grant, authenticated by its secret.</summary>
    public (RegisteredClient? Client, OAuthError? Error) ForClientCredentials(ClientCredentials? credentials)
    {
        if (credentials?.Secret is null)
            return (null, OAuthError.InvalidClient("Client authentication is required (client_id and client_secret).",
                credentials?.ViaAuthorizationHeader ?? false));
        var client = Authenticate(credentials.ClientId, credentials.Secret);
        return client is null
            ? (null, OAuthError.InvalidClient("Client authentication failed.", credentials.ViaAuthorizationHeader))
            : (client, null);
    }

    private static RegisteredClient Register(string id, ClientOptions options)
    {
        var hash = options.Public ? null
            : !string.IsNullOrEmpty(options.Secret) ? SHA256.HashData(Encoding.UTF8.GetBytes(options.Secret))
            : Convert.FromHexString(options.SecretHash!);
        var scopes = (options.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        return new RegisteredClient(id, options.Public, hash, options.Role, scopes);
    }
}
