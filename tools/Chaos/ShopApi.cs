using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ECommerce.Chaos;

/// <summary>The public API through the gateway (and, for admin reads, a service's own URL when it is known).</summary>
public sealed class ShopApi(HttpClient http)
{
    public static HttpClient CreateHttp() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    })
    { Timeout = TimeSpan.FromSeconds(20) };

    public Task<Answer> SendAsync(HttpMethod method, Uri url, string? token, object? body = null,
        string? idempotencyKey = null, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        return Answer.SendAsync(http, request, ct);
    }

    /// <summary>The same request again while the answer is 429 (waiting Retry-After) or no answer, up to a deadline.</summary>
    public async Task<Answer> PatientlyAsync(Func<Task<Answer>> send, TimeSpan bound, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var answer = await send();
            if (answer.Status is not (0 or 429 or 502 or 503 or 504) || DateTime.UtcNow > deadline) return answer;
            await Task.Delay(answer.Status == 429 ? answer.RetryAfter : TimeSpan.FromMilliseconds(500), ct);
        }
    }

    public async Task<string?> TokenAsync(Uri gateway, string email, string password, CancellationToken ct)
    {
        var answer = await PatientlyAsync(() =>
        {
            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["username"] = email, ["password"] = password,
            });
            return Answer.SendAsync(http, new HttpRequestMessage(HttpMethod.Post, new Uri(gateway, "/api/auth/token")) { Content = form }, ct);
        }, TimeSpan.FromSeconds(60), ct);
        return answer.Ok ? answer.Json.GetProperty("access_token").GetString() : null;
    }
}
