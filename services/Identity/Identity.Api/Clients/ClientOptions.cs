namespace ECommerce.Identity.Api.Clients;

/// <summary>
/// One OAuth client under <c>Identity:Clients:&lt;client_id&gt;</c>. A public client (the storefront, the admin app)
/// has no secret and may use the password and refresh_token grants; a confidential (machine) client authenticates
/// with its secret and uses client_credentials.
/// </summary>
public sealed class ClientOptions
{
    public bool Public { get; set; }

    /// <summary>Hex SHA-256 of the secret, the way to configure it (the secret itself never needs to be on disk).</summary>
    public string? SecretHash { get; set; }

    /// <summary>The secret in clear, for hosts that pass it in the environment; hashed when read.</summary>
    public string? Secret { get; set; }

    /// <summary>The <c>role</c> claim of the client's own tokens (e.g. <c>service</c>).</summary>
    public string? Role { get; set; }

    /// <summary>Space-separated scopes the client may ask for; all of them when it asks for none.</summary>
    public string? Scope { get; set; }
}
