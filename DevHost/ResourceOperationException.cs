namespace ECommerce.DevHost;

/// <summary>A lifecycle request that cannot be done; the status code is what the control API answers.</summary>
public sealed class ResourceOperationException(string message, int statusCode, Exception? inner = null)
    : Exception(message, inner)
{
    public int StatusCode { get; } = statusCode;

    public static ResourceOperationException NotSupported(string message) => new(message, 400);

    public static ResourceOperationException Unavailable(string message, Exception? inner = null) => new(message, 503, inner);
}
