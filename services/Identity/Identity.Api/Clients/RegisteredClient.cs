namespace ECommerce.Identity.Api.Clients;

/// <summary>A client as the token endpoint knows it: its secret only as a SHA-256 hash.</summary>
public sealed record RegisteredClient(string Id, bool IsPublic, byte[]? SecretHash, string? Role, IReadOnlySet<string> Scopes)
{
    public const string Storefront = "storefront";
    public const string AdminApp = "admin";
}
