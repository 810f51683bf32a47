using Microsoft.Extensions.Hosting;

namespace ECommerce.ServiceDefaults.Authentication;

/// <summary>
/// Fetches the identity service's keys as soon as the service starts (retrying until identity answers), then
/// refreshes them well before they age out, so the request path only fetches on a key id it has never seen.
/// </summary>
public sealed class SigningKeyWarmup(SigningKeyCache keys) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            var fetched = await keys.RefreshAsync(stoppingToken);
            retry = fetched ? TimeSpan.FromMilliseconds(250) : TimeSpan.FromMilliseconds(Math.Min(retry.TotalMilliseconds * 2, 5000));
            try { await Task.Delay(fetched ? SigningKeyCache.MaxAge / 3 : retry, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
