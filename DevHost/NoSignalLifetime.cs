using Microsoft.Extensions.Hosting;

namespace ECommerce.DevHost;

/// <summary>
/// The control API's host must not act on Ctrl+C by itself: DevHost decides the order of shutdown
/// (projects, servers, then the control API), so the default console lifetime is replaced by this one.
/// </summary>
public sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
