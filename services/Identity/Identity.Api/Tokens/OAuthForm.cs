using Microsoft.Net.Http.Headers;

namespace ECommerce.Identity.Api.Tokens;

/// <summary>
/// Reads an OAuth request body: application/x-www-form-urlencoded only, each parameter at most once, a parameter
/// without a value treated as absent (RFC 6749 §3.2).
/// </summary>
public static class OAuthForm
{
    public static async Task<(IReadOnlyDictionary<string, string>? Parameters, OAuthError? Error)> ReadAsync(
        HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return (null, OAuthError.InvalidRequest("The request body must be application/x-www-form-urlencoded."));

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e)
        {
            return (null, OAuthError.InvalidRequest($"The form could not be read: {e.Message}"));
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (values.Count > 1) return (null, OAuthError.InvalidRequest($"The '{name}' parameter is present more than once."));
            if (!string.IsNullOrEmpty(values[0])) parameters[name] = values[0]!;
        }
        return (parameters, null);
    }
}
