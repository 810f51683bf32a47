using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ECommerce.Identity.Api.Keys;

/// <summary>
/// This instance's copy of the published signing keys: read from the database, kept for a short while
/// (<c>Identity:SigningKeyCacheDuration</c>), read again at once when a token names a kid the copy does not know, so a
/// key another instance just made is accepted here as soon as it is used. Signs with the active key; validates
/// against every published one.
/// </summary>
public sealed class SigningKeyRing(
    SigningKeyStore store, KeyRotationPolicy policy, IOptions<SigningKeyOptions> options, TimeProvider time,
    ILogger<SigningKeyRing> logger)
{
    private static readonly TimeSpan MinReloadInterval = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private readonly ConcurrentDictionary<string, AsymmetricSecurityKey> _material = new(StringComparer.Ordinal);
    private volatile Snapshot? _snapshot;
    private long _lastUnknownKidReload;

    private sealed record Snapshot(SigningKey? Active, IReadOnlyList<SigningKey> Published, DateTimeOffset LoadedAt);

    public async Task<SigningCredentials> GetSigningCredentialsAsync(CancellationToken ct)
    {
        var snapshot = await ReloadIfOlderThanAsync(options.Value.SigningKeyCacheDuration, ct);
        if (snapshot.Active is null)
        {
            await store.RotateAsync(force: false, ct);
            snapshot = await ReloadSinceAsync(time.GetUtcNow(), ct);
        }
        var active = snapshot.Active ?? throw new InvalidOperationException("There is no active signing key.");
        return new SigningCredentials(Material(active), active.Algorithm);
    }

    /// <summary>
    /// Every key still valid for unexpired tokens, newest first, as the database has them now: the JWKS must show a
    /// key another instance made a moment ago. Concurrent callers share a read.
    /// </summary>
    public async Task<IReadOnlyList<(SigningKey Key, AsymmetricSecurityKey Material)>> PublishedAsync(CancellationToken ct)
    {
        var snapshot = await ReloadSinceAsync(time.GetUtcNow(), ct);
        return snapshot.Published.Select(k => (k, Material(k))).ToList();
    }

    /// <summary>Before a bearer token is validated: a fresh copy, and one that knows <paramref name="kid"/> if the database does.</summary>
    public async Task PrepareToValidateAsync(string? kid, CancellationToken ct)
    {
        var snapshot = await ReloadIfOlderThanAsync(options.Value.SigningKeyCacheDuration, ct);
        if (kid is null || snapshot.Published.Any(k => k.Kid == kid)) return;
        // Made-up kids must not turn every request into a database read: one such read per second at most.
        var now = time.GetUtcNow();
        var last = new DateTimeOffset(Interlocked.Read(ref _lastUnknownKidReload), TimeSpan.Zero);
        if (now - last < MinReloadInterval && snapshot.LoadedAt >= last) return;
        Interlocked.Exchange(ref _lastUnknownKidReload, now.UtcTicks);
        await ReloadSinceAsync(now, ct);
    }

    /// <summary>For the (synchronous) token validator: the published keys named <paramref name="kid"/>, or all of them.</summary>
    public IEnumerable<SecurityKey> ValidationKeys(string? kid) =>
        (_snapshot?.Published ?? []).Where(k => kid is null || k.Kid == kid).Select(Material);

    public async Task<KeyRotation> RotateAsync(CancellationToken ct)
    {
        var rotation = await store.RotateAsync(force: true, ct);
        await ReloadSinceAsync(time.GetUtcNow(), ct);
        logger.LogInformation("Signing key rotated on request: {ActiveKid} signs now, {RetiredKid} retired", rotation!.ActiveKid, rotation.RetiredKid);
        return rotation;
    }

    /// <summary>Makes the first key, or replaces one that reached its lifetime.</summary>
    public async Task EnsureCurrentAsync(CancellationToken ct)
    {
        if (await store.RotateAsync(force: false, ct) is { } rotation)
        {
            logger.LogInformation("Signing key {ActiveKid} created (replacing {RetiredKid})", rotation.ActiveKid, rotation.RetiredKid ?? "none");
            await ReloadSinceAsync(time.GetUtcNow(), ct);
        }
    }

    private Task<Snapshot> ReloadIfOlderThanAsync(TimeSpan maxAge, CancellationToken ct) =>
        ReloadUnlessAsync(s => time.GetUtcNow() - s.LoadedAt < maxAge, ct);

    /// <summary>A copy read after <paramref name="moment"/>: it holds every key committed before then.</summary>
    private Task<Snapshot> ReloadSinceAsync(DateTimeOffset moment, CancellationToken ct) =>
        ReloadUnlessAsync(s => s.LoadedAt >= moment, ct);

    private async Task<Snapshot> ReloadUnlessAsync(Func<Snapshot, bool> isFresh, CancellationToken ct)
    {
        if (_snapshot is { } fresh && isFresh(fresh)) return fresh;
        await _reloading.WaitAsync(ct);
        try
        {
            // Whoever waited for the read in progress may find its result fresh enough.
            if (_snapshot is { } current && isFresh(current)) return current;
            var startedAt = time.GetUtcNow();
            var keys = await store.LoadAsync(ct);
            var published = keys.Where(k => policy.IsPublished(k, startedAt)).ToList();
            foreach (var gone in _material.Keys.Except(published.Select(k => k.Kid))) _material.TryRemove(gone, out _);
            return _snapshot = new Snapshot(published.FirstOrDefault(k => k.IsActive), published, startedAt);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private AsymmetricSecurityKey Material(SigningKey key) => _material.GetOrAdd(key.Kid, _ => SigningKeyFactory.Load(key));
}
