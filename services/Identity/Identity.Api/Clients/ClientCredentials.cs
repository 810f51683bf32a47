using System.Text;
using ECommerce.Identity.Api.Tokens;

namespace ECommerce.Identity.Api.Clients;

/// <summary>
/// Who the client says it is: HTTP Basic (client_secret_basic) or client_id/client_secret in the form
/// (client_secret_post, or a public client's bare client_id). Using both at once is refused (RFC 6749 §2.3).
/// </summary>
public sealed record ClientCredentials(string ClientId, string? Secret, bool ViaAuthorizationHeader)
{
    public static (ClientCredentials? Credentials, OAuthError? Error) Read(
        IReadOnlyDictionary<string, string> form, string? authorizationHeader)
    {
        form.TryGetValue("client_id", out var formId);
        form.TryGetValue("client_secret", out var formSecret);
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return formId is null
                ? (null, formSecret is null ? null : OAuthError.InvalidRequest("client_secret was sent without client_id."))
                : (new ClientCredentials(formId, formSecret, false), null);

        if (formSecret is not null)
            return (null, OAuthError.InvalidRequest("The client used more than one authentication method."));
        if (!TryDecodeBasic(authorizationHeader["Basic ".Length..].Trim(), out var id, out var secret))
            return (null, OAuthError.InvalidClient("The Authorization header is not valid Basic client authentication.", true));
        if (formId is not null && formId != id)
            return (null, OAuthError.InvalidRequest("client_id in the form differs from the Authorization header's."));
        return (new ClientCredentials(id, secret, true), null);
    }

    // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded.
    private static bool TryDecodeBasic(string encoded, out string id, out string secret)
    {
        id = secret = "";
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length)) return false;
        var decoded = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = decoded.IndexOf(':');
        if (colon <= 0) return false;
        id = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
        secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
        return true;
    }
}
