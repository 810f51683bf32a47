namespace ECommerce.ServiceDefaults.Resilience;

/// <summary>
/// Which requests may be retried: the idempotent methods, and any request carrying an <c>Idempotency-Key</c>
/// header or marked with <see cref="MarkIdempotent"/> (the receiver deduplicates it, so a second try is safe).
/// </summary>
public static class IdempotentRequests
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly HttpRequestOptionsKey<bool> Marker = new("ECommerce.Idempotent");

    private static readonly HashSet<HttpMethod> Methods =
        [HttpMethod.Get, HttpMethod.Head, HttpMethod.Options, HttpMethod.Put, HttpMethod.Delete, HttpMethod.Trace];

    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(Marker, true);
        return request;
    }

    public static bool IsIdempotent(this HttpRequestMessage request) =>
        Methods.Contains(request.Method)
        || request.Headers.Contains(IdempotencyKeyHeader)
        || (request.Options.TryGetValue(Marker, out var marked) && marked);
}
