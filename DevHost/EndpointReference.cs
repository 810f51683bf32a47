namespace ECommerce.DevHost;

/// <summary>
/// A project's endpoint used as a configuration value (Aspire's <c>GetEndpoint("http")</c>), written in the
/// manifest expression form Aspire uses, <c>{gateway.bindings.http.url}</c>, and resolved to the URL when the
/// project that uses it starts.
/// </summary>
public sealed record EndpointReference(string Resource, string Endpoint)
{
    public string Expression => $"{{{Resource}.bindings.{Endpoint}.url}}";

    public static bool TryParse(string value, out EndpointReference reference)
    {
        reference = null!;
        if (!value.StartsWith('{') || !value.EndsWith(".url}")) return false;
        var parts = value[1..^1].Split('.');
        if (parts is not [var resource, "bindings", var endpoint, "url"]) return false;
        reference = new EndpointReference(resource, endpoint);
        return true;
    }
}
