using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ServiceDiscovery;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.ServiceDefaults.Authentication;

/// <summary>
/// The identity service's issuer and signing keys, fetched from <c>http://identity</c> (through service discovery),
/// cached, and fetched again at once when a token names a key id the cache does not know, so the first token
/// signed after a key rotation is accepted, not only the ones after it. Refetches are throttled, so forged
/// kids cannot turn the edge into a load generator against identity.
/// </summary>
public sealed class SigningKeyCache(IConfiguration configuration, ServiceEndpointResolver resolver, ILogger<SigningKeyCache> logger)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MinRefetchInterval = TimeSpan.FromSeconds(2);
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private DateTimeOffset _lastForcedFetch = DateTimeOffset.MinValue;
    private DateTimeOffset _lastFailure = DateTimeOffset.MinValue;

    private sealed record Snapshot(string Issuer, IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt);

    public string? Issuer => Current()?.Issuer;

    public IEnumerable<SecurityKey> KeysFor(string? kid)
    {
        var snapshot = Current();
        if (kid is not null && snapshot?.Keys.Any(k => k.KeyId == kid) != true) snapshot = Refetch(forced: true) ?? snapshot;
        return snapshot?.Keys ?? [];
    }

    private Snapshot? Current()
    {
        var snapshot = _snapshot;
        return snapshot is null || DateTimeOffset.UtcNow - snapshot.FetchedAt > MaxAge ? Refetch(forced: false) ?? snapshot : snapshot;
    }

    /// <summary>
    /// Fetches the keys without blocking a thread: what <see cref="SigningKeyWarmup"/> calls at start and every few
    /// minutes, so requests find the keys cached instead of all waiting on one synchronous fetch (which, with a burst of
    /// requests at a cold start, starved the thread pool until the fetch timed out).
    /// </summary>
    public async Task<bool> RefreshAsync(CancellationToken ct)
    {
        try
        {
            var authority = Authority;
            using var metadata = await GetAsync($"{authority}/.well-known/openid-configuration", ct);
            var issuer = metadata.RootElement.GetProperty("issuer").GetString()!;
            using var jwks = await GetAsync($"{authority}/.well-known/jwks.json", ct);
            Store(issuer, jwks);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            or ArgumentException || ex is TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogDebug("Signing keys not fetched yet: {Reason}", ex.Message);
            return false;
        }
    }

    private string Authority => (configuration["Identity:Authority"] ?? "http://identity").TrimEnd('/');

    private void Store(string issuer, JsonDocument jwks)
    {
        var keys = new JsonWebKeySet(jwks.RootElement.GetRawText()).GetSigningKeys().ToList();
        var changed = _snapshot is not { } old || old.Issuer != issuer || !old.Keys.Select(k => k.KeyId).SequenceEqual(keys.Select(k => k.KeyId));
        _snapshot = new Snapshot(issuer, keys, DateTimeOffset.UtcNow);
        if (changed) logger.LogInformation("Signing keys of {Issuer}: {Kids}", issuer, string.Join(", ", keys.Select(k => k.KeyId)));
    }

    private async Task<JsonDocument> GetAsync(string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, await ResolveAsync(new Uri(url), ct));
        using var response = await Http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await JsonDocument.ParseAsync(stream, cancellationToken: ct);
    }

    private Snapshot? Refetch(bool forced)
    {
        lock (_gate)
        {
            // While identity is unreachable, callers get the keys already known instead of each waiting on a fetch.
            if (DateTimeOffset.UtcNow - _lastFailure < MinRefetchInterval) return _snapshot;
            if (forced)
            {
                if (DateTimeOffset.UtcNow - _lastForcedFetch < MinRefetchInterval) return _snapshot;
                _lastForcedFetch = DateTimeOffset.UtcNow;
            }
            try
            {
                using var metadata = Get($"{Authority}/.well-known/openid-configuration");
                var issuer = metadata.RootElement.GetProperty("issuer").GetString()!;
                using var jwks = Get($"{Authority}/.well-known/jwks.json");
                Store(issuer, jwks);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException
                or InvalidOperationException or ArgumentException)
            {
                _lastFailure = DateTimeOffset.UtcNow;
                logger.LogWarning("Could not fetch the identity service's signing keys: {Reason}", ex.Message);
            }
            return _snapshot;
        }
    }

    private JsonDocument Get(string url)
    {
        // Synchronous on purpose: the token validator's key resolver is synchronous, and this runs rarely (cold start, rotation).
        using var request = new HttpRequestMessage(HttpMethod.Get, ResolveAsync(new Uri(url), CancellationToken.None).AsTask().GetAwaiter().GetResult());
        using var response = Http.Send(request);
        response.EnsureSuccessStatusCode();
        using var stream = response.Content.ReadAsStream();
        return JsonDocument.Parse(stream);
    }

    /// <summary>
    /// <c>http://identity/...</c> to an instance through Microsoft.Extensions.ServiceDiscovery (configuration answers at
    /// once, so the synchronous path does not wait on I/O); a literal URL stays as it is.
    /// </summary>
    private async ValueTask<Uri> ResolveAsync(Uri url, CancellationToken ct)
    {
        var source = await resolver.GetEndpointsAsync(url.GetLeftPart(UriPartial.Authority), ct);
        if (source.Endpoints.Count == 0) return url;
        var address = source.Endpoints[0].ToString()!;
        var instance = new Uri(address.Contains("://") ? address : $"{url.Scheme}://{address}");
        return new UriBuilder(url) { Scheme = instance.Scheme, Host = instance.Host, Port = instance.Port }.Uri;
    }
}
