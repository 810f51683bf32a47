using ECommerce.Identity.Api.Clients;
using ECommerce.Identity.Api.Users;
using ECommerce.ServiceDefaults.Authentication;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>Whom an access token speaks for: a user (through a client or not) or a machine client itself.</summary>
public sealed record TokenSubject(string Subject, string Role, string? Email, string? Name, string? ClientId, string? Scope)
{
    public static TokenSubject ForUser(User user, string? clientId) =>
        new(user.Id.ToString(), user.Role, user.Email, user.Name, clientId, null);

    /// <summary>With no user behind it, the subject is the client (RFC 9068 §2.2).</summary>
    public static TokenSubject ForClient(RegisteredClient client, string? scope) =>
        new(client.Id, client.Role!, null, null, client.Id, scope);

    public Dictionary<string, object> ToClaims()
    {
        var claims = new Dictionary<string, object> { [Claims.Subject] = Subject, [Claims.Role] = Role };
        if (Email is not null) claims[Claims.Email] = Email;
        if (Name is not null) claims[Claims.Name] = Name;
        if (ClientId is not null) claims["client_id"] = ClientId;
        if (Scope is not null) claims["scope"] = Scope;
        return claims;
    }
}
